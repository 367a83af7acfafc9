// Regenerates test/workers/warm-up-pins.ts: tshark's decode of the engine's warm-up capture
// (workers/warm-up-capture.ts), which the warm-up test compares the engine's `fields` export with.
// The capture is made in memory, so its expected values cannot come from the corpus: this writes
// two stretches of it to files (the first round's packets, and packets of a later round: replies,
// sequence numbers over the whole 32-bit range, ports seen before) and asks tshark for the fields.
// Run it after changing the warm-up capture; the tests never run tshark.
//
//   npx tsx scripts/make-warm-up-pins.ts   (needs tshark; UDP 8472 is given to VXLAN with -d, as
//                                           Decapod and Wireshark 4.4 decode it by default)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WARM_UP_KINDS, warmUpCapture } from '../workers/warm-up-capture.ts';

const OUT = join(import.meta.dirname, '..', 'test', 'workers', 'warm-up-pins.ts');
const FIELDS = 'frame.number eth.type vlan.id ip.src ip.dst ipv6.src ipv6.dst tcp.srcport tcp.dstport tcp.flags tcp.len udp.dstport vxlan.vni geneve.vni arp.opcode dns.qry.name dns.id dns.retransmission dns.retransmit_request_in';
const LATE_FIELDS = 'frame.number ip.src ipv6.src tcp.srcport tcp.flags tcp.seq_raw tcp.seq tcp.stream udp.srcport udp.stream';
/** The first round's first packets (14 of each kind: every branch of warm-up-capture.ts's
 *  tcpService), and packets of a later round (warmUpCapture's `first`). */
const PACKETS = 14 * WARM_UP_KINDS.length;
const LATE_FIRST = 19991;
const LATE_PACKETS = 18;

function tshark(args: string[]): string {
  return execFileSync('tshark', args, { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'ignore'] });
}

function decode(file: string, fields: string): string[] {
  const out = tshark(['-n', '-r', file, '-d', 'udp.port==8472,vxlan', '-T', 'fields', '-E', 'separator=/t', '-E', 'occurrence=a', '-E', 'aggregator=,', ...fields.split(' ').flatMap((f) => ['-e', f])]);
  return out.split('\n').filter((l) => l !== '');
}

const dir = mkdtempSync(join(tmpdir(), 'decapod-warm-up-'));
try {
  const first = join(dir, 'warm.pcap');
  const late = join(dir, 'warm-late.pcap');
  writeFileSync(first, warmUpCapture(PACKETS));
  writeFileSync(late, warmUpCapture(LATE_PACKETS, LATE_FIRST));
  const version = /TShark \(Wireshark\) ([\d.]+)/.exec(tshark(['--version']))?.[1] ?? '?';
  // single-quoted as the code is, unless a value holds a quote
  const quote = (r: string): string => (/['"]/.test(r) ? JSON.stringify(r) : `'${JSON.stringify(r).slice(1, -1)}'`);
  const lines = (rows: string[]): string => rows.map((r) => `  ${quote(r)},`).join('\n');
  writeFileSync(
    OUT,
    `// Made by scripts/make-warm-up-pins.ts with tshark ${version}: do not edit, run the script again.
// tshark -n -r FILE -d udp.port==8472,vxlan -T fields -E separator=/t -E occurrence=a -E aggregator=, -e …

/** Fields asked of warmUpCapture(${PACKETS}), the first round's packets. */
export const FIELDS = '${FIELDS}'.split(' ');
export const TSHARK = [
${lines(decode(first, FIELDS))}
];

/** Fields asked of warmUpCapture(${LATE_PACKETS}, ${LATE_FIRST}), packets of a later round: replies, sequence
 *  numbers over the whole 32-bit range, and connections whose ports came before. */
export const LATE_FIELDS = '${LATE_FIELDS}'.split(' ');
export const LATE_FIRST = ${LATE_FIRST};
export const TSHARK_LATE = [
${lines(decode(late, LATE_FIELDS))}
];
`,
  );
  console.log(`wrote ${OUT}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
