// IGMP (workers/dissectors/igmp.ts) against bytes copied from IGMP_V2.pcap and hand-made IGMPv3
// messages, with the values tshark 4.0 prints for them.

import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/dissectors/context.ts';
import { dissect, hex } from './helpers.ts';

// IGMP_V2.pcap frame 1: general query, Max Resp Time 10 s (Ethernet padding after it).
const QUERY = '01005e000001001b1110261108004500001c655100000102b2e3c0a80102e00000011164ee9b00000000' + '00'.repeat(18);
// IGMP_V2.pcap frame 3: membership report (behind a Router Alert option).
const REPORT = '01005e0a0a0a0002021951280800460000200000400001022d52c0a80bc9e10a0a0a940400001600feeae10a0a0a' + '00'.repeat(14);
// Hand-made IGMPv3 query (Max Resp Code 0x96, QRV 2, QQIC 125, two sources) and report (two records).
const V3_QUERY = '00112233445566778899aabb08004500002800010000010200000a000001e00000011196dee2ef0102030a7d00020a0000010a000002';
const V3_REPORT =
  '00112233445566778899aabb08004500003400010000010200000a000001e00000162200e5da0000000201010001ef0102030a0000090000000004000000ef090909';

describe('IGMP', () => {
  it('decodes an IGMPv2 query (IGMP_V2.pcap frame 1)', () => {
    const d = dissect(hex(QUERY));
    expect(d.values('igmp.version')).toEqual(['2']);
    expect(d.values('igmp.type')).toEqual(['0x11']);
    expect(d.values('igmp.max_resp')).toEqual(['100']);
    expect(d.values('igmp.checksum')).toEqual(['0xee9b']);
    expect(d.values('igmp.checksum.status')).toEqual(['1']);
    expect(d.values('igmp.maddr')).toEqual(['0.0.0.0']);
    expect(d.labels('igmp.type')).toEqual(['Type: Membership Query (0x11)']);
  });

  it('decodes an IGMPv2 report (IGMP_V2.pcap frame 3)', () => {
    const d = dissect(hex(REPORT));
    expect(d.values('igmp.version')).toEqual(['2']);
    expect(d.values('igmp.type')).toEqual(['0x16']);
    expect(d.values('igmp.max_resp')).toEqual(['0']);
    expect(d.values('igmp.checksum')).toEqual(['0xfeea']);
    expect(d.values('igmp.maddr')).toEqual(['225.10.10.10']);
    expect(d.values('ip.opt.ra')).toEqual(['0']);
  });

  it('decodes IGMPv3 queries and reports', () => {
    const q = dissect(hex(V3_QUERY));
    expect(q.values('igmp.version')).toEqual(['3']);
    expect(q.values('igmp.max_resp')).toEqual(['352']);
    expect(q.values('igmp.max_resp.exp')).toEqual(['0x01']);
    expect(q.values('igmp.max_resp.mant')).toEqual(['0x06']);
    expect(q.values('igmp.checksum.status')).toEqual(['1']);
    expect(q.values('igmp.s')).toEqual(['1']);
    expect(q.values('igmp.qrv')).toEqual(['2']);
    expect(q.values('igmp.qqic')).toEqual(['125']);
    expect(q.values('igmp.saddr')).toEqual(['10.0.0.1', '10.0.0.2']);
    const r = dissect(hex(V3_REPORT));
    expect(r.values('igmp.reserved')).toEqual(['00', '0000']);
    expect(r.values('igmp.num_grp_recs')).toEqual(['2']);
    expect(r.values('igmp.record_type')).toEqual(['1', '4']);
    expect(r.values('igmp.aux_data_len')).toEqual(['1', '0']);
    expect(r.values('igmp.maddr')).toEqual(['239.1.2.3', '239.9.9.9']);
    expect(r.values('igmp.saddr')).toEqual(['10.0.0.9']);
    expect(r.values('igmp.aux_data')).toEqual(['00000000']);
    expect(r.values('igmp.checksum.status')).toEqual(['1']);
  });

  it('keeps the fields before the cut for every length below the header', () => {
    const full = hex(QUERY);
    const at = 14 + 20;
    const order = ['igmp.type', 'igmp.max_resp', 'igmp.checksum', 'igmp.maddr'];
    const needs = [1, 2, 4, 8];
    for (let cut = 0; cut < 8; cut++) {
      const d = dissect(full.slice(0, at + cut), { origLen: full.length });
      order.forEach((name, k) => expect(d.values(name).length, `${name} at cut ${cut}`).toBe(cut >= (needs[k] as number) ? 1 : 0));
      expect(d.status & Status.TRUNCATED).toBeTruthy();
    }
  });
});
