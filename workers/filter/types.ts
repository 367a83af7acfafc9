// Value types of the filter language and how registry field types map onto them. A value at run
// time is a number (integers, booleans as 0/1, doubles, IPv4 addresses as uint32), a Time
// (seconds and nanoseconds), a Uint8Array (IPv6 and MAC addresses, byte strings, the bytes a
// protocol spans) or a string.

import { FT, type FieldDef } from '../fields/registry.ts';
import type { Time } from '../fields/time.ts';

export type VType = 'uint' | 'int' | 'float' | 'time' | 'bool' | 'ipv4' | 'ipv6' | 'ether' | 'bytes' | 'string' | 'proto' | 'none';

export type Value = number | Uint8Array | string | Time;

export function vtypeOf(def: FieldDef): VType {
  switch (def.type) {
    case FT.UINT:
    case FT.FRAMENUM:
      return 'uint';
    case FT.INT:
      return 'int';
    case FT.DOUBLE:
      return 'float';
    case FT.ABSOLUTE_TIME:
    case FT.RELATIVE_TIME:
      return 'time';
    case FT.BOOLEAN:
      return 'bool';
    case FT.IPV4:
      return 'ipv4';
    case FT.IPV6:
      return 'ipv6';
    case FT.ETHER:
      return 'ether';
    case FT.BYTES:
      return 'bytes';
    case FT.STRING:
      return 'string';
    case FT.PROTOCOL:
      return 'proto';
    case FT.NONE:
      return 'none';
  }
}

export const isNumeric = (t: VType): boolean => t === 'uint' || t === 'int' || t === 'float' || t === 'time' || t === 'bool';
/** Types whose values are byte sequences (compared by length, then bytes). */
export const isByteLike = (t: VType): boolean => t === 'bytes' || t === 'proto' || t === 'ether';

/**
 * Which of Wireshark's two time types a time field is: FT_ABSOLUTE_TIME ('abs': a date, its
 * literals are date strings, no arithmetic) or FT_RELATIVE_TIME ('rel': seconds, numbers, + and -).
 * Both hold a Time when compared. frame.time_epoch, frame.time_delta(_displayed) and frame.time_relative are
 * FT_RELATIVE_TIME in Wireshark 4.0 but are registered as absolute times, whose entries keep
 * seconds and nanoseconds apart (a relative time entry holds one double: no nanoseconds at epoch
 * scale; dissectors/frame.ts); the filter types them as 4.0 does.
 */
export function timeKind(def: FieldDef | null): 'abs' | 'rel' {
  if (def === null || def.type !== FT.ABSOLUTE_TIME) return 'rel';
  return RELATIVE_IN_WIRESHARK.has(def.name) ? 'rel' : 'abs';
}

const RELATIVE_IN_WIRESHARK = new Set(['frame.time_epoch', 'frame.time_delta', 'frame.time_delta_displayed', 'frame.time_relative']);

/** Width in bytes of an integer field (Wireshark's FT_UINT8 … FT_UINT32 from our `bits`). */
export function intBytes(def: FieldDef): number {
  if (def.type === FT.FRAMENUM) return 4;
  return Math.max(1, Math.min(8, Math.ceil(def.bits / 8)));
}

/** Wireshark's name for a field's type, as its error messages print it. */
export function typeName(def: FieldDef | null, t: VType): string {
  const bytes = def ? intBytes(def) : 4;
  const plural = bytes === 1 ? '1 byte' : `${bytes} bytes`;
  switch (t) {
    case 'uint':
      return def?.type === FT.FRAMENUM ? 'Frame number' : `Unsigned integer (${plural})`;
    case 'int':
      return `Signed integer (${plural})`;
    case 'float':
      return 'Floating point (double-precision)';
    case 'time':
      return timeKind(def) === 'abs' ? 'Date and time' : 'Time offset';
    case 'bool':
      return 'Boolean';
    case 'ipv4':
      return 'IPv4 address';
    case 'ipv6':
      return 'IPv6 address';
    case 'ether':
      return 'Ethernet or other MAC address';
    case 'bytes':
      return 'Byte sequence';
    case 'string':
      return 'Character string';
    case 'proto':
      return 'Protocol';
    case 'none':
      return 'Label';
  }
}

/** Wireshark's FT_ name, for the arithmetic errors ("FT_BOOLEAN cannot +."). */
export function ftName(def: FieldDef | null, t: VType): string {
  const bits = def ? intBytes(def) * 8 : 32;
  switch (t) {
    case 'uint':
      return def?.type === FT.FRAMENUM ? 'FT_FRAMENUM' : `FT_UINT${bits}`;
    case 'int':
      return `FT_INT${bits}`;
    case 'float':
      return 'FT_DOUBLE';
    case 'time':
      return timeKind(def) === 'abs' ? 'FT_ABSOLUTE_TIME' : 'FT_RELATIVE_TIME';
    case 'bool':
      return 'FT_BOOLEAN';
    case 'ipv4':
      return 'FT_IPv4';
    case 'ipv6':
      return 'FT_IPv6';
    case 'ether':
      return 'FT_ETHER';
    case 'bytes':
      return 'FT_BYTES';
    case 'string':
      return 'FT_STRING';
    case 'proto':
      return 'FT_PROTOCOL';
    case 'none':
      return 'FT_NONE';
  }
}

/** Whether two value types can be compared with each other (field against field). */
export function compatible(a: VType, b: VType): boolean {
  if (a === b) return true;
  const num = (t: VType): boolean => t === 'uint' || t === 'int';
  if (num(a) && num(b)) return true;
  if (isByteLike(a) && isByteLike(b)) return true;
  return false;
}
