// Test helpers (Node only): the shared corpus beside the repo, and a reader run that keeps a copy
// of every record so runs can be compared.

import { existsSync, openAsBlob, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCapture, type OpenedCapture, type ReadOptions } from '../../../workers/formats/open.ts';
import type { PacketRecord } from '../../../workers/formats/record.ts';

/**
 * `shared/corpus/`, a sibling of the repository root (../shared in CI, /work/shared here): from
 * test/workers/formats/ that is four levels up, then shared/.
 */
export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));

export function captureNames(): string[] {
  return readdirSync(CORPUS + 'captures').sort();
}

export function captureBlob(name: string): Promise<Blob> {
  return openAsBlob(CORPUS + 'captures/' + name);
}

export function captureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(CORPUS + 'captures/' + name));
}

/** tshark's rows of frame.number, frame.time_epoch, frame.len, frame.cap_len, or null without a .tsv. */
export function expectedFrames(name: string): string[][] | null {
  for (const file of [`${name}.tsv`, `${name}.decode-as-8472.tsv`]) {
    const path = CORPUS + 'expected/' + file;
    if (!existsSync(path)) continue;
    const [header, ...rows] = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
    const cols = header.split('\t');
    const want = ['frame.number', 'frame.time_epoch', 'frame.len', 'frame.cap_len'].map((c) => cols.indexOf(c));
    return rows.map((row) => {
      const cells = row.split('\t');
      return want.map((i) => cells[i]);
    });
  }
  return null;
}

/** expected/_tshark_status.tsv: file → tshark's exit status. */
export function tsharkStatus(): Map<string, number> {
  const lines = readFileSync(CORPUS + 'expected/_tshark_status.tsv', 'utf8').split('\n').slice(1);
  return new Map(lines.filter((l) => l !== '').map((l) => {
    const [file, rc] = l.split('\t');
    return [file, Number(rc)];
  }));
}

/** MANIFEST.tsv rows as objects keyed by its header. */
export function manifest(): Map<string, Record<string, string>> {
  const [header, ...rows] = readFileSync(CORPUS + 'MANIFEST.tsv', 'utf8').split('\n').filter((l) => l !== '');
  const cols = header.split('\t');
  return new Map(rows.map((row) => {
    const cells = row.split('\t');
    return [cells[0], Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']))];
  }));
}

/** frame.time_epoch as tshark 4.0 prints it (nsec not normalised; empty without a time). */
export function timeEpoch(rec: Pick<PacketRecord, 'hasTime' | 'tsSec' | 'tsNsec'>): string {
  if (!rec.hasTime) return '';
  const pad9 = (n: number): string => String(n).padStart(9, '0');
  return rec.tsNsec < 0 ? `-${Math.abs(rec.tsSec)}.${pad9(-rec.tsNsec)}` : `${rec.tsSec}.${pad9(rec.tsNsec)}`;
}

/** A copy of everything in a record (the reader reuses the object and its data view): the same
 *  shape, with data and comments of its own. */
export type RecordCopy = PacketRecord;

export function copyRecord(r: PacketRecord): RecordCopy {
  return { ...r, comments: r.comments === null ? null : [...r.comments], data: r.data.slice() };
}

export async function readAll(file: Blob, opts?: ReadOptions): Promise<{ res: OpenedCapture; recs: RecordCopy[] }> {
  const recs: RecordCopy[] = [];
  const res = await readCapture(file, (r) => { recs.push(copyRecord(r)); }, opts);
  return { res, recs };
}

export function blobOf(bytes: Uint8Array): Blob {
  return new Blob([bytes.slice()]);
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');
}

/** Records with their data as hex: vitest compares strings much faster than byte arrays. */
export function comparable(recs: RecordCopy[]): Array<Omit<RecordCopy, 'data'> & { data: string }> {
  return recs.map((r) => ({ ...r, data: hex(r.data) }));
}
