// Decode As rules from text: tshark's `-d udp.port==4792,vxlan` (also a range `4790-4792` and
// `tcp.port`, `ethertype`), validated against the registered dissectors.

import { dissectorByName, type DecodeAsRule, type TableName } from './tables.ts';

const TABLES: readonly TableName[] = ['udp.port', 'tcp.port', 'ethertype', 'ip.proto', 'wtap_encap', 'gre.proto', 'sll.ltype'];

/** Parse one `-d` argument; throws an Error with a one-line message when it is not valid. */
export function parseDecodeAs(arg: string): DecodeAsRule[] {
  const m = /^([a-z_.]+)(?:==|:)([0-9a-fA-Fx]+)(?:-([0-9a-fA-Fx]+))?,([A-Za-z0-9_.-]+)$/.exec(arg.trim());
  if (!m) throw new Error(`bad -d argument "${arg}": expected TABLE==VALUE,PROTOCOL, e.g. udp.port==8472,vxlan`);
  const table = m[1] as TableName;
  if (!TABLES.includes(table)) throw new Error(`bad -d argument "${arg}": unknown table "${table}" (known: ${TABLES.join(', ')})`);
  const from = Number(m[2]);
  const to = m[3] === undefined ? from : Number(m[3]);
  const proto = (m[4] as string).toLowerCase();
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > 0xffffffff) {
    throw new Error(`bad -d argument "${arg}": "${m[2]}${m[3] ? '-' + m[3] : ''}" is not a valid value or range`);
  }
  if (proto !== 'none' && dissectorByName(proto) === undefined) {
    throw new Error(`bad -d argument "${arg}": no protocol "${proto}"`);
  }
  const rules: DecodeAsRule[] = [];
  for (let v = from; v <= to; v++) rules.push({ table, value: v, proto });
  return rules;
}
