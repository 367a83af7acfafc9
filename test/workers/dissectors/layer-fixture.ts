// A dissector's fixture of tshark's reading (test/fixtures/<name>/<name>-lines.json, written by
// scripts/make-layer-lines.py): per frame the lines of the protocol's layers in
// `tshark -V`, per frame its Protocol and Info columns and frame.protocols, and the frames some
// display filters keep. The checks below compare a CaptureSession of the capture with it.
import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { TreeNode } from '../../../workers/api.ts';
import { CaptureSession } from '../../../workers/session.ts';
import { REPO } from '../../golden/corpus.ts';

export interface LayerFixture {
  layers: Record<string, string[]>;
  columns: Record<string, [string, string, string]>;
  filters: Record<string, number[]>;
}

export function readFixture(name: string): LayerFixture {
  return JSON.parse(readFileSync(join(REPO, `test/fixtures/${name}/${name}-lines.json`), 'utf8')) as LayerFixture;
}

export async function openFixture(name: string, capture: string): Promise<{ s: CaptureSession; packets: number }> {
  const s = new CaptureSession();
  const r = await s.open([await openAsBlob(join(REPO, `test/fixtures/${name}/${capture}`))], [capture], []);
  return { s, packets: r.packets };
}

/** The lines of the top-level items whose label starts with one of `titles`, indented as tshark does. */
export function layerLines(tree: readonly TreeNode[], titles: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (t: TreeNode, ind: string): void => {
    out.push(ind + t.label);
    for (const c of t.children) walk(c, `${ind}    `);
  };
  for (const t of tree) if (titles.some((p) => t.label.startsWith(p))) walk(t, '');
  return out;
}

export async function expectLayers(s: CaptureSession, packets: number, want: LayerFixture, titles: readonly string[]): Promise<void> {
  expect(packets).toBe(Object.keys(want.layers).length);
  for (let n = 1; n <= packets; n++) {
    expect(layerLines((await s.getDetails(n)).tree, titles), `frame ${n}`).toEqual(want.layers[String(n)]);
  }
}

export async function expectColumns(s: CaptureSession, packets: number, want: LayerFixture): Promise<void> {
  const rows = await s.getRows(0, packets, [{ field: 'frame.protocols', occurrence: 0 }]);
  for (let n = 1; n <= packets; n++) {
    const [proto, info, protocols] = want.columns[String(n)] as [string, string, string];
    expect([rows.protocol[n - 1], rows.info[n - 1], rows.custom[0]?.[n - 1]], `frame ${n}`).toEqual([proto, info, protocols]);
  }
}

export async function expectFilters(s: CaptureSession, want: LayerFixture): Promise<void> {
  for (const [expr, frames] of Object.entries(want.filters)) {
    const r = await s.applyFilter(expr);
    expect(r.ok, expr).toBe(true);
    const rows = await s.getRows(0, r.displayed);
    expect(Array.from(rows.frame), expr).toEqual(frames);
  }
}
