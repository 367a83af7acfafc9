// Wireshark's `decode_as_entries` file (in a Wireshark profile folder), read and written.
//
// The file is read by Wireshark's generic preferences reader (epan/prefs.c, read_prefs_file):
// `#` starts a comment line; an entry starts with a letter or digit at the start of a line and is
// `key: value`; a line that starts with white space continues the previous value. Each entry is
// (epan/decode_as.c, read_set_decode_as_entries):
//
//     decode_as_entry: TABLE,SELECTOR,INITIAL,CURRENT
//     decode_as_entry: udp.port,4792,(none),VXLAN
//
// split at the first three commas; SELECTOR is read with strtol(…, 0) (decimal, 0x hex, 0 octal),
// Wireshark writes it in decimal; INITIAL (the built-in binding) is informative only; CURRENT is
// the dissector's *description* (its protocol's short name: "VXLAN", "DNS", "IPv4"), looked up in
// the table with strcmp, or "(none)" (compared case-insensitively) to remove a binding. Wireshark
// writes the lines sorted with g_ascii_strcasecmp under a `#` header.
//
// Pure TypeScript: the command line's --profile reads these files through this module too.

import type { DecodeAsRule, TableName } from '../../../workers/dissectors/tables.ts';
import { DECODE_AS_TABLES, TABLE_MAX, type Validated } from './schema.ts';

export const DECODE_AS_ENTRY = 'decode_as_entry';
export const DECODE_AS_NONE = '(none)';

/**
 * Wireshark's dissector descriptions by filter name, where the description is not simply the name
 * in capitals (proto_register_protocol's short names).
 */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  eth: 'Ethernet',
  ip: 'IPv4',
  ipv6: 'IPv6',
  icmpv6: 'ICMPv6',
  dhcpv6: 'DHCPv6',
  geneve: 'Geneve',
  vlan: '802.1Q',
  data: 'Data',
  vxlan_gpe: 'VXLAN-GPE',
  'mpls-echo': 'MPLS Echo',
  syslog: 'Syslog',
  sll: 'SLL',
  wlan: '802.11',
};

/** The description Wireshark writes for a dissector (`vxlan` → `VXLAN`, `none` → `(none)`). */
export function wiresharkDescription(proto: string): string {
  if (proto === 'none') return DECODE_AS_NONE;
  return DESCRIPTIONS[proto] ?? proto.toUpperCase();
}

/** A line the import left out, and why (a table or protocol Decapod does not have). */
export interface SkippedEntry {
  line: number;
  text: string;
  reason: string;
}

export interface DecodeAsImport {
  rules: DecodeAsRule[];
  skipped: SkippedEntry[];
}

/** strtol(s, &end, 0) that must consume the whole string, as Wireshark checks (`*p != '\0'`). */
function strtol0(s: string): number | null {
  const m = /^[ \t]*\+?(?:0[xX]([0-9a-fA-F]+)|(0[0-7]*)|([1-9][0-9]*))$/.exec(s);
  if (!m) return null;
  if (m[1] !== undefined) return parseInt(m[1], 16);
  if (m[2] !== undefined) return parseInt(m[2], 8);
  return parseInt(m[3] as string, 10);
}

/** Resolve a CURRENT column to a Decapod protocol name, or null. */
function protocolOf(current: string, protocols: readonly string[]): string | null {
  if (current.toLowerCase() === DECODE_AS_NONE) return 'none';
  // Wireshark compares descriptions exactly; be as lenient as is unambiguous after that.
  const exact = protocols.find((p) => wiresharkDescription(p) === current);
  if (exact) return exact;
  const folded = protocols.filter((p) => wiresharkDescription(p).toLowerCase() === current.toLowerCase());
  if (folded.length === 1) return folded[0] as string;
  const byName = protocols.find((p) => p === current.toLowerCase());
  return byName ?? null;
}

/**
 * Read a decode_as_entries file. Syntax errors and foreign files fail with the line that is wrong;
 * well-formed entries for tables or protocols Decapod does not have are returned in `skipped`
 * (Wireshark would apply them, so callers that promise tshark's decode must refuse them).
 * A later entry for the same table and selector replaces an earlier one, as it does in Wireshark.
 */
export function parseDecodeAsEntries(text: string, protocols: readonly string[]): Validated<DecodeAsImport> {
  if (text.includes('\u0000')) return { ok: false, error: 'not a decode_as_entries file: it is binary, not text' };
  const entries: { line: number; key: string; value: string; text: string }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    const n = i + 1;
    if (line === '' || line.startsWith('#')) continue;
    const c = line[0] as string;
    if (/[A-Za-z0-9]/.test(c)) {
      const colon = line.indexOf(':');
      if (colon < 0) return { ok: false, error: `line ${n}: "${clip(line)}" is not "key: value"; not a decode_as_entries file?` };
      entries.push({ line: n, key: line.slice(0, colon), value: line.slice(colon + 1).replace(/^[ \t]+/, ''), text: line });
    } else if (/[ \t]/.test(c)) {
      // white space: continues the previous value (prefs.c PRE_VAL), or a blank line
      const rest = line.replace(/^[ \t]+/, '');
      const last = entries[entries.length - 1];
      if (rest === '') continue;
      if (!last) return { ok: false, error: `line ${n}: a continuation line with nothing to continue` };
      last.value += rest;
      last.text += ' ' + rest;
    } else {
      return { ok: false, error: `line ${n}: "${clip(line)}" is not a decode_as_entries line; not a decode_as_entries file?` };
    }
  }
  const rules = new Map<string, DecodeAsRule>();
  const skipped: SkippedEntry[] = [];
  for (const e of entries) {
    if (e.key !== DECODE_AS_ENTRY) return { ok: false, error: `line ${e.line}: "${clip(e.key)}" is not a ${DECODE_AS_ENTRY} line; not a decode_as_entries file?` };
    const parts = e.value.split(',');
    if (parts.length < 4) return { ok: false, error: `line ${e.line}: expected ${DECODE_AS_ENTRY}: TABLE,VALUE,DEFAULT,CURRENT, found "${clip(e.value)}"` };
    const [table, selector] = parts as [string, string];
    const current = parts.slice(3).join(',').trimEnd();
    if (!(DECODE_AS_TABLES as readonly string[]).includes(table)) {
      skipped.push({ line: e.line, text: e.text, reason: `Decapod has no "${table}" table` });
      continue;
    }
    const value = strtol0(selector);
    if (value === null) return { ok: false, error: `line ${e.line}: "${clip(selector)}" is not a number` };
    if (value > (TABLE_MAX[table] as number)) {
      skipped.push({ line: e.line, text: e.text, reason: `${value} is out of range for ${table}` });
      continue;
    }
    const proto = protocolOf(current, protocols);
    if (proto === null) {
      skipped.push({ line: e.line, text: e.text, reason: `Decapod has no protocol "${current}"` });
      continue;
    }
    const key = `${table}:${value}`;
    rules.delete(key); // keep file order for the last occurrence
    rules.set(key, { table: table as TableName, value, proto });
  }
  return { ok: true, value: { rules: [...rules.values()], skipped } };
}

function clip(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

/** g_ascii_strcasecmp: byte order after folding ASCII capitals. */
function asciiCaseCompare(a: string, b: string): number {
  const x = a.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
  const y = b.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Write rules as a decode_as_entries file, as Wireshark does: its header, one sorted line per rule,
 * INITIAL from the built-in bindings (`defaults`) or "(none)".
 */
export function formatDecodeAsEntries(rules: readonly DecodeAsRule[], defaults: readonly DecodeAsRule[] = []): string {
  const initial = new Map(defaults.map((d) => [`${d.table}:${d.value}`, d.proto]));
  const rows = rules.map((r) => `${DECODE_AS_ENTRY}: ${r.table},${r.value},${wiresharkDescription(initial.get(`${r.table}:${r.value}`) ?? 'none')},${wiresharkDescription(r.proto)}\n`);
  rows.sort(asciiCaseCompare);
  const header =
    '# "Decode As" entries file for Wireshark, written by Decapod.\n' +
    '#\n' +
    '# This file is regenerated each time "Decode As" preferences\n' +
    '# are saved within Wireshark. Making manual changes should be safe,\n' +
    '# however.\n';
  return header + rows.join('');
}
