// IEEE 802.11 MAC headers (workers/dissectors/ieee80211.ts): frames of ieee802.11_exthdr.pcap and
// data frames of each To DS / From DS kind checked against tshark 4.0 (LINKTYPE_IEEE802_11).

import { describe, expect, it } from 'vitest';
import { checkCuts, frame, hex } from './helpers.ts';

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
});
