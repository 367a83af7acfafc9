// The worker's session over real captures: index columns, rows on screen, details, merging files.
import { mkdtempSync, openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaptureSession } from '../../../workers/session.ts';
import { CAPTURES } from '../../golden/corpus.ts';
import { generateCapture } from '../filter/fixtures.ts';

async function open(...names: string[]): Promise<CaptureSession> {
  const s = new CaptureSession();
  const blobs = await Promise.all(names.map((n) => openAsBlob(join(CAPTURES, n))));
  await s.open(blobs, names, []);
  return s;
}

describe('CaptureSession', () => {
  it('indexes vxlan.pcap: inner addresses, VTEPs, VNI, protocol and info', async () => {
    const s = await open('vxlan.pcap');
    const w = await s.getRows(0, 10);
    expect(w.count).toBe(10);
    expect(Array.from(w.frame.subarray(0, 3))).toEqual([1, 2, 3]);
    // Frame 1: ICMP echo inside VXLAN 100 between VTEPs 192.168.203.1 → 192.168.202.1 (tshark's ip.src/ip.dst).
    expect([w.src[0], w.dst[0], w.outerSrc[0], w.outerDst[0], w.vni[0], w.protocol[0]]).toEqual(['192.168.203.3', '192.168.203.5', '192.168.203.1', '192.168.202.1', 100, 'ICMP']);
    expect(w.info[0]).toMatch(/^Echo \(ping\) request/);
    // Frame 2: ARP inside VXLAN: the columns show the inner MACs, as Wireshark's do; the VTEPs are still known.
    expect([w.src[1], w.dst[1], w.protocol[1], w.vni[1]]).toEqual(['00:30:88:01:00:02', 'ff:ff:ff:ff:ff:ff', 'ARP', 100]);
    expect([w.outerSrc[1], w.outerDst[1]]).toEqual(['192.168.202.1', '192.168.203.1']);
    expect(w.info[1]).toBe('Who has 192.168.203.3? Tell 192.168.203.5');
    expect(w.length[0]).toBe(148);
  });

  it('gives the full tree of one packet with field names and byte ranges', async () => {
    const s = await open('vxlan.pcap');
    const d = await s.getDetails(1);
    const vxlan = d.tree.find((n) => n.field === 'vxlan');
    const vni = vxlan?.children.find((n) => n.field === 'vxlan.vni');
    expect(vni?.label).toBe('VXLAN Network Identifier (VNI): 100');
    expect([vni?.offset, vni?.length]).toEqual([46, 3]);
    expect(d.sources[0]?.bytes.length).toBe(148);
    expect(d.tree.filter((n) => n.field === 'eth')).toHaveLength(2);
  });

  it('keeps the index at 54 bytes a packet plus the address table (within 64 on the 1M benchmark)', async (ctx) => {
    // The benchmark's overlay mix (random outer MAC pairs and ports, a new flow almost every
    // packet): 40 bytes a row of columns and 14 of shape index, plus the table of distinct
    // addresses, which the rows amortise: 200,000 packets have ~29,000 addresses (14.5 bytes a
    // packet), the benchmark's 1M ~31,000 (2.9 bytes a packet: 56.9 in all, `npm run bench`).
    const gen = join(mkdtempSync(join(tmpdir(), 'decapod-index-')), 'gen-200000.pcap');
    if (!generateCapture(gen, 200_000, 1)) return ctx.skip();
    const s = new CaptureSession();
    const r = await s.open([await openAsBlob(gen)], ['gen.pcap'], []);
    expect(r.packets).toBe(200_000);
    // what is allocated: the pass reserves room for its estimate of the packets early (from the
    // sizes of the first 4,096) and keeps the spare rows when they are under an eighth
    const perRow = r.indexBytesPerPacket - s.addressBytes / r.packets;
    expect(perRow).toBeGreaterThanOrEqual(54);
    expect(perRow).toBeLessThanOrEqual(54 * (1 + 1 / 8));
    expect(s.addressBytes / r.packets).toBeLessThan(16);
  }, 120_000);

  it('merges several files by time, as pktcap-uw ingress and egress', async () => {
    const a = await open('vxlan.pcap');
    const b = await open('dns_udp.pcap');
    const both = await open('vxlan.pcap', 'dns_udp.pcap');
    const rows = await both.getRows(0, 100);
    expect(rows.count).toBe((await a.getRows(0, 100)).count + (await b.getRows(0, 100)).count);
    for (let i = 1; i < rows.count; i++) {
      const t = (k: number) => (rows.sec[k] as number) + (rows.nsec[k] as number) / 1e9;
      expect(t(i)).toBeGreaterThanOrEqual(t(i - 1));
    }
    // Frame numbers follow the merged order.
    expect(Array.from(rows.frame)).toEqual(Array.from({ length: rows.count }, (_, i) => i + 1));
  });

  it('suggests Decode As for VXLAN on a port without a rule, and applies it', async () => {
    const s = new CaptureSession();
    const r = await s.open([await openAsBlob(join(CAPTURES, 'vxlan.pcap'))], ['vxlan.pcap'], [{ table: 'udp.port', value: 4789, proto: 'none' }]);
    expect(r.suggestions).toEqual([{ table: 'udp.port', value: 4789, proto: 'vxlan', packets: 10 }]);
    expect((await s.getRows(0, 1)).vni[0]).toBe(-1);
    const again = await s.setDecodeAs([]);
    expect(again.suggestions).toEqual([]);
    expect((await s.getRows(0, 1)).vni[0]).toBe(100);
  });
});
