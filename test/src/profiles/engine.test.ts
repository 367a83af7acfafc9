// The engine's side of profiles, in-process (the worker runs this same CaptureSession): Decode As
// rules re-index in place keeping the filter, suggestions name the port, the dialog's tables, and
// colouring rules marking rows.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPTURES } from '../../golden/corpus.ts';
import { CaptureSession } from '../../../workers/session.ts';
import { compileFilter } from '../../../workers/filter/compile.ts';
import { vxlanOnPort } from './fixtures.ts';

const standard = (): Blob => new Blob([readFileSync(join(CAPTURES, 'vxlan.pcap'))]);

function capture(): Blob {
  return new Blob([vxlanOnPort(4792).bytes as Uint8Array<ArrayBuffer>]);
}

describe('Decode As in the engine', () => {
  it('suggests VXLAN for UDP 4792, and a rule re-decodes the capture in place', async () => {
    const s = new CaptureSession();
    const first = await s.open([capture()], ['vxlan-4792.pcap'], []);
    expect(first.packets).toBeGreaterThan(0);
    expect(first.suggestions[0]).toMatchObject({ table: 'udp.port', value: 4792, proto: 'vxlan' });
    const before = await s.getRows(0, first.packets);
    expect(before.protocol.every((p) => p !== 'VXLAN')).toBe(true);
    expect([...before.vni].every((v) => v < 0)).toBe(true);

    const after = await s.setDecodeAs([{ table: 'udp.port', value: 4792, proto: 'vxlan' }]);
    expect(after.packets).toBe(first.packets);
    expect(after.suggestions).toEqual([]);
    const rows = await s.getRows(0, after.packets);
    expect([...rows.vni].some((v) => v >= 0)).toBe(true);
    // tunnelled rows show their inner addresses, and the VTEPs as the outer ones
    const k = [...rows.vni].findIndex((v) => v >= 0);
    expect(rows.outerSrc[k]).not.toBe('');
    expect(rows.src[k]).not.toBe(rows.outerSrc[k]);
    const details = await s.getDetails(rows.frame[k] as number);
    expect(JSON.stringify(details.tree)).toContain('"field":"vxlan.vni"');

    // the standard capture decodes the same inner frames on 4789
    const std = new CaptureSession();
    const r = await std.open([standard()], ['vxlan.pcap'], []);
    const stdRows = await std.getRows(0, r.packets);
    expect(rows.src).toEqual(stdRows.src);
    expect([...rows.vni]).toEqual([...stdRows.vni]);
  });

  it('"none" removes a built-in binding', async () => {
    const s = new CaptureSession();
    const r = await s.open([standard()], ['vxlan.pcap'], [{ table: 'udp.port', value: 4789, proto: 'none' }]);
    const rows = await s.getRows(0, r.packets);
    expect([...rows.vni].every((v) => v < 0)).toBe(true);
    expect(r.suggestions[0]).toMatchObject({ value: 4789, proto: 'vxlan' });
  });

  it('lists the protocols and the built-in bindings for the dialog', async () => {
    const t = await new CaptureSession().decodeAsTables();
    expect(t.protocols).toContain('vxlan');
    expect(t.protocols).toContain('geneve');
    expect(t.defaults).toContainEqual({ table: 'udp.port', value: 4789, proto: 'vxlan' });
    expect(t.defaults).toContainEqual({ table: 'udp.port', value: 8472, proto: 'vxlan' });
    expect(t.defaults).toContainEqual({ table: 'udp.port', value: 6081, proto: 'geneve' });
  });

  it('reports colouring rules whose filter does not compile, and marks no rows for them', async () => {
    const s = new CaptureSession();
    const r = await s.open([capture()], ['x.pcap'], []);
    const errors = await s.setColoringRules([{ filter: 'udp ==' }, { filter: 'udp', disabled: true }]);
    expect(errors[0]).toEqual(expect.any(String));
    expect(errors[1]).toBeNull();
    const rows = await s.getRows(0, r.packets);
    expect(rows.colorRule).toBeUndefined();
  });

  it.skipIf(!compileFilter('udp').ok)('marks each row with the first enabled colouring rule that matches', async () => {
    const s = new CaptureSession();
    const r = await s.open([capture()], ['x.pcap'], [{ table: 'udp.port', value: 4792, proto: 'vxlan' }]);
    expect(await s.setColoringRules([{ filter: 'vxlan', disabled: true }, { filter: 'vxlan' }, { filter: 'udp' }])).toEqual([null, null, null]);
    const rows = await s.getRows(0, r.packets);
    const marks = [...(rows.colorRule as Int16Array)];
    rows.vni.forEach((v, k) => expect(marks[k]).toBe(v >= 0 ? 1 : rows.protocol[k] === 'UDP' ? 2 : marks[k]));
    expect(marks).toContain(1);
  });
});
