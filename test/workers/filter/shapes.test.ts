// Packet shapes (workers/filter/shapes.ts) on a small generated overlay capture: nearly every row
// gets a shape, the shapes are few, and the entries a filter reads most are tied to columns:
// ip.addr to the address columns (aliases), tcp.flags.syn to the flags column (a masked part).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldByName } from '../../../workers/fields/registry.ts';
import { ALIAS_BASE, Col, ShapeIndex, type Shape } from '../../../workers/filter/shapes.ts';
import { NO_VNI } from '../../../workers/table/packet-table.ts';
import { generateCapture } from './fixtures.ts';
import { indexCapture, type IndexedCapture } from './harness.ts';

const id = (name: string): number => fieldByName(name)?.id ?? -2;

describe('packet shapes', () => {
  let cap: IndexedCapture | null = null;
  beforeAll(async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'decapod-shapes-')), 'gen.pcap');
    if (generateCapture(path, 500, 3)) cap = await indexCapture(path);
  }, 120_000);

  it('gives almost every row a shape, and few shapes', (ctx) => {
    if (!cap) return ctx.skip();
    const rows = cap.table.length;
    let known = 0;
    for (let r = 0; r < rows; r++) if ((cap.shapes.rowShape[r] as number) !== 0) known++;
    expect(known).toBe(rows);
    expect(cap.shapes.count).toBeLessThan(80);
  });

  it('ties ip.addr, tcp.port and tcp.flags.syn of a VXLAN TCP packet to columns', (ctx) => {
    if (!cap) return ctx.skip();
    const t = cap.table;
    let r = 0;
    while (r < t.length && !((t.vni[r] as number) !== NO_VNI && ((t.tcpFlags[r] as number) & 2) !== 0)) r++;
    expect(r).toBeLessThan(t.length);
    const shape = cap.shapes.shapes[cap.shapes.rowShape[r] as number] as Shape;
    const entries = (name: string): number[] => Array.from(shape.ids.keys()).filter((i) => shape.ids[i] === id(name));
    const cls = (i: number): number => shape.cls[i] as number;
    // two IP layers: outer and inner addresses are columns, every ip.addr aliases one of them
    const src = entries('ip.src');
    expect(src.map(cls)).toEqual([Col.OUTER_SRC, Col.SRC]);
    for (const i of entries('ip.addr')) {
      expect(cls(i)).toBeGreaterThanOrEqual(ALIAS_BASE);
      expect(cls(i) & 1).toBe(0);
    }
    const [flags] = entries('tcp.flags');
    expect(cls(flags as number)).toBe(Col.TCP_FLAGS);
    const [syn] = entries('tcp.flags.syn');
    expect(cls(syn as number)).toBe(ALIAS_BASE + 2 * (flags as number) + 1);
    for (const i of entries('tcp.port')) expect(cls(i)).toBeGreaterThanOrEqual(ALIAS_BASE);
    // layers: the second ip is layer 2
    expect(src.map((i) => shape.layer[i])).toEqual([1, 2]);
  });

  it('refuses a row whose columns do not match its fields', (ctx) => {
    if (!cap) return ctx.skip();
    const t = cap.table;
    let r = 0;
    while (r < t.length && (t.vni[r] as number) === NO_VNI) r++;
    const fl = cap.dissectRow(r);
    const s = new ShapeIndex();
    s.observe(fl, r, t, cap.addrs, 0);
    expect(s.rowShape[r]).not.toBe(0);
    const saved = t.vni[r] as number;
    t.vni[r] = saved + 1;
    s.observe(fl, r, t, cap.addrs, 0);
    t.vni[r] = saved;
    expect(s.rowShape[r]).toBe(0);
  });

  it('keeps rows of reassembled packets out of the fast path', (ctx) => {
    if (!cap) return ctx.skip();
    const fl = cap.dissectRow(0);
    const s = new ShapeIndex();
    s.observe(fl, 0, cap.table, cap.addrs, 16 /* Status.REASSEMBLED */);
    expect(s.rowShape[0]).toBe(0);
  });

});
