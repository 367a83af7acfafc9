// The expert infos packet-tcp.c adds under a segment's SYN, FIN and RST bits and, for a FIN, whether
// it starts the connection's closing or follows the other side's (closing_initiator), as filters:
// the frames `tshark -2 -Y <filter>` selects (tshark 4.0.17), on two corpus captures and the
// crafted TCP analysis capture (test/fixtures/tcp-analysis/, whose connections close and reset).

import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaptureSession } from '../../../workers/session.ts';
import { CAPTURES, REPO } from '../../golden/corpus.ts';

const TSHARK: [capture: string, filter: string, frames: number[]][] = [
  ['arcnet-rfc1051-arp-icmp-http.pcap', 'tcp.connection.syn', [11]],
  ['arcnet-rfc1051-arp-icmp-http.pcap', 'tcp.connection.synack', [12]],
  ['arcnet-rfc1051-arp-icmp-http.pcap', 'tcp.connection.fin', [21, 23]],
  ['arcnet-rfc1051-arp-icmp-http.pcap', 'tcp.connection.fin_active', [21]],
  ['arcnet-rfc1051-arp-icmp-http.pcap', 'tcp.connection.fin_passive', [23]],
  ['pptp.pcap', 'tcp.connection.synack', [2, 3]],
  ['pptp.pcap', 'tcp.connection.fin', [19, 20, 21]],
  ['pptp.pcap', 'tcp.connection.fin_active', [19, 20]],
  ['pptp.pcap', 'tcp.connection.fin_passive', [21]],
  ['tcp-analysis.pcap', 'tcp.connection.rst', [81, 162]],
  ['tcp-analysis.pcap', 'tcp.connection.fin_active', [69, 75, 150, 156]],
  ['tcp-analysis.pcap', 'tcp.connection.fin_passive', [70, 76, 151, 157]],
];

describe('TCP connection notes', () => {
  it.each(TSHARK)('%s: %s selects the frames tshark selects', async (capture, filter, frames) => {
    const file = capture === 'tcp-analysis.pcap' ? join(REPO, 'test/fixtures/tcp-analysis', capture) : join(CAPTURES, capture);
    const s = new CaptureSession();
    await s.open([await openAsBlob(file)], [capture], []);
    const res = await s.applyFilter(filter);
    expect(res.ok, JSON.stringify(res)).toBe(true);
    expect(Array.from((await s.getRows(0, res.displayed)).frame)).toEqual(frames);
  });
});
