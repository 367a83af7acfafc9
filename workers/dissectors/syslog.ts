// Syslog over UDP 514 (RFC 3164 / RFC 5424; Wireshark 4.0's packet-syslog.c). The datagram may
// start with a priority, `<PRI>` (facility * 8 + level, at most three digits read; "<>" reads as
// 0); the rest is the message, shown in the title and the Info column as tvb_format_text writes it
// (`\r\n`, `\000`, `\uFEFF`). Under the message, its header as far as it parses:
//   RFC 5424, when the message starts "1 ": version, ISO 8601 timestamp (a date that does not
//     parse shows the epoch), host name, app name and process id, each up to a space, then the
//     rest as the "message id" (4.0 does not split MSGID, structured data and text);
//   RFC 3164, when the message is longer than 15 bytes and starts with "Mmm dd hh:mm:ss ": that
//     timestamp, the host name up to a space, the tag's alphanumeric run as the process id (read
//     at most 32 bytes on: a tag that runs to the end of the datagram is read past it, and the
//     packet is malformed), and the rest.
// It matters for dispatch as much as for display: Wireshark tries the lower UDP port first, so a
// datagram between 514 and a tunnel port (4790, 4789 …) is syslog, not a tunnel, and we must choose
// the same.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { iso8601 } from '../fields/time.ts';
import type { Ctx } from './context.ts';
import { bind, registerDissector } from './tables.ts';
import { asciiText } from './ascii.ts';
import { addAbsTime } from './time-fields.ts';
import { formatText, utf8Prefix } from '../fields/format.ts';

/** The digits of `<PRI>` read at most (packet-syslog.c's MAX_DIGITS). */
const MAX_DIGITS = 3;
/** Bytes of an RFC 3164 timestamp ("Oct 11 22:14:15") and of the tag read for a process id. */
const RFC3164_TIME = 15;
const TAG_SPAN = 32;

const FACILITY_NAMES = names([
  [0, 'KERN - kernel messages'], [1, 'USER - random user-level messages'], [2, 'MAIL - mail system'], [3, 'DAEMON - system daemons'],
  [4, 'AUTH - security/authorization messages'], [5, 'SYSLOG - messages generated internally by syslogd'], [6, 'LPR - line printer subsystem'],
  [7, 'NEWS - network news subsystem'], [8, 'UUCP - UUCP subsystem'], [9, 'CRON - clock daemon (BSD, Linux)'],
  [10, 'AUTHPRIV - security/authorization messages (private)'], [11, 'FTP - ftp daemon'], [12, 'NTP - ntp subsystem'], [13, 'LOGAUDIT - log audit'],
  [14, 'LOGALERT - log alert'], [15, 'CRON - clock daemon (Solaris)'], [16, 'LOCAL0 - reserved for local use'], [17, 'LOCAL1 - reserved for local use'],
  [18, 'LOCAL2 - reserved for local use'], [19, 'LOCAL3 - reserved for local use'], [20, 'LOCAL4 - reserved for local use'],
  [21, 'LOCAL5 - reserved for local use'], [22, 'LOCAL6 - reserved for local use'], [23, 'LOCAL7 - reserved for local use'],
]);
const LEVEL_NAMES = names([
  [0, 'EMERG - system is unusable'], [1, 'ALERT - action must be taken immediately'], [2, 'CRIT - critical conditions'], [3, 'ERR - error conditions'],
  [4, 'WARNING - warning conditions'], [5, 'NOTICE - normal but significant condition'], [6, 'INFO - informational'], [7, 'DEBUG - debug-level messages'],
]);
/** The short names of the title and the Info column ("AUTH.CRIT"): each long name's first word. */
const shortNames = (m: ReadonlyMap<number, string>): string[] => [...m.values()].map((n) => n.split(' ')[0] as string);
export const FACILITIES = shortNames(FACILITY_NAMES);
export const LEVELS = shortNames(LEVEL_NAMES);

export const F = registerFields({
  syslog: { name: 'syslog', label: 'Syslog message', type: FT.PROTOCOL },
  // (4.0 registers both as FT_UINT8, the facility's mask reaching past its 8 bits)
  facility: { name: 'syslog.facility', label: 'Facility', type: FT.UINT, bits: 8, mask: 0x3f8, names: FACILITY_NAMES, unknownName: true },
  level: { name: 'syslog.level', label: 'Level', type: FT.UINT, bits: 8, mask: 0x7, names: LEVEL_NAMES },
  msg: { name: 'syslog.msg', label: 'Message', type: FT.STRING },
  version: { name: 'syslog.version', label: 'Syslog version', type: FT.STRING },
  timestamp: { name: 'syslog.timestamp', label: 'Syslog timestamp', type: FT.ABSOLUTE_TIME },
  timestampOld: { name: 'syslog.timestamp_rfc3164', label: 'Syslog timestamp (RFC3164)', type: FT.STRING },
  hostname: { name: 'syslog.hostname', label: 'Syslog hostname', type: FT.STRING },
  appname: { name: 'syslog.appname', label: 'Syslog app name', type: FT.STRING },
  procid: { name: 'syslog.procid', label: 'Syslog process id', type: FT.STRING },
  msgid: { name: 'syslog.msgid', label: 'Syslog message id', type: FT.STRING },
  // (registered, never added by 4.0: its RFC 5424 reading keeps the BOM in the message id)
  msgidBom: { name: 'syslog.msgid.bom', label: 'Syslog BOM', type: FT.UINT, base: Base.HEX, bits: 24 },
});

/** What proto.c makes of a protocol line of ITEM_LABEL_LENGTH (240) bytes or more: " [truncated]"
 *  before it, 238 bytes in all. */
function fittedTitle(s: string): string {
  return utf8Prefix(s, 239) === s ? s : utf8Prefix(` [truncated]${s}`, 238);
}

const utf8 = new TextDecoder();

/** The message as its FT_STRING field holds it (UTF-8, up to a NUL). */
function messageValue(b: Uint8Array, o: number, stop: number): string {
  let e = o;
  while (e < stop && b[e] !== 0) e++;
  return utf8.decode(b.subarray(o, e));
}

export function dissectSyslog(c: Ctx, off: number, end: number): void {
  const b = c.b;
  const f = c.f;
  const stop = Math.min(end, b.length);
  // (the priority is read before the item is added: a datagram cut inside it shows no Syslog
  // line, only "[Malformed Packet: Syslog]")
  c.curProto = F.syslog;
  let o = off;
  let pri = -1;
  if (c.has(o, 1, end) && b[o] === 0x3c) {
    o++;
    pri = 0;
    while (o < stop && (b[o] as number) >= 0x30 && (b[o] as number) <= 0x39 && o - off <= MAX_DIGITS) pri = pri * 10 + (b[o++] as number) - 0x30;
    if (!c.has(o, 1, end)) return;
    if (b[o] === 0x3e) o++;
  }
  const item = c.proto(F.syslog, off, stop);
  const fac = (pri & 0x3f8) >> 3;
  const lev = pri & 7;
  if (f.wanted === null) {
    const text = formatText(b.subarray(o, stop));
    const head = pri >= 0 ? `${FACILITIES[fac] ?? 'UNKNOWN'}.${LEVELS[lev] ?? 'UNKNOWN'}` : '(unknown)';
    f.label(item, fittedTitle(`Syslog message: ${head}: ${text}`));
  }
  if (pri >= 0) {
    f.add(F.facility, off, o - off, fac);
    f.add(F.level, off, o - off, lev);
  }
  const msg = f.addStr(F.msg, o, stop - o, messageValue(b, o, stop));
  f.push(msg);
  if (stop - o > 2 && b[o] === 0x31 && b[o + 1] === 0x20) rfc5424(c, o, end);
  else if (stop - o > RFC3164_TIME) rfc3164(c, o, end);
  f.pop();
  f.pop();
}

/** The field `id` from `o` to the next space (dissect_syslog_info); where the next one starts, or
 *  -1 when no space follows. */
function upToSpace(c: Ctx, id: number, o: number, end: number): number {
  const b = c.b;
  const stop = Math.min(end, b.length);
  let e = o;
  while (e < stop && b[e] !== 0x20) e++;
  if (e >= stop) return -1;
  c.f.addStr(id, o, e - o, asciiText(b, o, e));
  return e + 1;
}

/** RFC 5424's header (dissect_syslog_message). */
function rfc5424(c: Ctx, o: number, end: number): void {
  const b = c.b;
  const stop = Math.min(end, b.length);
  o = upToSpace(c, F.version, o, end);
  if (o < 0) return;
  let e = o;
  while (e < stop && b[e] !== 0x20) e++;
  if (e >= stop) return;
  if (e > o) {
    // (a timestamp that is no ISO 8601 date, NILVALUE "-" among them, shows the epoch, without
    // the fraction of a second a parsed one has)
    const iso = iso8601(asciiText(b, o, e));
    if (iso === null) addAbsTime(c.f, F.timestamp, o, e - o, 0, 0, 0, 'Jan  1, 1970 00:00:00 UTC');
    else addAbsTime(c.f, F.timestamp, o, e - o, iso.time.s, iso.time.ns);
  }
  o = e + 1;
  for (const id of [F.hostname, F.appname, F.procid]) {
    o = upToSpace(c, id, o, end);
    if (o < 0) return;
  }
  c.f.addStr(F.msgid, o, end - o, asciiText(b, o, stop));
}

/** RFC 3164's header (dissect_rfc3164_syslog_message). */
function rfc3164(c: Ctx, o: number, end: number): void {
  const b = c.b;
  if (b[o + 3] !== 0x20 || b[o + 6] !== 0x20 || b[o + 9] !== 0x3a || b[o + 12] !== 0x3a || b[o + 15] !== 0x20) return;
  c.f.addStr(F.timestampOld, o, RFC3164_TIME, asciiText(b, o, o + RFC3164_TIME));
  o = upToSpace(c, F.hostname, o + RFC3164_TIME + 1, end);
  if (o < 0) return;
  for (let t = o; t < o + TAG_SPAN; t++) {
    if (!c.has(t, 1, end)) return;
    if (!isAlnum(b[t] as number)) {
      c.f.addStr(F.procid, o, t - o, asciiText(b, o, t));
      o = t;
      break;
    }
  }
  c.f.addStr(F.msgid, o, end - o, asciiText(b, o, Math.min(end, b.length)));
}

function isAlnum(ch: number): boolean {
  return (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a);
}

registerDissector('syslog', dissectSyslog);
bind('udp.port', 514, 'syslog');
