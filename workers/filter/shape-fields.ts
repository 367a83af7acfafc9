// The fields packet shapes (shapes.ts) tie to the table's columns, per field id: each column
// field's role (which column summarize.ts copies it to), and each field's type, mask and shift (to
// check aliases and masked parts). Also the lean mask of the index pass that records shapes: the
// summary's fields, plus every field a shape can answer from the columns, so that a lean shape
// holds every occurrence of each of them (test/workers/engine/lean-dissection.test.ts: a lean list
// is the full one restricted to its wanted fields).

import { FT, allFields } from '../fields/registry.ts';
import { summaryIds, summaryMask } from '../table/summarize.ts';

/** What an entry of a field is to the columns (summarize.ts's choice of fields). */
export const enum Role {
  NONE,
  NET_SRC,
  NET_DST,
  ETH_SRC,
  ETH_DST,
  SPORT,
  DPORT,
  VNI,
  FLAGS,
  PROTO,
  FRAME_NUMBER,
  FRAME_LEN,
  CAP_LEN,
  TIME,
}

/** Per field id: its role, registry type and mask (arrays: the index pass reads them per packet). */
export class ShapeFields {
  readonly role: Uint8Array;
  readonly type: Uint8Array;
  readonly mask: Uint32Array;
  /** Trailing zero bits of the mask (the shift of a masked integer field). */
  readonly shift: Uint8Array;
  constructor() {
    const all = allFields();
    this.role = new Uint8Array(all.length);
    this.type = new Uint8Array(all.length);
    this.mask = new Uint32Array(all.length);
    this.shift = new Uint8Array(all.length);
    for (const f of all) {
      this.type[f.id] = f.type;
      this.mask[f.id] = f.mask;
      this.shift[f.id] = maskShift(f.mask);
    }
    const I = summaryIds();
    const roles: [number, Role][] = [
      [I.ipSrc, Role.NET_SRC], [I.ip6Src, Role.NET_SRC], [I.ipDst, Role.NET_DST], [I.ip6Dst, Role.NET_DST],
      [I.ethSrc, Role.ETH_SRC], [I.ethDst, Role.ETH_DST],
      [I.tcpSport, Role.SPORT], [I.udpSport, Role.SPORT], [I.tcpDport, Role.DPORT], [I.udpDport, Role.DPORT],
      [I.vxlanVni, Role.VNI], [I.geneveVni, Role.VNI], [I.tcpFlags, Role.FLAGS], [I.ipProto, Role.PROTO], [I.ip6Nxt, Role.PROTO],
      [I.frameNumber, Role.FRAME_NUMBER], [I.frameLen, Role.FRAME_LEN], [I.frameCapLen, Role.CAP_LEN], [I.frameTime, Role.TIME],
    ];
    for (const [id, role] of roles) if (id >= 0) this.role[id] = role;
  }
}

let fields: ShapeFields | undefined;

/** The tables, rebuilt when fields were registered after they were made (a late import). */
export function shapeFields(): ShapeFields {
  if (fields === undefined || fields.type.length !== allFields().length) fields = new ShapeFields();
  return fields;
}

export function maskShift(mask: number): number {
  let shift = 0;
  while (shift < 32 && !((mask >>> shift) & 1)) shift++;
  return shift;
}

/** Fields that are the same bytes as a column field: siblings (`ip.addr` beside `ip.src`, `udp.port`
 *  beside `udp.srcport`) or children (`eth.addr` under `eth.src`). */
const ALIASES = ['ip.addr', 'ipv6.addr', 'tcp.port', 'udp.port', 'eth.addr'];

let mask: Uint8Array | undefined;

/**
 * The lean mask of an index pass that records shapes: summaryMask() plus the column fields the
 * summary does not read (frame.*), their aliases, and their masked parts (the fields named under
 * an integer column field with a mask: `tcp.flags.syn`). A filter whose fields are all in it is
 * answered from lean shapes exactly; any other filter learns full shapes (fast-path.ts).
 */
export function shapeMask(): Uint8Array {
  if (mask !== undefined && mask.length === allFields().length) return mask;
  const m = new Uint8Array(allFields().length);
  m.set(summaryMask());
  const F = shapeFields();
  const prefixes: string[] = [];
  for (const f of allFields()) {
    if (F.role[f.id] === Role.NONE) continue;
    m[f.id] = 1;
    if (f.type === FT.UINT || f.type === FT.INT) prefixes.push(f.name + '.');
  }
  for (const f of allFields()) {
    if (ALIASES.includes(f.name)) m[f.id] = 1;
    else if (f.mask !== 0 && prefixes.some((p) => f.name.startsWith(p))) m[f.id] = 1;
  }
  return (mask = m);
}
