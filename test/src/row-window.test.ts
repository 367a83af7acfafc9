// Row windows cut and joined on the main thread (src/lib/format/row-window.ts): the rows on screen
// and the margin fetched apart make one window, every per-row array in step.
import { describe, expect, it } from 'vitest';
import type { RowWindow } from '../../workers/api.ts';
import { cutRows, joinRows } from '../../src/lib/format/row-window.ts';

/** Rows [start, start + count) of a list whose position p holds frame 1000 + p; `tag` marks the answer. */
function rows(start: number, count: number, tag = '', colour = false): RowWindow {
  const pos = Array.from({ length: count }, (_, k) => start + k);
  return {
    start,
    count,
    frame: Uint32Array.from(pos, (p) => 1000 + p),
    sec: Float64Array.from(pos, (p) => p / 2),
    nsec: Int32Array.from(pos, (p) => p * 3),
    delta: Float64Array.from(pos, (p) => p / 4),
    length: Uint32Array.from(pos, (p) => 60 + p),
    status: Uint8Array.from(pos, (p) => p % 2),
    vni: Int32Array.from(pos, (p) => (p % 3 === 0 ? -1 : p)),
    srcPort: Uint16Array.from(pos, (p) => 1000 + p),
    dstPort: Uint16Array.from(pos, (p) => 2000 + p),
    src: pos.map((p) => `10.0.0.${p}`),
    dst: pos.map((p) => `10.0.1.${p}`),
    outerSrc: pos.map((p) => `o${p}`),
    outerDst: pos.map((p) => `d${p}`),
    protocol: pos.map(() => 'UDP'),
    info: pos.map((p) => `info ${p}${tag}`),
    color: pos.map(() => 'udp'),
    custom: [pos.map((p) => `c${p}`), pos.map((p) => `e${p}`)],
    colorRule: colour ? Int16Array.from(pos, (p) => p % 4) : undefined,
  };
}

/** Every per-row value of position p in w, as one comparable line. */
function row(w: RowWindow, p: number): string {
  const k = p - w.start;
  return [w.frame[k], w.sec[k], w.nsec[k], w.delta[k], w.length[k], w.status[k], w.vni[k], w.srcPort[k], w.dstPort[k], w.src[k], w.dst[k], w.outerSrc[k], w.outerDst[k], w.protocol[k], w.info[k], w.color[k], w.custom[0]?.[k], w.custom[1]?.[k], w.colorRule?.[k]].join('|');
}

describe('row windows', () => {
  it('join the rows on screen and the margin below and above into one window', () => {
    const screen = rows(100, 40);
    const below = rows(30, 70);
    const above = rows(140, 60);
    const w = joinRows(joinRows(screen, below) as RowWindow, above) as RowWindow;
    expect([w.start, w.count]).toEqual([30, 170]);
    const whole = rows(30, 170);
    for (const p of [30, 99, 100, 139, 140, 199]) expect(row(w, p)).toBe(row(whole, p));
    // every array has one value a row, of the type it came as
    expect(w.frame).toBeInstanceOf(Uint32Array);
    expect(w.sec).toBeInstanceOf(Float64Array);
    expect(w.srcPort).toBeInstanceOf(Uint16Array);
    for (const a of [w.frame, w.sec, w.nsec, w.delta, w.length, w.status, w.vni, w.srcPort, w.dstPort, w.src, w.dst, w.outerSrc, w.outerDst, w.protocol, w.info, w.color, ...w.custom]) expect(a.length).toBe(170);
    expect(w.colorRule).toBeUndefined();
  });

  it('keep the newer answer where they overlap, and refuse windows that do not touch', () => {
    const old = rows(0, 50, ' old');
    const w = joinRows(old, rows(40, 20, ' new')) as RowWindow;
    expect([w.start, w.count]).toEqual([0, 60]);
    expect([w.info[39], w.info[40], w.info[59]]).toEqual(['info 39 old', 'info 40 new', 'info 59 new']);
    // inside the old one: the old rows around it stay
    const mid = joinRows(old, rows(10, 5, ' new')) as RowWindow;
    expect([mid.start, mid.count, mid.info[9], mid.info[10], mid.info[14], mid.info[15]]).toEqual([0, 50, 'info 9 old', 'info 10 new', 'info 14 new', 'info 15 old']);
    expect(joinRows(old, rows(51, 10))).toBeNull();
    expect(joinRows(rows(100, 10), old)).toBeNull();
    // an empty answer changes nothing
    expect(joinRows(old, rows(50, 0))).toBe(old);
  });

  it('colour rows of an answer without colouring rules with none', () => {
    const w = joinRows(rows(0, 4, '', true), rows(4, 3)) as RowWindow;
    expect(Array.from(w.colorRule ?? [])).toEqual([0, 1, 2, 3, -1, -1, -1]);
  });

  it('cut a window to the rows kept', () => {
    const w = rows(100, 50, '', true);
    const c = cutRows(w, 120, 200);
    expect([c.start, c.count]).toEqual([120, 30]);
    expect(row(c, 120)).toBe(row(w, 120));
    expect(row(c, 149)).toBe(row(w, 149));
    expect(cutRows(w, 0, 1000)).toBe(w);
    expect(cutRows(w, 300, 400).count).toBe(0);
  });
});
