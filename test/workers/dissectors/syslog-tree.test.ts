// Syslog against tshark: test/fixtures/syslog/syslog-cases.pcap (written by
// scripts/make-syslog-capture.py) holds datagrams as hosts send them to UDP 514: BSD syslog (RFC
// 3164) with its timestamp, host and tag, RFC 5424 with its header fields (an ISO timestamp, a
// NILVALUE one, one that is no date, one without a fraction, a BOM before the text), an ESXi
// hostd line, no priority, control characters and UTF-8, odd priorities, zeros, a line longer than
// proto.c keeps, and a BSD tag that runs to the end (packet-syslog.c reads past it: Malformed).
// syslog-lines.json beside it is tshark 4.0.17's reading (scripts/make-layer-lines.py syslog).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('syslog');
const TITLES = ['Syslog message', ' [truncated]Syslog message', '[Malformed Packet'];

describe("syslog's tree, as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('syslog', 'syslog-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('syslog', 'syslog-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('syslog', 'syslog-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(13);
    await expectFilters(s, WANT);
  });
});
