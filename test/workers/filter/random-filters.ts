// 200 random display filters (fast-check, fixed seed) over the fields the column fast path reads
// (addresses, ports, VNIs, TCP flags, frame fields) and a few it does not (ip.ttl, vlan.id,
// arp.opcode), with layers, sets, slices and boolean combinations: shared by the fast-path tests.

import fc from 'fast-check';

const V4 = ['10.1.0.5', '10.1.0.0/16', '10.100.0.0/16', '10.200.0.0/16', '10.0.0.0/8', '192.168.203.1', '10.5.0.53'];
const PORTS = ['22', '80', '443', '4789', '6081', '8472', '53', '5353', '514', '3306'];
const MACS = ['02:00:5e:00:00:01', 'ff:ff:ff:ff:ff:ff', '02:00:5e:10:00:07', '00:16:3e:08:71:cf'];
const FIELDS: [string, string[]][] = [
  ['ip.src', V4],
  ['ip.dst', V4],
  ['ip.addr', V4],
  ['ipv6.addr', ['fd00::1', 'fd00::/8', '::1']],
  ['ipv6.src', ['fd00::a', 'fd00::/16']],
  ['eth.src', MACS],
  ['eth.dst', MACS],
  ['eth.addr', MACS],
  ['udp.port', PORTS],
  ['udp.srcport', PORTS],
  ['udp.dstport', PORTS],
  ['tcp.port', PORTS],
  ['tcp.srcport', ['1024', '40000', '60000']],
  ['tcp.dstport', PORTS],
  ['vxlan.vni', ['5003', '5000', '6001', '100']],
  ['geneve.vni', ['70003', '70000', '10']],
  ['tcp.flags', ['0x002', '0x012', '0x010', '0x018']],
  ['tcp.flags.syn', ['0', '1']],
  ['tcp.flags.ack', ['0', '1']],
  ['tcp.flags.reset', ['1']],
  ['ip.proto', ['6', '17', '1']],
  ['ipv6.nxt', ['6', '17']],
  ['frame.len', ['60', '100', '200', '1000']],
  ['frame.cap_len', ['60', '1000']],
  ['frame.number', ['5', '100', '1000', '15000']],
  ['ip.ttl', ['64', '62']],
  ['vlan.id', ['10', '100']],
  ['arp.opcode', ['1', '2']],
];
const OPS = ['==', '!=', '===', '~=', '<', '>=', 'contains'];

const atom: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...OPS), fc.nat(), fc.constantFrom('', '#1', '#2', '#[1-2]')).map(([[f, vals], op, k, layer]) => {
    const v = vals[k % vals.length] as string;
    const o = op === 'contains' ? '==' : op;
    return `${f}${layer} ${o} ${v}`;
  }),
  fc.tuple(fc.constantFrom(...FIELDS), fc.nat(), fc.nat()).map(([[f, vals], a, b]) => `${f} in {${vals[a % vals.length]}, ${vals[b % vals.length]}}`),
  fc.constantFrom('vxlan', 'geneve', 'tcp', 'udp', 'arp', 'ipv6', 'vlan', 'dns', 'icmp', 'ip#2', 'eth#2', 'count(ip) == 2', 'count(eth.src) > 1', 'len(ip.src) == 4', 'eth.src[0:3] == 02:00:5e', 'frame.len > ip.len', 'udp.port in {4789..8472}', 'tcp.flags & 0x02', 'tcp.flags.syn'),
);

const filterArb: fc.Arbitrary<string> = fc.letrec<{ f: string }>((tie) => ({
  f: fc.oneof({ depthSize: 'small', withCrossShrink: true }, atom, fc.tuple(tie('f'), fc.constantFrom('&&', '||'), tie('f')).map(([a, op, b]) => `(${a}) ${op} (${b})`), tie('f').map((a) => `!(${a})`)),
})).f;

export const RANDOM = fc.sample(filterArb, { seed: 20240611, numRuns: 200 });
