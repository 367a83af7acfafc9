// IEEE 802.11 MAC headers (workers/dissectors/ieee80211.ts): frames of ieee802.11_exthdr.pcap and
// data frames of each To DS / From DS kind checked against tshark 4.0 (LINKTYPE_IEEE802_11); the
// management bodies (ieee80211-mgt.ts) against every occurrence of 20 fields in all 26 frames of
// that capture (test/fixtures/wlan/ieee802.11_exthdr.tsv, written by scripts/make-wlan-fixture.sh),
// and the Info column and tree lines against tshark's.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPTURES, REPO } from '../../golden/corpus.ts';
import { corpusRows } from '../table/corpus-rows.ts';
import { buildTree } from '../../../workers/table/details.ts';
import { checkCuts, frame, hex, treeLines } from './helpers.ts';

const RADIOTAP = '000059006f480080f7017710000000006ae098000000000010026c09a000edaa00000000000002006c09a000031b6ae09800000000003d040043364380aa009fff019cff670000000000000000000000000000000000000000';
// ieee802.11_exthdr.pcap frame 2 (after its radiotap header): ACK to 90:a4:de:c0:46:0a, FCS.
const ACK = 'd400000090a4dec0460a2731633c';
const A1 = '001111111111';
const A2 = '002222222222';
const A3 = '003333333333';
const A4 = '004444444444';
const SNAP_IP = 'aaaa030000000800' + '4500001400010000401100000102030405060708';

function data(fc: string, rest: string): ReturnType<typeof frame> {
  return frame(hex(fc + '3000' + rest), 105);
}

describe('IEEE 802.11', () => {
  it('decodes the ACK of ieee802.11_exthdr.pcap frame 2', () => {
    const f = frame(hex(RADIOTAP + ACK), 127);
    expect(f.v('wlan.fc.type_subtype')).toBe('0x001d');
    expect(f.v('wlan.fc')).toBe('0xd400');
    expect(f.v('wlan.fc.type')).toBe('1');
    expect(f.v('wlan.fc.subtype')).toBe('13');
    expect(f.v('wlan.flags')).toBe('0x00');
    expect(f.v('wlan.duration')).toBe('0');
    expect(f.v('wlan.ra')).toBe('90:a4:de:c0:46:0a');
    expect(f.v('wlan.addr')).toBe('90:a4:de:c0:46:0a');
    expect(f.hidden('wlan.addr')).toBe(true);
    expect(f.v('wlan.ta')).toBe('');
    expect(f.v('wlan.fcs')).toBe('0x3c633127');
    expect(f.v('wlan.fcs.status')).toBe('2');
  });

  it('names the addresses of a data frame by To DS / From DS (Table 9-30)', () => {
    const ds0 = data('0800', A1 + A2 + A3 + '1000' + SNAP_IP);
    expect([ds0.v('wlan.da'), ds0.v('wlan.sa'), ds0.v('wlan.bssid'), ds0.v('wlan.staa')]).toEqual(['00:11:11:11:11:11', '00:22:22:22:22:22', '00:33:33:33:33:33', '']);
    expect(ds0.v('wlan.addr')).toBe('00:11:11:11:11:11,00:22:22:22:22:22,00:33:33:33:33:33');
    expect(ds0.v('wlan.seq')).toBe('1');
    const toDs = data('0801', A1 + A2 + A3 + '1000' + SNAP_IP);
    expect([toDs.v('wlan.da'), toDs.v('wlan.sa'), toDs.v('wlan.bssid'), toDs.v('wlan.staa')]).toEqual(['00:33:33:33:33:33', '00:22:22:22:22:22', '00:11:11:11:11:11', '00:22:22:22:22:22']);
    const fromDs = data('0802', A1 + A2 + A3 + '1000' + SNAP_IP);
    expect([fromDs.v('wlan.da'), fromDs.v('wlan.sa'), fromDs.v('wlan.bssid'), fromDs.v('wlan.staa')]).toEqual(['00:11:11:11:11:11', '00:33:33:33:33:33', '00:22:22:22:22:22', '00:11:11:11:11:11']);
    const wds = data('0803', A1 + A2 + A3 + '1000' + A4 + SNAP_IP);
    expect([wds.v('wlan.da'), wds.v('wlan.sa'), wds.v('wlan.bssid')]).toEqual(['00:33:33:33:33:33', '00:44:44:44:44:44', '']);
    expect(wds.v('wlan.addr')).toBe('00:11:11:11:11:11,00:22:22:22:22:22,00:44:44:44:44:44,00:33:33:33:33:33');
  });

  it('hands the body of a data frame to LLC / SNAP and on to IPv4', () => {
    const f = data('0800', A1 + A2 + A3 + '1000' + SNAP_IP);
    expect(f.protocols.startsWith('frame:wlan:llc:ip')).toBe(true);
    expect(f.v('llc.type')).toBe('0x0800');
    expect(f.v('ip.src')).toBe('1.2.3.4');
  });

  it('reads the QoS control field of QoS data frames', () => {
    const f = data('8801', A1 + A2 + A3 + '1000' + '0700' + SNAP_IP);
    expect(f.v('wlan.qos')).toBe('0x0007');
    expect(f.v('wlan.qos.tid')).toBe('7');
    expect(f.v('wlan.qos.priority')).toBe('7');
    expect(f.v('wlan.qos.ack')).toBe('0x0000');
    expect(f.v('wlan.qos.txop_dur_req')).toBe('0');
    expect(f.v('ip.src')).toBe('1.2.3.4');
  });

  it('shows a transmitter address for RTS and none for CTS', () => {
    expect(data('b400', A1 + A2).v('wlan.ta')).toBe('00:22:22:22:22:22');
    expect(data('c400', A1).v('wlan.ta')).toBe('');
  });

  it('keeps the receiver address of a data frame cut inside its header, and nothing after it', () => {
    const f = data('0801', A1 + A2 + '0033');
    expect(f.v('wlan.ra')).toBe('00:11:11:11:11:11');
    expect(f.v('wlan.ta')).toBe('');
  });

  it('never throws at any cut of the header', () => {
    const b = hex('08013000' + A1 + A2 + A3 + '1000' + SNAP_IP);
    checkCuts(b, 105, 0, 24, ['wlan.fc', 'wlan.duration', 'wlan.ra', 'wlan.ta', 'wlan.da', 'wlan.seq']);
  });

  it("prints tshark's values of the header and management fields of ieee802.11_exthdr.pcap", () => {
    const [header, ...rows] = readFileSync(join(REPO, 'test/fixtures/wlan/ieee802.11_exthdr.tsv'), 'utf8').replace(/\n$/, '').split('\n');
    const fields = (header as string).split('\t');
    expect(rows).toHaveLength(26);
    const r = spawnSync('node', [join(REPO, 'bin/decapod.js'), 'fields', join(CAPTURES, 'ieee802.11_exthdr.pcap'), '-E', 'occurrence=a', ...fields.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.replace(/\n$/, '').split('\n')).toEqual(rows);
  });

  it("writes tshark's Info: type, SN and FN, flags with C for an FCS, then the beacon interval and SSID", async () => {
    const w = await corpusRows('ieee802.11_exthdr.pcap');
    expect(w.protocol.slice(0, 3)).toEqual(['802.11', '802.11', '802.11']);
    expect(w.info[0]).toBe('Probe Request, SN=1, FN=0, Flags=........C, SSID="omus"');
    expect(w.info[1]).toBe('Acknowledgement, Flags=........C');
    expect(w.info[2]).toBe('Probe Response, SN=1788, FN=0, Flags=........, BI=100, SSID="omus"');
    expect(w.info[18]).toBe('Authentication, SN=27, FN=0, Flags=........C');
    expect(w.info[24]).toBe('Null function (No data), SN=29, FN=0, Flags=.......TC');
  });

  it("draws the management body's parameters as tshark -V does", async () => {
    // ieee802.11_exthdr.pcap frame 3 (225 bytes after the file header and the records of frames 1
    // and 2, 170 and 103 bytes): radiotap, then a probe response with no FCS
    const start = 24 + 16 + 170 + 16 + 103 + 16;
    const bytes = new Uint8Array(readFileSync(join(CAPTURES, 'ieee802.11_exthdr.pcap'))).subarray(start, start + 225);
    const lines = treeLines(buildTree(frame(bytes, 127).fl), 'wlan.mgt');
    expect(lines.slice(0, 5)).toEqual([
      'IEEE 802.11 Wireless Management',
      '    Fixed parameters (12 bytes)',
      '        Timestamp: 0',
      '        Beacon Interval: 0.102400 [Seconds]',
      '        Capabilities Information: 0x0401',
    ]);
    // the capability bits (tshark -V's lines for this frame)
    expect(lines.slice(5, 21)).toEqual([
      '            .... .... .... ...1 = ESS capabilities: Transmitter is an AP',
      '            .... .... .... ..0. = IBSS status: Transmitter belongs to a BSS',
      '            .... .... .... .0.. = Reserved: 0',
      '            .... .... .... 0... = Reserved: 0',
      '            .... .... ...0 .... = Privacy: Data confidentiality not required',
      '            .... .... ..0. .... = Short Preamble: Not Allowed',
      '            .... .... .0.. .... = Reserved: 0',
      '            .... .... 0... .... = Reserved: 0',
      '            .... ...0 .... .... = Spectrum Management: Not Implemented',
      '            .... ..0. .... .... = QoS: Not Implemented',
      '            .... .1.. .... .... = Short Slot Time: In use',
      '            .... 0... .... .... = Automatic Power Save Delivery: Not Implemented',
      '            ...0 .... .... .... = Radio Measurement: Not Implemented',
      '            ..0. .... .... .... = EPD: Not Implemented',
      '            .0.. .... .... .... = Reserved: 0',
      '            0... .... .... .... = Reserved: 0',
    ]);
    expect(lines.slice(21, 32)).toEqual([
      '    Tagged parameters (106 bytes)',
      '        Tag: SSID parameter set: "omus"',
      '            Tag Number: SSID parameter set (0)',
      '            Tag length: 4',
      '            SSID: "omus"',
      '        Tag: Supported Rates 1(B), 2(B), 5.5(B), 11(B), 6, 9, 12, 18, [Mbit/sec]',
      '            Tag Number: Supported Rates (1)',
      '            Tag length: 8',
      '            Supported Rates: 1(B) (0x82)',
      '            Supported Rates: 2(B) (0x84)',
      '            Supported Rates: 5.5(B) (0x8b)',
    ]);
    expect(lines).toContain('        Tag: DS Parameter set: Current Channel: 1');
  });

  it("fills Source and Destination as tshark does: SA and DA, a control frame's '… (RA)' and '… (TA)', IP's when it carries IP", async () => {
    // test/fixtures/wlan/address-columns.tsv: tshark 4.0.17's _ws.col.Source / Destination
    // (scripts/make-wlan-columns.sh) for the corpus's capture and the crafted one (an RTS and a CTS)
    const { openAsBlob } = await import('node:fs');
    const { CaptureSession } = await import('../../../workers/session.ts');
    const want = readFileSync(join(REPO, 'test/fixtures/wlan/address-columns.tsv'), 'utf8').replace(/\n$/, '').split('\n').slice(1).map((l) => l.split('\t'));
    const paths: Record<string, string> = {
      'ieee802.11_exthdr.pcap': join(CAPTURES, 'ieee802.11_exthdr.pcap'),
      'radiotap-cases.pcap': join(REPO, 'test/fixtures/radiotap/radiotap-cases.pcap'),
    };
    expect(want.length).toBe(46);
    for (const [capture, path] of Object.entries(paths)) {
      const s = new CaptureSession();
      const r = await s.open([await openAsBlob(path)], [capture], []);
      const rows = await s.getRows(0, r.packets);
      const mine = want.filter((w) => w[0] === capture);
      expect(mine.length).toBe(r.packets);
      for (const [, n, src, dst] of mine) expect([rows.src[Number(n) - 1], rows.dst[Number(n) - 1]], `${capture} ${n}`).toEqual([src ?? '', dst ?? '']);
    }
  });
});
