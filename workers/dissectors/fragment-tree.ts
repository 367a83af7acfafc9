// The lines of a reassembled PDU's piece list as Wireshark's show_fragment_tree writes them
// (epan/reassemble.c), for IP fragments and TCP segments alike: the list "[3 IPv6 Fragments (3238
// bytes): #6(1432), #7(1432), #8(374)]" (named after one piece when there is one) and each piece
// "[Frame: 6, payload: 0-1431 (1432 bytes)]" (the entries are added generated, as Wireshark marks
// them: hence the brackets). Full dissections only: the lines are text.

import type { FieldList } from '../fields/field-list.ts';
import { fieldById } from '../fields/registry.ts';

/** A piece of the PDU: the frame it came in, where its bytes go, how many. */
export interface Piece {
  frame: number;
  offset: number;
  len: number;
}

function bytes(n: number): string {
  return `${n} byte${n === 1 ? '' : 's'}`;
}

/** Label the list entry `list` (field `listId`, whose pieces are field `pieceId`) and the piece
 *  entries `items` (one per piece, in order) of a PDU of `total` bytes. */
export function labelPieces(f: FieldList, list: number, listId: number, pieceId: number, items: readonly number[],
                            pieces: readonly Piece[], total: number): void {
  if (f.wanted !== null) return;
  const name = fieldById(pieces.length === 1 ? pieceId : listId).label;
  const parts = pieces.map((p) => `#${p.frame}(${p.len})`);
  if (list >= 0) f.setText(list, `${pieces.length} ${name} (${bytes(total)}): ${parts.join(', ')}`);
  pieces.forEach((p, k) => {
    const i = items[k] as number;
    if (i < 0) return;
    f.setText(i, p.len === 0 ? `Frame: ${p.frame} (0 bytes)` : `Frame: ${p.frame}, payload: ${p.offset}-${p.offset + p.len - 1} (${bytes(p.len)})`);
  });
}
