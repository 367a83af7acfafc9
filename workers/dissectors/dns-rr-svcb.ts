// SVCB and HTTPS records (RFC 9460; Wireshark packet-dns.c dissect_dns_answer, T_SVCB / T_HTTPS):
//
//   SvcPriority (2)  TargetName  { SvcParamKey (2)  length (2)  SvcParamValue }...
//
// Priority 0 is the alias form (no parameters). Each parameter is a subtree titled in the zone-file
// presentation format ("SvcParam: alpn=h2,h3", "SvcParam: ipv4hint=192.0.2.1,192.0.2.2"), the
// ECH and ODoH configurations in base64. As packet-dns.c, a parameter's value is read as its key
// says, not as its length says (a port is 2 bytes whatever the length), and the next parameter
// starts where that reading stopped.

import { FT, fieldById, names, registerFields } from '../fields/registry.ts';
import { ipv4Text, ipv6Text, formatText } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { asciiText } from './ascii.ts';
import { base64, nameField } from './dns-rr-common.ts';

const MANDATORY = 0;
const ALPN = 1;
const NO_DEFAULT_ALPN = 2;
const PORT = 3;
const IPV4HINT = 4;
const ECHCONFIG = 5;
const IPV6HINT = 6;
const ODOHCONFIG = 32769;

/** packet-dns.c dns_svcb_param_key_vals (tshark 4.0: "echconfig", not RFC 9460's "ech"). */
const KEY_NAMES = names([
  [MANDATORY, 'mandatory'], [ALPN, 'alpn'], [NO_DEFAULT_ALPN, 'no-default-alpn'], [PORT, 'port'], [IPV4HINT, 'ipv4hint'],
  [ECHCONFIG, 'echconfig'], [IPV6HINT, 'ipv6hint'], [ODOHCONFIG, 'odohconfig'], [65535, 'key65535'],
]);

/** A key as the presentation format names it ("key7" for one without a name). */
const keyName = (k: number): string => KEY_NAMES.get(k) ?? `key${k}`;

const S = registerFields({
  priority: { name: 'dns.svcb.svcpriority', label: 'SvcPriority', type: FT.UINT, bits: 16 },
  target: { name: 'dns.svcb.targetname', label: 'TargetName', type: FT.STRING },
  param: { name: 'dns.svcb.svcparam', label: 'SvcParam', type: FT.NONE },
  key: { name: 'dns.svcb.svcparam.key', label: 'SvcParamKey', type: FT.UINT, bits: 16, names: KEY_NAMES, unknownName: true },
  length: { name: 'dns.svcb.svcparam.value.length', label: 'SvcParamValue length', type: FT.UINT, bits: 16 },
  value: { name: 'dns.svcb.svcparam.value', label: 'SvcParamValue', type: FT.BYTES },
  mandatory: { name: 'dns.svcb.svcparam.mandatory.key', label: 'Mandatory key', type: FT.UINT, bits: 16, names: KEY_NAMES, unknownName: true },
  alpnLength: { name: 'dns.svcb.svcparam.alpn.length', label: 'ALPN length', type: FT.UINT, bits: 8 },
  alpn: { name: 'dns.svcb.svcparam.alpn', label: 'ALPN', type: FT.STRING },
  port: { name: 'dns.svcb.svcparam.port', label: 'Port', type: FT.UINT, bits: 16 },
  ipv4hint: { name: 'dns.svcb.svcparam.ipv4hint.ip', label: 'IP', type: FT.IPV4 },
  echconfig: { name: 'dns.svcb.svcparam.echconfig', label: 'ECHConfig', type: FT.BYTES },
  ipv6hint: { name: 'dns.svcb.svcparam.ipv6hint.ip', label: 'IP', type: FT.IPV6 },
  odohconfig: { name: 'dns.svcb.svcparam.odohconfig', label: 'ODoHConfig', type: FT.BYTES },
});

/** SVCB / HTTPS RDATA at [off, off+dlen) of the message [msg, end). Nothing goes on the record's line. */
export function dissectSvcb(c: Ctx, off: number, dlen: number, msg: number, end: number): void {
  const f = c.f;
  // (the parameters' titles are built for the full tree only)
  const full = f.wanted === null;
  if (c.uint(S.priority, off, 2, end) < 0) return;
  const n = nameField(c, S.target, off + 2, msg, end);
  if (n < 0) return;
  let o = off + 2 + n;
  // (a list of values starts with "=", then ","; no-default-alpn and an empty value have none)
  const sep = (k: number): string => (k === 0 ? '=' : ',');
  while (off + dlen > o && !c.stop) {
    // the parameter's item takes the rest of the bytes until its length is read
    const item = f.add(S.param, o, Math.max(0, Math.min(end, c.b.length) - o));
    f.push(item);
    const key = c.uint(S.key, o, 2, end);
    const len = c.uint(S.length, o + 2, 2, end);
    if (len < 0) {
      f.pop();
      return;
    }
    f.len[item] = len + 4;
    let title = full ? `SvcParam: ${keyName(key)}` : '';
    o += 4;
    switch (key) {
      case MANDATORY:
        for (let k = 0; k < len && !c.stop; k += 2, o += 2) {
          const m = c.uint(S.mandatory, o, 2, end);
          if (full && m >= 0) title += sep(k) + keyName(m);
        }
        break;
      case ALPN:
        for (let k = 0; k < len && !c.stop;) {
          const n = c.uint(S.alpnLength, o, 1, end);
          if (n < 0 || !c.has(o + 1, n, end)) break;
          const id = asciiText(c.b, o + 1, o + 1 + n, true);
          f.addStr(S.alpn, o + 1, n, id);
          if (full) title += sep(k) + id;
          o += 1 + n;
          k += 1 + n;
        }
        break;
      case NO_DEFAULT_ALPN:
        break;
      case PORT: {
        const port = c.uint(S.port, o, 2, end);
        if (full && port >= 0) title += `=${port}`;
        o += 2;
        break;
      }
      case IPV4HINT:
        for (let k = 0; k < len && c.field(S.ipv4hint, o, 4, end); k += 4, o += 4) if (full) title += sep(k) + ipv4Text(c.b, o);
        break;
      case IPV6HINT:
        for (let k = 0; k < len && c.field(S.ipv6hint, o, 16, end); k += 16, o += 16) if (full) title += sep(k) + ipv6Text(c.b, o);
        break;
      case ECHCONFIG:
      case ODOHCONFIG: {
        // proto_tree_add_bytes_format_value: the bytes, shown in base64
        const id = key === ECHCONFIG ? S.echconfig : S.odohconfig;
        if (c.field(id, o, len, end) && full) {
          const b64 = base64(c.b, o, len);
          f.setText(f.last, `${fieldById(id).label}: ${b64}`);
          title += `=${b64}`;
        }
        o += len;
        break;
      }
      default:
        if (len > 0) {
          if (c.field(S.value, o, len, end) && full) title += `=${formatText(c.b.subarray(o, o + len))}`;
          o += len;
        }
    }
    f.pop();
    if (full) f.label(item, title);
  }
}
