// A corpus capture opened in a session, and its first rows as the packet list gets them.
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { CaptureSession } from '../../../workers/session.ts';
import type { RowWindow } from '../../../workers/api.ts';
import { CAPTURES } from '../../golden/corpus.ts';

/** The first `count` rows of corpus capture `name` (all of them without `count`). */
export async function corpusRows(name: string, count?: number): Promise<RowWindow> {
  const s = new CaptureSession();
  const r = await s.open([await openAsBlob(join(CAPTURES, name))], [name], []);
  return s.getRows(0, count ?? r.packets);
}
