// The data of an NTP control message that reads or writes variables: "name=value" assignments
// and bare names, separated by commas and white space (RFC 9327 section 3), parsed with
// packet-ntp.c's tvbparse grammar so that the tree shows the tokens Wireshark shows, nested as
// its parser nests them (an assignment, its name, "=", its value — quoted or not — and the
// comma that ends it).

import type { FieldList } from '../fields/field-list.ts';
import { addTokenTree, char, chars, get, oneOf, parse, quoted, seq, shrink, some, untilSpend, type Wanted } from './tvbparse.ts';

const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyz-_ABCDEFGHIJKLMNOPQRSTUVWXYZ.0123456789';

const name = chars(1, 0, NAME_CHARS);
const value = oneOf([quoted('"', '\\', shrink), quoted("'", '\\', shrink), chars(1, 0, `${NAME_CHARS} `)]);
const comma = untilSpend(char(','));
const assignment = seq([name, char('='), some(0, 1, value), some(0, 1, comma)]);
const bareName = seq([name, some(0, 1, comma)]);
const IGNORED: Wanted = chars(1, 0, ' \t\r\n');
const VARIABLE = oneOf([assignment, bareName]);

/** The tokens of `len` bytes of variables at `off`, each a text line with its parts below it,
 *  until one does not parse (as tshark, the rest is not shown). */
export function addControlVariables(f: FieldList, b: Uint8Array, off: number, len: number): void {
  const p = parse(b, off, len, IGNORED);
  for (let t = get(p, VARIABLE); t !== null; t = get(p, VARIABLE)) addTokenTree(f, b, t);
}
