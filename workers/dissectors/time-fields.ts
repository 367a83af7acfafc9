// Time fields whose text is not the one valueText makes from the number: tshark prints most
// FT_ABSOLUTE_TIME fields as a UTC date ("Nov 25, 2009 18:26:53.746425000 UTC", not the epoch
// seconds of frame.time_epoch), NTP's zero timestamp as "NULL", and FT_RELATIVE_TIME as
// `s.nnnnnnnnn`. The text goes in `str` (EF.STR: valueText and writeValue print it as it is) and
// the value in `num` / `aux` as for every other time field (absolute: seconds and nanoseconds;
// relative: seconds), so that the display filter compares the time, not 0 (filter/view.ts).

import { EF, type FieldList } from '../fields/field-list.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An absolute time as tshark prints FT_ABSOLUTE_TIME fields ("Jan  1, 2020 00:00:00.000000000 UTC"). */
export function absTimeText(sec: number, nsec: number): string {
  const d = new Date(sec * 1000);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')}, ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${nine(nsec)} UTC`;
}

/** A relative time of `sec` + `nsec` / 1e9 seconds as tshark prints it: `-0.500000000`, `1.000000000`.
 *  The two parts may have different signs (DNS gives nanoseconds in [0, 1e9) under negative seconds). */
export function relTimeText(sec: number, nsec: number): string {
  if (sec < 0 && nsec > 0) {
    sec++;
    nsec -= 1e9;
  } else if (sec > 0 && nsec < 0) {
    sec--;
    nsec += 1e9;
  }
  const sign = sec < 0 || nsec < 0 ? '-' : '';
  return `${sign}${Math.abs(sec)}.${nine(Math.abs(nsec))}`;
}

/** Add an FT_ABSOLUTE_TIME field worth (`sec`, `nsec`), printed as `text` (by default the UTC date).
 *  Returns the entry index; no text is made for a field the lean mask leaves out. */
export function addAbsTime(f: FieldList, id: number, off: number, len: number, sec: number, nsec: number,
                           flags = 0, text?: string): number {
  const i = f.add(id, off, len, sec, flags | EF.STR);
  if (i < 0) return i;
  f.aux[i] = nsec;
  f.setStr(i, text ?? absTimeText(sec, nsec));
  return i;
}

/** Add an FT_RELATIVE_TIME field of `sec` + `nsec` / 1e9 seconds (its value in `num`), printed as tshark does. */
export function addRelTime(f: FieldList, id: number, off: number, len: number, sec: number, nsec: number, flags = 0): number {
  const i = f.add(id, off, len, sec + nsec / 1e9, flags | EF.STR);
  if (i >= 0) f.setStr(i, relTimeText(sec, nsec));
  return i;
}

/** Add an FT_RELATIVE_TIME field of the time from `then` to `now` (a response's time since its
 *  request: `[Time: 1.001000000 seconds]`). */
export function addTimeSince(f: FieldList, id: number, off: number, now: { sec: number; nsec: number }, then: { sec: number; nsec: number }, flags = 0): number {
  let sec = now.sec - then.sec;
  let nsec = now.nsec - then.nsec;
  if (nsec < 0) {
    sec--;
    nsec += 1e9;
  }
  return addRelTime(f, id, off, 0, sec, nsec, flags);
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function nine(n: number): string {
  return String(n).padStart(9, '0');
}
