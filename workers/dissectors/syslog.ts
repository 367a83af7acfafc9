// Syslog over UDP 514 (RFC 3164 / RFC 5424; Wireshark packet-syslog.c), minimal: the priority
// (`<PRI>` = facility * 8 + level) when present, and the message text. It matters for dispatch as
// much as for display: Wireshark tries the lower UDP port first, so a datagram between 514 and a
// tunnel port (4790, 4789 …) is syslog, not a tunnel, and we must choose the same.

import { FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { bind, registerDissector } from './tables.ts';
import { latin1Text } from './ascii.ts';

const LEVELS = names([[0, 'EMERG'], [1, 'ALERT'], [2, 'CRIT'], [3, 'ERR'], [4, 'WARNING'], [5, 'NOTICE'], [6, 'INFO'], [7, 'DEBUG']]);
/** Longest `<PRI>`: "<191>". */
const MAX_PRI_LEN = 5;

export const F = registerFields({
  syslog: { name: 'syslog', label: 'Syslog message', type: FT.PROTOCOL },
  facility: { name: 'syslog.facility', label: 'Facility', type: FT.UINT, bits: 16, mask: 0x3f8 },
  level: { name: 'syslog.level', label: 'Level', type: FT.UINT, bits: 8, mask: 0x7, names: LEVELS },
  msg: { name: 'syslog.msg', label: 'Message', type: FT.STRING },
});

export function dissectSyslog(c: Ctx, off: number, end: number): void {
  const b = c.b;
  const stop = Math.min(end, b.length);
  c.proto(F.syslog, off, stop);
  let o = off;
  if (b[o] === 0x3c) {
    let pri = 0;
    let k = o + 1;
    while (k < stop && k - o <= MAX_PRI_LEN && (b[k] as number) >= 0x30 && (b[k] as number) <= 0x39) pri = pri * 10 + (b[k++] as number) - 0x30;
    if (k < stop && b[k] === 0x3e && k > o + 1) {
      c.f.add(F.facility, o, k + 1 - o, pri >> 3);
      c.f.add(F.level, o, k + 1 - o, pri & 7);
      o = k + 1;
    }
  }
  c.f.addStr(F.msg, o, stop - o, latin1Text(b, o, stop, true));
  c.f.pop();
}

registerDissector('syslog', dissectSyslog);
bind('udp.port', 514, 'syslog');
