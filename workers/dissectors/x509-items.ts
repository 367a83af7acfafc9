// Tree items the X.509 files share, as packet-ber.c writes them: an OBJECT IDENTIFIER's line
// ("KeyPurposeId: 1.3.6.1.5.5.7.3.1 (id-kp-serverAuth)": its dotted text, then the name tshark's
// OID registry gives it), a SEQUENCE OF's count line ("GeneralNames: 2 items"), and an INTEGER
// shown as its bytes ("serialNumber: 0x1002").
// Labels are written only in full dissections (f.wanted === null).

import type { Ctx } from './context.ts';
import type { El } from './x509-ber.ts';
import { oidName, oidText } from './oid-text.ts';

/** An OID field: its dotted text, and its name after it (`name`, else the registry's, if any). */
export function oidItem(c: Ctx, id: number, label: string, e: El, name: string | null = null): void {
  const f = c.f;
  const text = c.wants(id) ? (oidText(c.b, e.value, e.end) ?? '') : '';
  const i = f.addStr(id, e.value, e.end - e.value, text);
  if (i < 0 || f.wanted !== null) return;
  const n = name ?? oidName(text);
  f.setText(i, n === null ? `${label}: ${text}` : `${label}: ${text} (${n})`);
}

/** A SEQUENCE OF (or SET OF) element `e` of `n` items: its count line, made the parent. */
export function countItem(c: Ctx, id: number, e: El, n: number): void {
  const f = c.f;
  const i = f.add(id, e.start, e.end - e.start, n);
  if (f.wanted === null) f.appendLabel(i, n === 1 ? ' item' : ' items');
  f.push(i);
}

/** An INTEGER shown as bytes: "0x" and its hex (dissect_ber_integer64 for a field of bytes). */
export function hexInteger(c: Ctx, id: number, label: string, e: El): void {
  const f = c.f;
  const i = f.add(id, e.value, e.end - e.value);
  if (i < 0 || f.wanted !== null) return;
  // (at most 36 bytes, then an ellipsis, as bytes_to_str)
  const n = Math.min(e.end - e.value, 36);
  let hex = '';
  for (let k = 0; k < n; k++) hex += (c.b[e.value + k] as number).toString(16).padStart(2, '0');
  f.setText(i, `${label}: 0x${hex}${e.end - e.value > 36 ? '…' : ''}`);
}
