// Wireshark's `colorfilters` file (its coloring rules), read and written.
//
// Format (epan/color_filters.c, read_filters_file and write_filter): one rule a line,
//
//     [!]@NAME@FILTER@[BG_RED,BG_GREEN,BG_BLUE][FG_RED,FG_GREEN,FG_BLUE]
//
// background first, then foreground, each channel 16 bits (0–65535); a leading `!` disables the
// rule; lines that do not start with `@` or `!@` (after white space) are comments (`#`) and are
// skipped, as Wireshark skips them. Order is priority: the first enabled rule that matches colours
// the packet. NAME and FILTER cannot hold `@`, which ends them. Wireshark writes a `#` header line.

import { colourFrom16, colourTo16, LIMITS, type ColoringRule, type Validated } from './schema.ts';
import type { SkippedEntry } from './wireshark-decode-as.ts';

export interface ColorfiltersImport {
  rules: ColoringRule[];
  skipped: SkippedEntry[];
}

const RULE = /^(!?)@([^@]*)@([^@]*)@\[(\d+),(\d+),(\d+)\]\[(\d+),(\d+),(\d+)\]/;

/**
 * Read a colorfilters file. A line that starts like a rule (`@` or `!@`) but is not one is an
 * error naming the line (Wireshark drops such lines silently; a file handed to an import should
 * not lose rules without a word). Other non-comment text means a foreign file.
 */
export function parseColorfilters(text: string): Validated<ColorfiltersImport> {
  if (text.includes('\u0000')) return { ok: false, error: 'not a colorfilters file: it is binary, not text' };
  const rules: ColoringRule[] = [];
  const skipped: SkippedEntry[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const line = (lines[i] as string).replace(/\r$/, '').replace(/^[ \t\v\f]+/, '');
    if (line === '' || line.startsWith('#')) continue;
    if (!line.startsWith('@') && !line.startsWith('!@')) {
      return { ok: false, error: `line ${n}: "${clip(line)}" is not a coloring rule (@name@filter@[r,g,b][r,g,b]); not a colorfilters file?` };
    }
    const m = RULE.exec(line);
    if (!m) return { ok: false, error: `line ${n}: expected @name@filter@[r,g,b][r,g,b] with background then foreground, found "${clip(line)}"` };
    const [, bang, name, filter] = m as unknown as [string, string, string, string];
    const ch = m.slice(4, 10).map(Number);
    const bad = ch.find((v) => v > 65535);
    if (bad !== undefined) return { ok: false, error: `line ${n}: colour value ${bad} is out of range (0 to 65535)` };
    if (name === '' || filter === '') {
      skipped.push({ line: n, text: line, reason: name === '' ? 'the rule has no name' : 'the rule has no filter' });
      continue;
    }
    if (name.length > LIMITS.name || filter.length > LIMITS.filter) {
      return { ok: false, error: `line ${n}: the rule's ${name.length > LIMITS.name ? 'name' : 'filter'} is too long` };
    }
    const [br, bg, bb, fr, fg, fb] = ch as [number, number, number, number, number, number];
    const rule: ColoringRule = { name, filter, background: colourFrom16(br, bg, bb), foreground: colourFrom16(fr, fg, fb) };
    if (bang === '!') rule.disabled = true;
    rules.push(rule);
  }
  return { ok: true, value: { rules, skipped } };
}

function clip(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

/** Write coloring rules as a colorfilters file; throws when a name or filter holds `@`. */
export function formatColorfilters(rules: readonly ColoringRule[]): string {
  const out = ['# This file was created by Decapod, in the format of Wireshark. Edit with care.\n'];
  for (const r of rules) {
    if (r.name.includes('@') || r.filter.includes('@')) {
      throw new Error(`coloring rule "${r.name}": Wireshark's colorfilters format cannot hold "@" in a name or filter`);
    }
    const bg = colourTo16(r.background);
    const fg = colourTo16(r.foreground);
    out.push(`${r.disabled ? '!' : ''}@${r.name}@${r.filter}@[${bg.join(',')}][${fg.join(',')}]\n`);
  }
  return out.join('');
}
