// The checksum lines of the details tree against tshark 4.0.17's (`tshark -n -2 -V`, copied): what
// Wireshark appends to each — IPv4's "[validation disabled]" (ip.check_checksum is off by default),
// "[correct]" for a verified Internet checksum (ICMP, ICMPv6, IGMP, PIM, the ICMP extension
// structure), "[unverified]" for TCP and SCTP, UDP's "[zero-value ignored]"; every frame of the
// corpus was compared while building this (766 frames equal; NHRP's checksum, which lacked its
// "[correct]" then, is checked line for line by tree-agreement.test.ts with the rest of NHRP).

import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../../workers/api.ts';
import { CaptureSession } from '../../../workers/session.ts';
import { CAPTURES } from '../../golden/corpus.ts';
import { buildTree } from '../../../workers/table/details.ts';
import { frame } from '../dissectors/helpers.ts';

async function checksumLines(capture: string, frame: number): Promise<string[]> {
  const s = new CaptureSession();
  await s.open([await openAsBlob(join(CAPTURES, capture))], [capture], []);
  const out: string[] = [];
  const walk = (n: TreeNode): void => {
    if (/Checksum: 0x/.test(n.label)) out.push(n.label);
    n.children.forEach(walk);
  };
  (await s.getDetails(frame)).tree.forEach(walk);
  return out;
}

describe('checksum lines', () => {
  it('read as tshark -V writes them', async () => {
    expect(await checksumLines('e1000g.pcap', 1)).toEqual(['Header Checksum: 0xfcd5 [validation disabled]', 'Checksum: 0x32e2 [correct]']);
    expect(await checksumLines('vxlan.pcap', 1)).toEqual([
      'Header Checksum: 0x5152 [validation disabled]', 'Checksum: 0x0000 [zero-value ignored]',
      'Header Checksum: 0x234f [validation disabled]', 'Checksum: 0xf6f2 [correct]',
    ]);
    expect(await checksumLines('isup.pcap', 1)).toEqual(['Header Checksum: 0xc28e [validation disabled]', 'Checksum: 0xb0b01883 [unverified]']);
    expect(await checksumLines('icmp-rfc5837.pcap', 1)).toEqual([
      'Header Checksum: 0x7ade [validation disabled]', 'Checksum: 0xccff [correct]',
      'Header Checksum: 0xf76a [validation disabled]', 'Checksum: 0x0000 [zero-value ignored]', 'Checksum: 0x246c [correct]',
    ]);
  });

  it('say what the checksum should be when it is wrong (e1000g.pcap frame 1, its ICMP checksum changed)', () => {
    const file = readFileSync(join(CAPTURES, 'e1000g.pcap'));
    const capLen = file.readUInt32LE(24 + 8);
    const bytes = new Uint8Array(file.subarray(40, 40 + capLen));
    // the ICMP checksum, 0x32e2, at offset 46 of the frame: 0x32e3 (tshark -V: "Checksum: 0x32e3
    // incorrect, should be 0x32e2" with its Warning/Checksum expert info, then a Bad status)
    expect([bytes[46], bytes[47]]).toEqual([0x32, 0xe2]);
    bytes[47] = 0xe3;
    const out: string[] = [];
    const walk = (n: TreeNode): void => {
      if (/Checksum/.test(n.label)) out.push(n.label);
      n.children.forEach(walk);
    };
    buildTree(frame(bytes, file.readUInt32LE(20)).fl).forEach(walk); // the file's link type (IPNET)
    expect(out).toEqual(['Header Checksum: 0xfcd5 [validation disabled]', 'Checksum: 0x32e3 incorrect, should be 0x32e2',
      '[Expert Info (Warning/Checksum): Bad checksum [should be 0x32e2]]', '[Group: Checksum]', '[Checksum Status: Bad]']);
  });
});
