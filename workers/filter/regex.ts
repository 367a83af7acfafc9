// `matches` patterns: Wireshark hands them to PCRE2, case-insensitive unless the pattern says
// `(?-i)`. JavaScript's RegExp covers the common PCRE syntax; the leading option groups PCRE allows
// and JavaScript does not are turned into flags here.

export function compileRegex(pattern: string): RegExp {
  let flags = 'i';
  let p = pattern;
  // leading (?i) (?-i) (?s) (?m) (?x-…) option settings apply to the whole pattern
  for (;;) {
    const m = /^\(\?([imsx]*)(?:-([imsx]*))?\)/.exec(p);
    if (!m || m[0] === '(?)') break;
    for (const f of m[1] ?? '') if (!flags.includes(f) && f !== 'x') flags += f;
    for (const f of m[2] ?? '') flags = flags.replace(f, '');
    p = p.slice(m[0].length);
  }
  // \A and \z / \Z anchors
  p = p.replace(/\\A/g, '^').replace(/\\[zZ]/g, '$');
  try {
    return new RegExp(p, flags);
  } catch (e) {
    throw new Error(`Invalid regular expression "${pattern}": ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
}
