// `--profile FILE`: Decode As rules from an exported Decapod profile or Wireshark's decode_as_entries.
import { readFile } from 'node:fs/promises';
import type { DecodeAsRule } from '../workers/dissectors/tables.ts';

export async function loadProfileRules(path: string): Promise<DecodeAsRule[]> {
  await readFile(path, 'utf8').catch(() => {
    throw new Error(`cannot read profile "${path}"`);
  });
  throw new Error('--profile is not supported yet');
}
