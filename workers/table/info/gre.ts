// The Info column of GRE, as packet-gre.c writes it.

import type { FieldList } from '../../fields/field-list.ts';
import { hex4, named, num } from './fields.ts';

/** "Encapsulated IP", of the innermost GRE header (each one writes over the column); a type
 *  without a name as "0x1234 (unknown)". */
export function greInfo(fl: FieldList): string {
  const type = num(fl, 'gre.proto');
  if (Number.isNaN(type)) return '';
  const name = named(fl, 'gre.proto');
  return `Encapsulated ${name !== String(type) ? name : `0x${hex4(type).toUpperCase()} (unknown)`}`;
}
