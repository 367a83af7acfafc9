// The Info column of syslog, as packet-syslog.c writes it: "FACILITY.LEVEL: message" when the
// datagram starts with a priority, else the message; the message is every byte after the priority
// in tvb_format_text's form (a NUL is "\000": the message field's value stops at the first one,
// the column does not).

import type { FieldList } from '../../fields/field-list.ts';
import { formatText } from '../../fields/format.ts';
import { FACILITIES, LEVELS } from '../../dissectors/syslog.ts';
import { find } from './fields.ts';

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
