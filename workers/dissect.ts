// One entry point for dissecting packets of one capture with one set of Decode As rules: the index
// pass, the details view, the filter's slow path and the command line all go through it.

import './dissectors/all.ts';
import { Ctx, Status } from './dissectors/context.ts';
import { dissectFrame } from './dissectors/frame.ts';
import { showException } from './dissectors/exception.ts';
import { DissectorTables, type DecodeAsRule } from './dissectors/tables.ts';
import { Reassembly } from './analysis/reassembly.ts';
import { EF, WS, type FieldList } from './fields/field-list.ts';
import type { PacketRecord } from './formats/record.ts';

/** Tables are read-only once built, so dissectors with the same rules share them (building one
 *  fills two 65536-entry port arrays: tens of milliseconds, too much per re-dissection). */
const tablesByRules = new Map<string, DissectorTables>();
const MAX_SHARED_TABLES = 32;

function tablesFor(rules: readonly DecodeAsRule[]): DissectorTables {
  const key = JSON.stringify(rules.map((r) => [r.table, r.value, r.proto]));
  let t = tablesByRules.get(key);
  if (t === undefined) {
    if (tablesByRules.size >= MAX_SHARED_TABLES) tablesByRules.clear();
    tablesByRules.set(key, (t = new DissectorTables(rules)));
  }
  return t;
}

export class PacketDissector {
  readonly ctx: Ctx;

  /** `wanted`: a lean dissection keeping only these fields (see leanMask); omit for the full tree. */
  constructor(rules: readonly DecodeAsRule[] = [], wanted: Uint8Array | null = null) {
    this.ctx = new Ctx(tablesFor(rules), new Reassembly());
    this.ctx.f.wanted = wanted;
  }

  /**
   * Dissect one record. Frames must be given in file order on the first pass (reassembly state is
   * built then); afterwards `firstPass = false` lets single packets be dissected in any order.
   * The returned list is reused by the next call.
   */
  dissect(rec: PacketRecord, frameNo: number): FieldList {
    const c = this.ctx;
    c.begin(frameNo, rec.data, rec.linkType);
    dissectFrame(c, rec);
    markDamage(c);
    return c.f;
  }

  /** Status bits of the last dissected packet. */
  get status(): number {
    return this.ctx.status;
  }
}

/**
 * Wireshark's items for a damaged packet, which filters and `-e` name: `_ws.malformed` for a packet
 * that broke its protocol's rules, `_ws.short` for one cut off by the capture ("Packet size limited
 * during capture"). A dissector's exception shows as a line of the tree (exception.ts); a packet
 * damaged otherwise (an expert info of the Malformed group: epan/expert.c adds the item for those
 * too) gets the hidden item.
 */
function markDamage(c: Ctx): void {
  const f = c.f;
  if (c.failBit !== 0 && !c.failShown) {
    // the exception that stopped the packet, at the top of the tree as Wireshark shows it (one TCP
    // caught between two PDUs was shown there: tcp-pdus.ts)
    f.unwindTo(0);
    showException(c);
  }
  if (c.status & Status.MALFORMED && c.failBit !== Status.MALFORMED) f.add(WS.malformed, 0, 0, 0, EF.HIDDEN);
  if (c.status & Status.TRUNCATED && c.failBit !== Status.TRUNCATED) f.add(WS.short, 0, 0, 0, EF.HIDDEN);
}
