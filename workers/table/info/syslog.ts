// The Info column of syslog, as packet-syslog.c writes it: "FACILITY.LEVEL: message" when the
// datagram starts with a priority, else the message; the message is every byte after the priority
// in tvb_format_text's form (a NUL is "\000": the message field's value stops at the first one,
// the column does not).

import type { FieldList } from '../../fields/field-list.ts';
import { find } from './fields.ts';

const FACILITIES = ['KERN', 'USER', 'MAIL', 'DAEMON', 'AUTH', 'SYSLOG', 'LPR', 'NEWS', 'UUCP', 'CRON', 'AUTHPRIV', 'FTP', 'NTP',
  'LOGAUDIT', 'LOGALERT', 'CRON', 'LOCAL0', 'LOCAL1', 'LOCAL2', 'LOCAL3', 'LOCAL4', 'LOCAL5', 'LOCAL6', 'LOCAL7'];
const LEVELS = ['EMERG', 'ALERT', 'CRIT', 'ERR', 'WARNING', 'NOTICE', 'INFO', 'DEBUG'];
const ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };
const utf8 = new TextDecoder();

export function syslogInfo(fl: FieldList): string {
  const m = find(fl, 'syslog.msg');
  if (m < 0) return '';
  const b = fl.bytesOf(m);
  const off = fl.off[m] as number;
  const msg = formatText(b.subarray(off, Math.min(b.length, off + (fl.len[m] as number))));
  const fac = find(fl, 'syslog.facility');
  if (fac < 0) return msg;
  const level = find(fl, 'syslog.level');
  return `${FACILITIES[fl.num[fac] as number] ?? 'UNKNOWN'}.${LEVELS[level < 0 ? -1 : (fl.num[level] as number)] ?? 'UNKNOWN'}: ${msg}`;
}

/** Wireshark's format_text: UTF-8 as text, ASCII control characters as C escapes (octal when
 *  there is no letter for them). */
export function formatText(bytes: Uint8Array): string {
  const s = utf8.decode(bytes);
  let out = '';
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0x20 && c !== 0x7f) out += s[k];
    else out += ESCAPES[c] ?? `\\${c.toString(8).padStart(3, '0')}`;
  }
  return out;
}
