// NTP (workers/dissectors/ntp.ts) against ntp.pcap and ntp-control.pcap (mode 6), with the values
// tshark 4.0 prints.

import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/dissectors/context.ts';
import { Time } from '../../../workers/fields/time.ts';
import { capture, dissect, filterValues, hex, truncations } from './helpers.ts';

// ntp.pcap frames 1 (client, with a key ID and SHA-1 MAC) and 2 (server, crypto-NAK key ID only).
const CLIENT =
  '001213141516001213141517080045000064e2b5400040110e7fc0a86402c0a86401e2c6007b005049b623000020000000000000000000000000000000000000000000000000000000000000000000000000a4b39cd101fb24bf0000000857ea530f6d74350cc5286bfec1ab8ca747c73584';
const SERVER =
  '001213141516001213141517080045b800506092400040118ffec0a86401c0a86402007be2c6003c7449e40003e9000000000000005a535445500000000000000000a4b39cd101fb24bfdcf25a3984199119dcf25a39841d6dc500000000';
// ntp-control.pcap frames 3 (read status request) and 4 (its response: five association statuses).
const CTRL_REQUEST =
  '00000000000000000000000086dd60062d8a0014114000000000000000000000000000000001000000000000000000000000000000019683007b00140027160100450000000000000000';
const CTRL_RESPONSE =
  '00000000000000000000000086dd6b8834cf002811400000000000000000000000000000000100000000000000000000000000000001007b96830028003b168100450618000000000014bebd961abebc8011bebb8011beba8011beb98011';
const UDP_END = 42;

describe('NTP', () => {
  const fields = ['ntp.flags', 'ntp.flags.li', 'ntp.flags.vn', 'ntp.flags.mode', 'ntp.stratum', 'ntp.ppoll', 'ntp.precision',
    'ntp.rootdelay', 'ntp.rootdispersion', 'ntp.refid', 'ntp.reftime', 'ntp.org', 'ntp.rec', 'ntp.xmt', 'ntp.keyid', 'ntp.mac'];

  it('decodes the client and server packets of ntp.pcap', () => {
    const { out } = capture([CLIENT, SERVER], fields);
    const [c, s] = out as [(typeof out)[0], (typeof out)[0]];
    expect(c['ntp.flags']).toEqual(['0x23']);
    expect(c['ntp.flags.vn']).toEqual(['4']);
    expect(c['ntp.flags.mode']).toEqual(['3']);
    expect(c['ntp.precision']).toEqual(['32']);
    expect(c['ntp.refid']).toEqual(['00000000']);
    expect(c['ntp.reftime']).toEqual(['NULL']);
    expect(c['ntp.xmt']).toEqual(['Jul 25, 1987 21:08:33.007738396 UTC']);
    expect(c['ntp.keyid']).toEqual(['00000008']);
    expect(c['ntp.mac']).toEqual(['57ea530f6d74350cc5286bfec1ab8ca747c73584']);
    expect(s['ntp.flags.li']).toEqual(['3']);
    expect(s['ntp.ppoll']).toEqual(['3']);
    expect(s['ntp.precision']).toEqual(['233']);
    expect(s['ntp.rootdispersion']).toEqual(['90']);
    expect(s['ntp.refid']).toEqual(['53544550']);
    expect(s['ntp.rec']).toEqual(['Jun 19, 2017 14:12:09.516015118 UTC']);
    expect(s['ntp.keyid']).toEqual(['00000000']);
    expect(s['ntp.mac']).toEqual([]);
  });

  it('gives the timestamps their value: "NULL" is the epoch, the rest seconds and nanoseconds', () => {
    const c = dissect(hex(CLIENT)).fl;
    expect(filterValues(c, 'ntp.reftime')).toEqual([new Time(0, 0)]);
    expect(filterValues(c, 'ntp.org')).toEqual([new Time(0, 0)]);
    expect(filterValues(c, 'ntp.xmt')).toEqual([new Time(554245713, 7738396)]);
    const s = dissect(hex(SERVER)).fl;
    expect(filterValues(s, 'ntp.org')).toEqual([new Time(554245713, 7738396)]);
    expect(filterValues(s, 'ntp.rec')).toEqual([new Time(1497881529, 516015118)]);
    expect(filterValues(s, 'ntp.xmt')).toEqual([new Time(1497881529, 516074047)]);
  });

  it('decodes mode 6 control messages of ntp-control.pcap', () => {
    const { out } = capture([CTRL_REQUEST, CTRL_RESPONSE], ['ntp.flags.mode', 'ntp.ctrl.flags2', 'ntp.ctrl.flags2.r',
      'ntp.ctrl.flags2.opcode', 'ntp.ctrl.sequence', 'ntp.ctrl.status', 'ntp.ctrl.associd', 'ntp.ctrl.count',
      'ntp.ctrl.sys_status.clksrc', 'ntp.ctrl.peer_status.selection', 'ntp.ctrl.data', 'ntp.ctrl.item']);
    const [q, r] = out as [(typeof out)[0], (typeof out)[0]];
    expect(q['ntp.flags.mode']).toEqual(['6']);
    expect(q['ntp.ctrl.flags2']).toEqual(['0x01']);
    expect(q['ntp.ctrl.sequence']).toEqual(['69']);
    expect(q['ntp.ctrl.status']).toEqual(['0x0000']);
    expect(q['ntp.ctrl.sys_status.clksrc']).toEqual([]);
    expect(r['ntp.ctrl.flags2.r']).toEqual(['1']);
    expect(r['ntp.ctrl.status']).toEqual(['0x0618', '0x961a', '0x8011', '0x8011', '0x8011', '0x8011']);
    expect(r['ntp.ctrl.associd']).toEqual(['0', '48829', '48828', '48827', '48826', '48825']);
    expect(r['ntp.ctrl.count']).toEqual(['20']);
    expect(r['ntp.ctrl.sys_status.clksrc']).toEqual(['6']);
    expect(r['ntp.ctrl.peer_status.selection']).toEqual(['6', '0', '0', '0', '0']);
    expect(r['ntp.ctrl.data']).toEqual(['1']);
    expect(r['ntp.ctrl.item']).toEqual(['1', '1', '1', '1', '1']);
  });

  it('keeps the fields before every cut of the 48-byte header, never throwing', () => {
    truncations(CLIENT, UDP_END, 48, ['ntp.flags', 'ntp.stratum', 'ntp.refid', 'ntp.xmt', 'ntp.keyid']).forEach((f, k) => {
      expect(f['ntp.flags']).toEqual(k >= 1 ? ['0x23'] : []);
      expect(f['ntp.refid']).toEqual(k >= 16 ? ['00000000'] : []);
      expect(f['ntp.xmt']).toEqual([]);
      expect(f.status & Status.TRUNCATED).toBeTruthy();
    });
  });
});
