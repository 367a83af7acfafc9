// FieldList.addRun: a run of equal entries in a few array fills must be exactly what that many
// add() calls make (MySQL's lean path for a segment of hundreds of empty requests relies on it;
// test/workers/engine/lean-dissection.test.ts checks it on the mix's segments too).

import { describe, expect, it } from 'vitest';
import { FieldList } from '../../../workers/fields/field-list.ts';
import { leanMask } from '../../../workers/fields/lean-mask.ts';
import { fieldByName } from '../../../workers/fields/registry.ts';
import '../../../workers/dissectors/all.ts';

const id = (name: string): number => (fieldByName(name) as { id: number }).id;

function entries(f: FieldList): (string | number)[][] {
  return Array.from({ length: f.count }, (_, i) => [f.id[i] as number, f.parent[i] as number, f.src[i] as number, f.flags[i] as number, f.off[i] as number, f.len[i] as number, f.num[i] as number, f.aux[i] as number]);
}

function build(run: boolean, wanted: Uint8Array | null): FieldList {
  const f = new FieldList();
  f.wanted = wanted;
  f.reset(new Uint8Array(2000));
  const tcp = f.add(id('tcp'), 34, 20);
  f.push(tcp);
  f.add(id('tcp.srcport'), 34, 2, 3306);
  f.pop();
  // 300 runs past the list's first 256 entries: it has to grow
  if (run) f.addRun(id('mysql'), 54, 4, 300);
  else for (let k = 0; k < 300; k++) f.add(id('mysql'), 54 + 4 * k, 4);
  f.add(id('data'), 1254, 10, 7);
  return f;
}

describe('FieldList.addRun', () => {
  it('adds what as many add() calls add, past the first growth', () => {
    const one = build(false, null);
    const run = build(true, null);
    expect(run.count).toBe(303);
    expect(entries(run)).toEqual(entries(one));
    expect(run.off[301]).toBe(54 + 4 * 299);
    expect(run.parent[150]).toBe(-1);
  });

  it('keeps nothing of a field the lean mask leaves out, and the rest as add() does', () => {
    const mask = leanMask([id('tcp.srcport')]);
    mask[id('mysql')] = 0;
    const one = build(false, mask);
    const run = build(true, mask);
    expect(entries(run)).toEqual(entries(one));
    expect(run.count).toBe(one.count);
  });
});
