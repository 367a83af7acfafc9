// `--profile FILE`: the Decode As rules of an exported Decapod profile (JSON) or of Wireshark's
// decode_as_entries file, told apart by content. Both are read by the same pure modules the app
// uses (src/lib/profiles/). The rules go where tshark's `-d` rules go, so a profile decodes
// exactly as the equivalent `-d` options do. Errors are one line, naming the file.

import { readFile } from 'node:fs/promises';
import '../workers/dissectors/all.ts';
import { dissectorNames, type DecodeAsRule } from '../workers/dissectors/tables.ts';
import { parseProfileJson } from '../src/lib/profiles/schema.ts';
import { parseDecodeAsEntries } from '../src/lib/profiles/wireshark-decode-as.ts';

export async function loadProfileRules(path: string): Promise<DecodeAsRule[]> {
  let text: string;
  try {
    const bytes = await readFile(path);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`cannot read profile "${path}": no such file`);
    if (code === 'EISDIR') throw new Error(`cannot read profile "${path}": it is a folder`);
    if (e instanceof TypeError) throw new Error(`profile "${path}": not a profile or decode_as_entries file (it is not UTF-8 text)`);
    throw new Error(`cannot read profile "${path}": ${(e as Error).message}`);
  }
  const protocols = dissectorNames();
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('{')) {
    const p = parseProfileJson(body, { protocols });
    if (!p.ok) throw new Error(`profile "${path}": ${p.error}`);
    return p.value.decodeAs;
  }
  const d = parseDecodeAsEntries(body, protocols);
  if (!d.ok) throw new Error(`profile "${path}": ${d.error}`);
  const s = d.value.skipped[0];
  if (s) {
    // tshark would apply this entry; leaving it out would print a different decode
    throw new Error(`profile "${path}": line ${s.line}: ${s.reason}, so the decode would not match tshark's (remove the line to go on without it)`);
  }
  return d.value.rules;
}
