// The `frame` pseudo-protocol (Wireshark's packet-frame.c): record metadata as fields, then the
// link-layer dissector chosen by the record's link type through the `wtap_encap` table. A link
// type nobody dissects is shown as data, never as an error, with a line naming the link type.
// frame.encap_type holds Wireshark's encapsulation number (WTAP_ENCAP_*), not the LINKTYPE_*.

import { FT, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import { RecordKind, type PacketRecord } from '../formats/record.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { WTAP_ENCAP_NAMES, wtapEncap } from './link-names.ts';
import { linkTypeName } from '../formats/link-types.ts';

export const F = registerFields({
  frame: { name: 'frame', label: 'Frame', type: FT.PROTOCOL },
  interfaceId: { name: 'frame.interface_id', label: 'Interface id', type: FT.UINT },
  encap: { name: 'frame.encap_type', label: 'Encapsulation type', type: FT.INT, names: WTAP_ENCAP_NAMES },
  time: { name: 'frame.time_epoch', label: 'Epoch Time', type: FT.ABSOLUTE_TIME },
  number: { name: 'frame.number', label: 'Frame Number', type: FT.UINT },
  len: { name: 'frame.len', label: 'Frame Length', type: FT.UINT },
  capLen: { name: 'frame.cap_len', label: 'Capture Length', type: FT.UINT },
  comment: { name: 'frame.comment', label: 'Comment', type: FT.STRING },
  marked: { name: 'frame.marked', label: 'Marked', type: FT.BOOLEAN },
});

/** Dissect one record from the top. `c.begin()` must have been called for it. */
export function dissectFrame(c: Ctx, rec: PacketRecord): void {
  const f = c.f;
  const n = rec.capLen;
  const frame = f.add(F.frame, 0, n);
  f.push(frame);
  if (rec.comments) for (const s of rec.comments) f.addStr(F.comment, 0, 0, s);
  // A pcapng Custom Block is not a packet: it has no interface and no encapsulation.
  if (rec.kind !== RecordKind.CUSTOM) {
    f.add(F.interfaceId, 0, 0, rec.interfaceId, EF.GENERATED);
    f.add(F.encap, 0, 0, wtapEncap(rec.linkType), EF.GENERATED);
  }
  if (rec.hasTime) {
    const t = f.add(F.time, 0, 0, rec.tsSec, EF.GENERATED);
    f.aux[t] = rec.tsNsec;
  }
  f.add(F.number, 0, 0, c.frameNo, EF.GENERATED);
  f.add(F.len, 0, 0, rec.origLen, EF.GENERATED);
  f.add(F.capLen, 0, 0, n, EF.GENERATED);
  f.pop();
  if (rec.kind === RecordKind.CUSTOM) {
    dissectData(c, 0, n);
    return;
  }
  c.frameLen = rec.origLen;
  const link = c.tables.lookup('wtap_encap', rec.linkType);
  if (link === undefined) {
    f.push(frame);
    f.text(0, 0, undissected(rec.linkType));
    f.pop();
  }
  // Bytes past the original length are outside the "reported" packet (Wireshark's tvb reported
  // length), so reading them marks the packet malformed rather than truncated.
  c.call(link ?? dissectData, 0, rec.origLen);
}

const undissectedText = new Map<number, string>();

/** "Link type DSA_TAG_DSA (284) is not dissected", built once per link type. */
function undissected(linkType: number): string {
  let s = undissectedText.get(linkType);
  if (s === undefined) {
    s = `Link type ${linkTypeName(linkType)} (${linkType}) is not dissected`;
    undissectedText.set(linkType, s);
  }
  return s;
}
