// The one field registry: every protocol registers its fields here (Wireshark field name, label,
// type, display base, value names). The details tree, the display filter, custom columns and the
// command line all read it. Registering a name twice throws at start-up, as Wireshark's
// proto_register_field_array does.

/** Field types, as Wireshark's ftypes (only the ones we use). */
export const enum FT {
  /** A protocol layer (`ip`, `vxlan`): existence only. */
  PROTOCOL = 1,
  /** Label-only tree item; no value (Wireshark's FT_NONE). */
  NONE,
  UINT,
  INT,
  BOOLEAN,
  IPV4,
  IPV6,
  ETHER,
  BYTES,
  STRING,
  /** Absolute time: value is seconds (Float64), nanoseconds kept in the field's aux slot. */
  ABSOLUTE_TIME,
  /** Relative time in seconds. */
  RELATIVE_TIME,
  /** A frame number (`frame.number`, `ip.reassembled_in`). */
  FRAMENUM,
  DOUBLE,
}

/** How an integer prints: tshark's BASE_DEC / BASE_HEX / BASE_DEC_HEX / BASE_HEX_DEC / BASE_OCT. */
export const enum Base {
  DEC = 1,
  HEX,
  DEC_HEX,
  HEX_DEC,
  OCT,
}

export interface FieldSpec {
  /** Wireshark field name, e.g. `ip.src`. */
  name: string;
  /** Label shown in the details tree, e.g. `Source Address`. */
  label: string;
  type: FT;
  /** Integer display base (default DEC). */
  base?: Base;
  /** Width of the integer in bits: decides the hex padding (`0x0800` for 16 bits). Default 32. */
  bits?: number;
  /** Bit mask within the integer (for flag fields shown as `.... ..1. = Syn: Set`). */
  mask?: number;
  /** Value names (Wireshark's value_string). */
  names?: ReadonlyMap<number, string>;
  /** For BOOLEAN: labels of true and false (Wireshark's true_false_string). */
  tf?: readonly [string, string];
  /** One-line description shown on hover. */
  blurb?: string;
  /** What the tree label adds after the value (Wireshark's BASE_UNIT_STRING and custom labels):
   *  a text, or a function of the value (`148 bytes (1184 bits)`). FT_RELATIVE_TIME labels end in
   *  " seconds" without one. */
  unit?: string | ((v: number) => string);
  /** The tree line shows no value, only the label (or `display`) and what the dissector appends
   *  to it: Wireshark's protocols registered "in name only" (`TCP Option - Maximum segment size:
   *  1460 bytes`) and items whose text the dissector sets. */
  nameOnly?: boolean;
  /** A named value's label shows the name alone, not "name (value)" (value strings displayed
   *  BASE_NONE: `[Checksum Status: Unverified]`). */
  nameAlone?: boolean;
  /** A named value's label shows the value first, "-2 (no window scaling used)" (Wireshark's
   *  BASE_SPECIAL_VALS). */
  valueFirst?: boolean;
  /** `names` is the field's whole value_string: a value it lacks reads "Unknown (8)", as proto.c's
   *  fill_label_number writes it (fields whose names only cover special values leave it off). */
  unknownName?: boolean;
  /** The tree line's text in place of the label, for a nameOnly field whose line Wireshark writes
   *  itself (tcp.options: "Options: (20 bytes), …"). */
  display?: string;
}

export interface FieldDef extends Required<Pick<FieldSpec, 'name' | 'label' | 'type'>> {
  id: number;
  base: Base;
  bits: number;
  mask: number;
  names: ReadonlyMap<number, string> | undefined;
  tf: readonly [string, string] | undefined;
  blurb: string;
  unit: string | ((v: number) => string) | undefined;
  nameOnly: boolean;
  nameAlone: boolean;
  valueFirst: boolean;
  unknownName: boolean;
  display: string | undefined;
  /** The protocol this field belongs to: the part of the name before the first dot. */
  proto: string;
}

const byId: FieldDef[] = [];
const byName = new Map<string, FieldDef>();

/** Trailing zero bits of a field's mask: the shift of its masked value. */
export function maskShift(mask: number): number {
  let shift = 0;
  while (shift < 32 && !((mask >>> shift) & 1)) shift++;
  return shift;
}

/** Register a protocol's fields; returns their numeric ids under the same keys. */
export function registerFields<K extends string>(specs: Record<K, FieldSpec>): Record<K, number> {
  const ids = {} as Record<K, number>;
  for (const key of Object.keys(specs) as K[]) {
    const s = specs[key];
    if (byName.has(s.name)) throw new Error(`field ${s.name} is registered twice`);
    const def: FieldDef = {
      id: byId.length,
      name: s.name,
      label: s.label,
      type: s.type,
      base: s.base ?? Base.DEC,
      bits: s.bits ?? 32,
      mask: s.mask ?? 0,
      names: s.names,
      tf: s.tf,
      blurb: s.blurb ?? '',
      unit: s.unit,
      nameOnly: s.nameOnly ?? false,
      nameAlone: s.nameAlone ?? false,
      valueFirst: s.valueFirst ?? false,
      unknownName: s.unknownName ?? false,
      display: s.display,
      proto: s.name.split('.')[0] ?? s.name,
    };
    byId.push(def);
    byName.set(s.name, def);
    ids[key] = def.id;
  }
  // Built by keyed stores, `ids` is a dictionary-mode object in V8, and every `F.port` read in a
  // dissector would be a generic property lookup (8% of the export's time on the 1M mix); a JSON
  // copy has fast, inline-cacheable properties.
  return JSON.parse(JSON.stringify(ids)) as Record<K, number>;
}

export function fieldById(id: number): FieldDef {
  const def = byId[id];
  if (def === undefined) throw new Error(`no field with id ${id}`);
  return def;
}

export function fieldByName(name: string): FieldDef | undefined {
  return byName.get(name);
}

export function allFields(): readonly FieldDef[] {
  return byId;
}

/** Build a value_string map from pairs. */
export function names(pairs: ReadonlyArray<readonly [number, string]>): ReadonlyMap<number, string> {
  return new Map(pairs);
}
