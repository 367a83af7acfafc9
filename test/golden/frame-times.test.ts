// frame.time, frame.time_epoch, frame.time_relative and frame.time_delta as `decapod fields`
// prints them, byte for byte against tshark 4.0.17's output, recorded with
//   TZ=UTC tshark -n -r FILE -T fields -E separator=/t -E occurrence=a -E aggregator=, \
//     -e frame.number -e frame.time -e frame.time_epoch -e frame.time_relative -e frame.time_delta
// tshark prints frame.time in the local time zone; Decapod always prints UTC, so the command
// runs here with TZ=Asia/Kolkata (UTC+5:30) and must still print tshark's TZ=UTC text.
// The captures: pcap with microseconds and with nanoseconds; pcapng with an if_tsresol per
// interface (ns and µs in one file) and with ns declared on µs values (applied literally); pcapng
// with three sections, Simple Packet Blocks (no time: the next delta is the whole epoch time) and
// Custom Blocks (no time: the previous record's counts), so that times go back and forth; and
// nanosecond fields of 1e9 and -2^31, whose differences wrap in 32 bits as in Wireshark.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPTURES, REPO } from './corpus.ts';

const FIELDS = ['frame.number', 'frame.time', 'frame.time_epoch', 'frame.time_relative', 'frame.time_delta'];

function decapod(args: string[], tz: string): { code: number; out: string; err: string } {
  const r = spawnSync('node', [join(REPO, 'bin/decapod.js'), ...args], { encoding: 'utf8', env: { ...process.env, TZ: tz } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const TSHARK: Record<string, readonly string[]> = {
  'vxlan.pcap': [
    '1\tMay 18, 2013 20:21:44.837063000 UTC\t1368908504.837063000\t0.000000000\t0.000000000',
    '2\tMay 18, 2013 20:21:44.882198000 UTC\t1368908504.882198000\t0.045135000\t0.045135000',
    '3\tMay 18, 2013 20:21:44.882536000 UTC\t1368908504.882536000\t0.045473000\t0.000338000',
    '4\tMay 18, 2013 20:21:44.925960000 UTC\t1368908504.925960000\t0.088897000\t0.043424000',
    '5\tMay 18, 2013 20:21:45.838156000 UTC\t1368908505.838156000\t1.001093000\t0.912196000',
    '6\tMay 18, 2013 20:21:45.881150000 UTC\t1368908505.881150000\t1.044087000\t0.042994000',
    '7\tMay 18, 2013 20:21:46.840248000 UTC\t1368908506.840248000\t2.003185000\t0.959098000',
    '8\tMay 18, 2013 20:21:46.884062000 UTC\t1368908506.884062000\t2.046999000\t0.043814000',
    '9\tMay 18, 2013 20:21:47.841976000 UTC\t1368908507.841976000\t3.004913000\t0.957914000',
    '10\tMay 18, 2013 20:21:47.885359000 UTC\t1368908507.885359000\t3.048296000\t0.043383000',
  ],
  'tcp-handshake-nano.pcap': [
    '1\tDec  9, 2014 17:16:09.924505488 UTC\t1418145369.924505488\t0.000000000\t0.000000000',
    '2\tDec  9, 2014 17:16:10.052027262 UTC\t1418145370.052027262\t0.127521774\t0.127521774',
    '3\tDec  9, 2014 17:16:10.052115157 UTC\t1418145370.052115157\t0.127609669\t0.000087895',
  ],
  'pcapng-multi-interface.pcapng': [
    '1\tJan  6, 2026 01:31:29.500330493 UTC\t1767663089.500330493\t0.000000000\t0.000000000',
    '2\tJan  6, 2026 01:31:29.514291940 UTC\t1767663089.514291940\t0.013961447\t0.013961447',
    '3\tJan  6, 2026 01:37:17.111897000 UTC\t1767663437.111897000\t347.611566507\t347.597605060',
    '4\tJan  6, 2026 01:37:17.126460000 UTC\t1767663437.126460000\t347.626129507\t0.014563000',
    '5\tJan  6, 2026 01:37:17.128303000 UTC\t1767663437.128303000\t347.627972507\t0.001843000',
    '6\tJan  6, 2026 01:37:17.140942000 UTC\t1767663437.140942000\t347.640611507\t0.012639000',
  ],
  'ngtg_le_test008.pcapng': [
    '1\tJan 16, 1970 12:29:14.905298858 UTC\t1340954.905298858\t0.000000000\t0.000000000',
    '2\tJan 16, 1970 12:29:14.905299858 UTC\t1340954.905299858\t0.000001000\t0.000001000',
    '3\tJan 16, 1970 12:29:14.905300858 UTC\t1340954.905300858\t0.000002000\t0.000001000',
    '4\tJan 16, 1970 12:29:14.905301858 UTC\t1340954.905301858\t0.000003000\t0.000001000',
  ],
  'ngtg_le_test202.pcapng': [
    '1\t\t\t\t',
    '2\tJun 29, 2012 07:28:25.298858000 UTC\t1340954905.298858000\t1340954905.298858000\t1340954905.298858000',
    '3\tJun 29, 2012 07:28:25.298858000 UTC\t1340954905.298858000\t1340954905.298858000\t0.000000000',
    '4\tJun 29, 2012 07:28:25.301858000 UTC\t1340954905.301858000\t1340954905.301858000\t0.003000000',
    '5\t\t\t\t',
    '6\tJun 29, 2012 07:28:25.298858000 UTC\t1340954905.298858000\t1340954905.298858000\t1340954905.298858000',
    '7\t\t\t\t',
    '8\t\t\t\t',
    '9\tJun 29, 2012 07:28:25.298858000 UTC\t1340954905.298858000\t1340954905.298858000\t1340954905.298858000',
    '10\t\t\t\t',
    '11\tJun 29, 2012 07:28:25.301858000 UTC\t1340954905.301858000\t1340954905.301858000\t0.003000000',
  ],
  'ngtg_le_test102.pcapng': [
    '1\t\t\t\t',
    '2\tJun 29, 2012 07:28:25.298858000 UTC\t1340954905.298858000\t1340954905.298858000\t1340954905.298858000',
    '3\t\t\t\t',
    '4\tJun 29, 2012 07:28:25.298858000 UTC\t1340954905.298858000\t1340954905.298858000\t0.000000000',
    '5\t\t\t\t',
    '6\tJun 29, 2012 07:28:25.300858000 UTC\t1340954905.300858000\t1340954905.300858000\t1340954905.300858000',
    '7\tJun 29, 2012 07:28:25.301858000 UTC\t1340954905.301858000\t1340954905.301858000\t0.001000000',
    '8\t\t\t\t',
  ],
  'timestamp_invalid_nano.pcap': [
    '1\tDec  9, 2014 17:16:09.999999999 UTC\t1418145369.999999999\t0.000000000\t0.000000000',
    '2\tDec  9, 2014 17:16:10.1000000000 UTC\t1418145370.1000000000\t1.000000001\t1.000000001',
    '3\tDec  9, 2014 17:16:10.-2147483648 UTC\t-1418145370.2147483648\t1.1147483649\t0.1147483648',
  ],
};

describe('frame time fields agree with tshark byte for byte', () => {
  for (const [file, lines] of Object.entries(TSHARK)) {
    it(file, (ctx) => {
      const path = join(CAPTURES, file);
      if (!existsSync(path)) return ctx.skip();
      const r = decapod(['fields', path, ...FIELDS.flatMap((f) => ['-e', f])], 'Asia/Kolkata');
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toBe(lines.join('\n') + '\n');
    });
  }

  it('filters on them with -Y as tshark -Y does (TZ=Asia/Kolkata for both)', (ctx) => {
    const path = join(CAPTURES, 'vxlan.pcap');
    if (!existsSync(path)) return ctx.skip();
    const frames = (filter: string): string => decapod(['fields', path, '-e', 'frame.number', '-Y', filter], 'Asia/Kolkata').out.trim().split('\n').join(',');
    expect(frames('frame.time_delta > 0.1')).toBe('5,7,9');
    // no zone: local time, 14:51:46 UTC, before every frame
    expect(frames('frame.time >= "2013-05-18 20:21:46"')).toBe('1,2,3,4,5,6,7,8,9,10');
    expect(frames('frame.time >= "2013-05-18 20:21:46 UTC"')).toBe('7,8,9,10');
    expect(frames('frame.time_relative > 1 && frame.time_epoch < 1368908507')).toBe('5,6,7,8');
  });
});
