// XDR's variable-length items (RFC 4506 sections 4.10 and 4.11) as packet-rpc.c's
// dissect_rpc_opaque_data shows them: a line "Machine Name: esx-07" over "length: 6", "contents:
// esx-07" and, when the length is no multiple of four, "fill bytes: opaque data"; data shows
// "<DATA>" in place of its bytes. Also the 64-bit integers XDR calls hyper (section 4.5), which a
// double holds exactly only below 2^53.

import { FT, fieldById } from '../fields/registry.ts';
import { formatText } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { R } from './rpc-fields.ts';

/** The text of the last xdrString (its contents as the tree shows them), for Info and titles. */
export const xdr = { text: '' };

/** The length of an opaque of `n` bytes with its fill. */
export const padded = (n: number): number => n + ((4 - (n & 3)) & 3);

/**
 * An XDR string or opaque of field `id` at `off` (dissect_rpc_string / dissect_rpc_data): its
 * titled subtree, the length, the contents, the fill. Returns the offset after it. The field's
 * type says which: a string shows its text, bytes show "<DATA>".
 */
export function xdrOpaque(c: Ctx, id: number, off: number, end: number): number {
  const f = c.f;
  const def = fieldById(id);
  const isString = def.type === FT.STRING;
  if (!c.has(off, 4, end)) return off;
  const n = c.u32(off);
  const full = 4 + padded(n);
  const title = f.text(off, Math.max(0, Math.min(full, end - off, c.b.length - off)), def.label);
  f.push(title);
  f.add(R.opaqueLength, off, 4, n);
  let shown = '<DATA>';
  const avail = Math.min(end, c.b.length) - (off + 4);
  if (n > avail && avail >= 0) {
    // cut short: what there is, marked "<TRUNCATED>", then the exception (dissect_rpc_opaque_data)
    const text = isString ? formatText(c.b.subarray(off + 4, off + 4 + avail)) : '';
    shown = isString ? `${text}<TRUNCATED>` : '<DATA><TRUNCATED>';
    const i = isString ? f.addStr(id, off + 4, avail, text) : f.add(id, off + 4, avail);
    if (f.wanted === null) f.setText(i, `contents: ${shown}`);
    c.has(off + 4, n, end);
  } else if (c.has(off + 4, n, end)) {
    if (isString) {
      // (an empty string's value is empty; its lines say "<EMPTY>")
      const text = n === 0 ? '' : formatText(c.b.subarray(off + 4, off + 4 + n));
      shown = n === 0 ? '<EMPTY>' : text;
      const i = f.addStr(id, off + 4, n, text);
      if (f.wanted === null) f.setText(i, `contents: ${shown}`);
    } else {
      const i = f.add(id, off + 4, n);
      if (f.wanted === null) f.setText(i, 'contents: <DATA>');
    }
    const fill = padded(n) - n;
    if (fill > 0 && c.has(off + 4 + n, fill, end)) {
      const i = f.add(R.fillBytes, off + 4 + n, fill);
      if (f.wanted === null) f.setText(i, 'fill bytes: opaque data');
    }
  }
  f.pop();
  if (f.wanted === null) f.label(title, `${def.label}: ${shown}`);
  xdr.text = isString ? shown : '';
  return off + full;
}

/** An unsigned hyper of field `id` at `off` (its bytes checked); returns its value as a BigInt. */
export function addHyper(c: Ctx, id: number, off: number, end: number, flags = 0): bigint {
  if (!c.has(off, 8, end)) return -1n;
  const v = c.u64(off);
  if (v < 1n << 53n) c.f.add(id, off, 8, Number(v), flags);
  else c.f.addStr(id, off, 8, v.toString(), flags);
  return v;
}

/** An unsigned hyper shown in hexadecimal and decimal (BASE_HEX_DEC): "0x2a51d7c3e08f1b64 (3049…)". */
export function addHyperHexDec(c: Ctx, id: number, off: number, end: number): void {
  if (!c.has(off, 8, end)) return;
  const v = c.u64(off);
  const hex = `0x${v.toString(16).padStart(16, '0')}`;
  const i = c.f.addStr(id, off, 8, hex);
  if (c.f.wanted === null) c.f.setText(i, `${fieldById(id).label}: ${hex} (${v.toString()})`);
}
