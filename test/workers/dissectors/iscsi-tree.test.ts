// iSCSI and the SCSI it carries against tshark: test/fixtures/iscsi/iscsi-cases.pcap (written by
// scripts/make-iscsi-capture.py) holds an ESXi software initiator's session with a target on TCP
// 3260: the login in two stages (security, then operational keys), INQUIRY with its standard data
// in a Data-In and the SCSI Response in the same segment, REPORT LUNS, TEST UNIT READY answered by
// CHECK CONDITION with fixed sense (UNIT ATTENTION, 29/00) and then Good, the supported VPD pages
// and the unit serial number, READ CAPACITY(16) and (10), a READ(10) whose Data-In PDU spans two
// segments, one answered by two Data-In PDUs (the second's data shown as data) and one streamed in
// full-sized segments (one ends a PDU and starts the next: its "Reassembled PDU in frame" names the
// next PDU's last frame, the filter tcp.reassembled_in == 32), WRITE(10) and WRITE(16) with R2T and
// Data-Out, READ(16), MODE SENSE(6), SYNCHRONIZE CACHE(10), SendTargets (Text Command and
// Response), a LUN reset (Task Management), a Reject carrying the rejected header, an Asynchronous
// Message, NOP-Out and NOP-In, the logout. iscsi-lines.json beside it is tshark 4.0.17's reading
// (scripts/make-layer-lines.py iscsi).
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PacketDissector } from '../../../workers/dissect.ts';
import { EF, type FieldList } from '../../../workers/fields/field-list.ts';
import { leanMask } from '../../../workers/fields/lean-mask.ts';
import { FT, fieldById, fieldByName } from '../../../workers/fields/registry.ts';
import { readCapture } from '../../../workers/formats/open.ts';
import { REPO } from '../../golden/corpus.ts';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('iscsi');
const TITLES = ['iSCSI', 'SCSI', 'Flags: ', '[2 Reassembled TCP', '[Malformed Packet'];

describe('iSCSI and SCSI, as tshark shows them', () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('iscsi', 'iscsi-cases.pcap');
    expect(packets).toBe(59);
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol "iSCSI", Info ("SCSI: Read(10) LUN: 0x00 (LBA: 0x00001000, Len: 8)", two PDUs\' texts in one) and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('iscsi', 'iscsi-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('iscsi', 'iscsi-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(40);
    await expectFilters(s, WANT);
  });
});

/** The entries of `fl` that `mask` keeps, each under its nearest kept ancestor (as
 *  test/workers/engine/lean-dissection.test.ts compares them; labels only a full dissection writes
 *  are left out). */
function kept(fl: FieldList, mask: Uint8Array | null): unknown[] {
  const index = new Int32Array(fl.count).fill(-1);
  const out: unknown[] = [];
  for (let i = 0; i < fl.count; i++) {
    const id = fl.id[i] as number;
    if (mask !== null && mask[id] === 0) continue;
    let p = fl.parent[i] as number;
    while (p >= 0 && index[p] === -1) p = fl.parent[p] as number;
    index[i] = out.length;
    const def = fieldById(id);
    const label = def.type !== FT.NONE && def.type !== FT.PROTOCOL && !((fl.flags[i] as number) & EF.STR);
    out.push([id, p < 0 ? -1 : index[p], fl.off[i], fl.len[i], fl.num[i], fl.aux[i], fl.src[i], label ? undefined : fl.str[i]]);
  }
  return out;
}

describe('a lean dissection of iSCSI', () => {
  const masks: Record<string, string[]> = {
    'protocols only': [],
    'labelled iSCSI and SCSI items and sub-items': ('iscsi.keyvalue iscsi.flags iscsi.scsicommand.attr iscsi.isid.t iscsi.time iscsi.request_frame '
      + 'scsi.lun scsi.lun.address_mode scsi.inquiry.devtype scsi.inquiry.peripheral scsi_sbc.opcode scsi_sbc.read.flags scsi.sns.key scsi.time '
      + 'scsi.inquiry.flags scsi.mode.flags scsi_sbc.lba64_add scsi_sbc.returned_lba scsi.inquiry.vendor_id tcp.pdu.size').split(' '),
  };
  for (const [label, names] of Object.entries(masks)) {
    it(`keeps exactly the wanted entries of the full one, mask: ${label}`, async () => {
      const mask = leanMask(names.map((n) => fieldByName(n)?.id ?? -1));
      const full = new PacketDissector();
      const lean = new PacketDissector([], mask);
      let n = 0;
      await readCapture(await openAsBlob(join(REPO, 'test/fixtures/iscsi/iscsi-cases.pcap')), (rec) => {
        n++;
        const want = kept(full.dissect(rec, n), mask);
        expect(kept(lean.dissect(rec, n), null), `frame ${n}`).toEqual(want);
        expect(lean.status, `frame ${n}: status`).toBe(full.status);
      });
      expect(n).toBe(59);
    });
  }
});

describe('damaged iSCSI', () => {
  it('every frame cut at every length, and with its PDU lengths made absurd, dissects without throwing', async () => {
    const records: { data: Uint8Array; rec: Parameters<PacketDissector['dissect']>[0] }[] = [];
    await readCapture(await openAsBlob(join(REPO, 'test/fixtures/iscsi/iscsi-cases.pcap')), (rec) => {
      records.push({ data: rec.data.slice(), rec: { ...rec, data: rec.data.slice() } });
    });
    let cuts = 0;
    for (let k = 0; k < 2; k++) {
      const d = new PacketDissector();
      records.forEach(({ data, rec }, i) => {
        for (let len = 0; len <= data.length; len += k === 0 ? 1 : 7) {
          const bytes = data.slice(0, len);
          // (k = 1: a DataSegmentLength and TotalAHSLength of all ones in the first PDU)
          if (k === 1 && bytes.length > 54 + 8) bytes.fill(0xff, 54 + 4, 54 + 8);
          expect(() => d.dissect({ ...rec, data: bytes, capLen: len }, i + 1)).not.toThrow();
          cuts++;
        }
      });
    }
    expect(cuts).toBeGreaterThan(10_000);
  });
});
