// What the DHCP option decoders share (packet-dhcp.c): the table of decoders by option code that
// dhcp.ts dispatches to (Wireshark's "dhcp.option" dissector table), the packet's state they
// read (the vendor class the first pass found, RFC 3396's split options), the expert infos for
// bad lengths and suboptions, and dhcp_handle_basic_types: an option or suboption of a basic type
// (an address, a list of them, a string, a boolean, an integer, a time in seconds).

import { Base, FT, fieldById, names, registerFields } from '../fields/registry.ts';
import { durationText, ipv4Text } from '../fields/format.ts';
import { asciiText } from './ascii.ts';
import type { Ctx } from './context.ts';
import { Group, PROTO_X, Severity, expertAt, registerExperts } from './expert.ts';
import { HARDWARE_TYPES } from './dhcp-values.ts';

/** An option being decoded: its tree entry ("Option: (121) Classless Static Route"), code, and
 *  value at [v, end) (`len` bytes; the whole option is in the captured bytes). */
export interface Opt {
  item: number;
  code: number;
  v: number;
  len: number;
  end: number;
}

/** RFC 3396's long options: how many blocks of one code the packet holds (packet-dhcp.c counts
 *  them in its first pass), how many the second pass has met, and the bytes met so far. */
export interface Rfc3396 {
  total: number;
  index: number;
  bytes: number[];
}

/** What the first pass over the options found, for the decoders of the second. */
export const packet = {
  /** The last Vendor class identifier option's text (ENC_ASCII), or null. */
  vendorClass: null as string | null,
  /** Domain Search (119) blocks. */
  search: { total: 0, index: 0, bytes: [] } as Rfc3396,
  /** SIP Servers (120) blocks. */
  sip: { total: 0, index: 0, bytes: [] } as Rfc3396,
};

function resetBlocks(blocks: Rfc3396): void {
  blocks.total = 0;
  blocks.index = 0;
  blocks.bytes.length = 0;
}

/** Forget the last packet's state (the first pass of the next fills it). */
export function resetPacket(): void {
  packet.vendorClass = null;
  resetBlocks(packet.search);
  resetBlocks(packet.sip);
}

/**
 * Decodes option `o`; returns the bytes it consumed, as the dissector table's handler returns
 * them: 0 (an empty value, a length its type does not allow) leaves the option's raw Value line
 * shown, anything else hides it.
 */
export type OptionDecoder = (c: Ctx, o: Opt) => number;

export const OPTION_DECODERS = new Map<number, OptionDecoder>();

export function registerOption(codes: readonly number[], decode: OptionDecoder): void {
  for (const code of codes) OPTION_DECODERS.set(code, decode);
}

export const X = registerExperts({
  badLength: { name: 'dhcp.bad_length', msg: "length isn't 0", severity: Severity.ERROR, group: Group.PROTOCOL },
  noSubLength: { name: 'dhcp.missing_subopt_length', msg: 'no room left in option for suboption length', severity: Severity.ERROR, group: Group.PROTOCOL },
  noSubValue: { name: 'dhcp.missing_subopt_value', msg: 'no room left in option for suboption value', severity: Severity.ERROR, group: Group.PROTOCOL },
  unknownType: { name: 'dhcp.subopt.unknown_type', msg: 'ERROR, please report: Unknown subopt type handler', severity: Severity.ERROR, group: Group.PROTOCOL },
  invalidSub: { name: 'dhcp.suboption_invalid', msg: 'Invalid suboption', severity: Severity.ERROR, group: Group.PROTOCOL },
  nonStandard: { name: 'dhcp.option.nonstd_data', msg: 'Non standard compliant option data', severity: Severity.NOTE, group: Group.PROTOCOL },
});

/** The client's hardware type and address: the header's fields, which option 61 and 97 repeat. */
export const HW = registerFields({
  type: { name: 'dhcp.hw.type', label: 'Hardware type', type: FT.UINT, base: Base.HEX, bits: 8, names: names(HARDWARE_TYPES), unknownName: true },
  mac: { name: 'dhcp.hw.mac_addr', label: 'Client MAC address', type: FT.ETHER },
});

export const SUB = registerFields({
  length: { name: 'dhcp.option.suboption_length', label: 'Length', type: FT.UINT, bits: 8 },
});

/** Whether this dissection writes tree lines (the index pass and `fields` keep values only). */
export function full(c: Ctx): boolean {
  return c.f.wanted === null;
}

/**
 * A string field of `n` bytes at o read as ENC_ASCII, shown up to its first NUL. An FT_STRING
 * (`stray`) with other bytes after that NUL gets proto.c's "Trailing stray characters" note; an
 * FT_STRINGZ stops at the NUL silently. Returns the entry, or -1 past `end`.
 */
export function stringAt(c: Ctx, id: number, o: number, n: number, end: number, stray = false): number {
  if (!c.has(o, n, end)) return -1;
  const s = asciiText(c.b, o, o + n, true);
  const i = c.f.addStr(id, o, n, s);
  if (stray && s.length < n) {
    for (let k = o + s.length; k < o + n; k++) {
      if (c.u8(k) !== 0) {
        expertAt(c, i, PROTO_X.trailingStray);
        break;
      }
    }
  }
  return i;
}

/** Wireshark's signed_time_secs_to_str ("-5 hours", "0 seconds"). */
export function secsText(v: number): string {
  if (v === 0) return '0 seconds';
  return (v < 0 ? '-' : '') + durationText(Math.abs(v));
}

/** The value types of packet-dhcp.c's option tables (enum field_type). */
export const enum T {
  /** special, none, presence, opaque, oui: not a basic type (dhcp_handle_basic_types consumes nothing). */
  OTHER,
  BYTES,
  IPV4,
  IPV4_LIST,
  /** string into an FT_STRINGZ field */
  STRINGZ,
  /** string into an FT_STRING field */
  STRING,
  BOOLEAN,
  U8,
  U16,
  U16_LE,
  U16_LIST,
  U32,
  SIGNED_SECS,
  UNSIGNED_SECS,
}

/**
 * dhcp_handle_basic_types: `n` bytes at o of type `t` as field `id` (its items one per address or
 * number of a list); an IPv4 address is repeated on `owner`'s line (" (192.168.1.1)"). A length
 * the type does not allow is an expert info on `owner` ("length isn't 4"). Returns the bytes
 * consumed (0 for a wrong length, an empty string, a type that is not basic).
 */
export function basicType(c: Ctx, t: T, id: number, o: number, n: number, end: number, owner: number): number {
  const f = c.f;
  const exact = (size: number): boolean => {
    if (n === size) return c.has(o, size, end);
    expertAt(c, owner, X.badLength, `length isn't ${size}`);
    return false;
  };
  const list = (size: number): number => {
    let used = 0;
    for (let left = n; left > 0; left -= size) {
      if (left < size) {
        expertAt(c, owner, X.badLength, `Option length isn't a multiple of ${size}`);
        break;
      }
      if (!c.has(o + used, size, end)) break;
      f.add(id, o + used, size, size === 2 ? c.u16(o + used) : 0);
      used += size;
    }
    return used;
  };
  switch (t) {
    case T.BYTES:
      if (c.has(o, n, end)) f.add(id, o, n);
      return n;
    case T.IPV4:
      if (!exact(4)) return 0;
      f.add(id, o, 4);
      if (full(c)) f.appendLabel(owner, ` (${ipv4Text(c.b, o)})`);
      return 4;
    case T.IPV4_LIST:
      return list(4);
    case T.U16_LIST:
      return list(2);
    case T.STRINGZ:
    case T.STRING:
      stringAt(c, id, o, n, end, t === T.STRING);
      return n;
    case T.BOOLEAN:
    case T.U8:
      if (!exact(1)) return 0;
      f.add(id, o, 1, c.u8(o));
      return 1;
    case T.U16:
    case T.U16_LE:
      if (!exact(2)) return 0;
      f.add(id, o, 2, t === T.U16 ? c.u16(o) : c.le(o, 2));
      return 2;
    case T.U32:
      if (!exact(4)) return 0;
      f.add(id, o, 4, c.u32(o));
      return 4;
    case T.SIGNED_SECS:
    case T.UNSIGNED_SECS: {
      if (!exact(4)) return 0;
      const v = t === T.SIGNED_SECS ? c.u32(o) | 0 : c.u32(o);
      const i = f.add(id, o, 4, v);
      if (full(c)) {
        const text = t === T.UNSIGNED_SECS && v === 0xffffffff ? 'infinity' : secsText(v);
        f.setText(i, `${fieldById(id).label}: (${v}s) ${text}`);
      }
      return 4;
    }
    case T.OTHER:
      return 0;
  }
}

/** tvb_arphrdaddr_to_str: a hardware address of ARP hardware type `type` (Ethernet and IEEE 802
 *  addresses of 6 bytes as an Ethernet address, any other as plain hex). */
export function hardwareAddressText(b: Uint8Array, o: number, n: number, type: number): string {
  const parts: string[] = [];
  for (let k = o; k < o + n && k < b.length; k++) parts.push((b[k] as number).toString(16).padStart(2, '0'));
  return (type === 1 || type === 6) && n === 6 ? parts.join(':') : parts.join('');
}

/** packet-dhcp.c's expert info on `item` when a suboption's `code` is the last byte of its option
 *  (no room for its length) or its length runs past the option's end (no room for its value). */
export function noRoom(c: Ctx, item: number, code: number, what: 'length' | 'value'): void {
  expertAt(c, item, what === 'length' ? X.noSubLength : X.noSubValue, `Suboption ${code}: no room left in option for suboption ${what}`);
}

/** packet-dhcp.c's expert info on a suboption whose code names a type it has no decoder for. */
export function unknownType(c: Ctx, item: number, code: number): void {
  expertAt(c, item, X.unknownType, `ERROR, please report: Unknown subopt type handler ${code}`);
}

/** The length byte of the code-and-length suboption at k of option `o`, or -1 (with the expert
 *  info on the option) when the option ends after its code. */
export function suboptionLength(c: Ctx, o: Opt, k: number): number {
  if (k + 1 < o.end) return c.u8(k + 1);
  noRoom(c, o.item, c.u8(k), 'length');
  return -1;
}

/** A suboption's header as packet-dhcp.c's suboption decoders add it: "Option 82 Suboption: (1)
 *  Agent Circuit ID" (`id` an 8-bit field, `name` its name) over `len` + 2 bytes from o, and under
 *  it the Length at o + 1. Returns the suboption's entry, made the parent of what follows (pop it). */
export function suboptionHeader(c: Ctx, id: number, o: number, code: number, len: number, name: string): number {
  const f = c.f;
  const item = f.add(id, o, len + 2, code);
  if (full(c)) f.setText(item, `${fieldById(id).label}: (${code}) ${name}`);
  f.push(item);
  f.add(SUB.length, o + 1, 1, len);
  return item;
}
