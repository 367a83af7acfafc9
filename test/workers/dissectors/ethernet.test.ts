// Ethernet II / IEEE 802.3 (workers/dissectors/ethernet.ts) and the padding / trailer / FCS rules
// (ethertype.ts), on frames copied from corpus captures; expected values are what tshark 4.0 prints.

import { describe, expect, it } from 'vitest';
import { Status, checkCuts, frame, hex } from './helpers.ts';

// arp-who-has.pcap frame 1: a 42-byte ARP request, no padding (captured on the sender).
const ARP_REQUEST = 'ffffffffffff7831c1c63fc2080600010800060400017831c1c63fc20a0000020000000000000a000001';
// arp-who-has.pcap frame 2: a 60-byte ARP reply whose 18 leftover bytes end in 1f0b60ce.
const ARP_REPLY = '7831c1c63fc2f8eda5c0a4f108060001080006040002f8eda5c0a4f10a0000017831c1c63fc20a000002' + '00000000000000000000000000001f0b60ce';
// various_gre.pcap frame 3: 802.3 length 38, LLC 42/42 UI, STP BPDU, 8 zero bytes of padding.
const STP_8023 = '0180c2000000aabbcc000310002642420300000000008001aabbcc000300000000008001aabbcc00030080020000140002000f000000000000000000';
const ZEROS18 = '00'.repeat(18);

describe('Ethernet II', () => {
  it('decodes arp-who-has.pcap frame 1 as tshark 4.0 does', () => {
    const f = frame(hex(ARP_REQUEST));
    expect(f.protocols).toBe('frame:eth:arp');
    expect(f.v('eth.dst')).toBe('ff:ff:ff:ff:ff:ff');
    expect(f.v('eth.src')).toBe('78:31:c1:c6:3f:c2');
    expect(f.v('eth.addr')).toBe('ff:ff:ff:ff:ff:ff,78:31:c1:c6:3f:c2');
    expect(f.v('eth.dst_resolved')).toBe('ff:ff:ff:ff:ff:ff');
    expect(f.v('eth.dst.oui')).toBe('16777215');
    expect(f.v('eth.addr.oui')).toBe('16777215,7877057');
    expect(f.v('eth.dst.lg')).toBe('1');
    expect(f.v('eth.dst.ig')).toBe('1');
    expect(f.v('eth.src.lg')).toBe('0');
    expect(f.v('eth.lg')).toBe('1,0');
    expect(f.v('eth.ig')).toBe('1,0');
    expect(f.v('eth.type')).toBe('0x0806');
    expect(f.v('eth.padding') + f.v('eth.trailer') + f.v('eth.fcs')).toBe('');
    // eth.addr is shown in the tree; its _resolved / OUI twins and eth.lg / eth.ig are hidden.
    expect(f.hidden('eth.addr')).toBe(false);
    expect(f.hidden('eth.dst_resolved')).toBe(true);
    expect(f.hidden('eth.lg')).toBe(true);
    expect(f.parentOf('eth.addr')).toBe('eth.dst');
    expect(f.labels('eth.dst.lg')).toEqual(['.... ..1. .... .... .... .... = LG bit: Locally administered address (this is NOT the factory default)']);
    expect(f.labels('eth.type')).toEqual(['Type: ARP (0x0806)']);
    expect(f.status).toBe(0);
  });

  it('shows leftover bytes that are not all zeros as a trailer (arp-who-has.pcap frame 2)', () => {
    const f = frame(hex(ARP_REPLY));
    expect(f.v('eth.padding')).toBe('');
    expect(f.v('eth.trailer')).toBe('00000000000000000000000000001f0b60ce');
    expect(f.v('eth.fcs')).toBe('');
    expect(f.parentOf('eth.trailer')).toBe('eth');
  });

  it('splits zero padding to 60 bytes from an FCS once the frame reaches 64 bytes', () => {
    const f = frame(hex(ARP_REQUEST + ZEROS18 + 'deadbeef'));
    expect(f.v('eth.padding')).toBe(ZEROS18);
    expect(f.v('eth.trailer')).toBe('');
    expect(f.v('eth.fcs')).toBe('0xdeadbeef');
    expect(f.v('eth.fcs.status')).toBe('2');
    // the status's name alone, as tshark -V shows it (icmp-destunreach-udp.pcap: "[FCS Status: Unverified]")
    expect(f.labels('eth.fcs.status')).toEqual(['[FCS Status: Unverified]']);
  });

  it('keeps bytes between the padding and the FCS as a trailer (72-byte frame)', () => {
    const f = frame(hex(ARP_REQUEST + ZEROS18 + 'abababababababab' + '11223344'));
    expect(f.v('eth.padding')).toBe(ZEROS18);
    expect(f.v('eth.trailer')).toBe('abababababababab');
    expect(f.v('eth.fcs')).toBe('0x11223344');
  });

  it('guesses no FCS in a frame shorter than 64 bytes', () => {
    const f = frame(hex(ARP_REQUEST + '00'.repeat(10) + '11223344'));
    expect(f.v('eth.padding')).toBe('');
    expect(f.v('eth.trailer')).toBe('0000000000000000000011223344');
    expect(f.v('eth.fcs')).toBe('');
  });

  it('adds no trailer when the payload was cut by the snapshot length', () => {
    const full = hex(ARP_REPLY);
    const f = frame(full.subarray(0, 30), 1, full.length);
    expect(f.v('arp.opcode')).toBe('2');
    expect(f.v('eth.trailer') + f.v('eth.padding')).toBe('');
    expect(f.status & Status.TRUNCATED).not.toBe(0);
  });

  it('marks a type between 1500 and 1536 as an invalid length/type and shows the rest as data', () => {
    const b = hex(ARP_REQUEST);
    b.set([0x05, 0xff], 12);
    const f = frame(b);
    expect(f.v('eth.invalid_lentype')).toBe('0x05ff');
    expect(f.v('eth.type') + f.v('eth.len')).toBe('');
    expect(f.protocols).toBe('frame:eth:data');
    expect(f.v('data.len')).toBe('28');
  });

  it('shows no Ethernet item for a frame shorter than the 14-byte header, at every length', () => {
    checkCuts(hex(ARP_REQUEST), 1, 0, 14, ['eth.dst', 'eth.src', 'eth.type']);
    for (let n = 0; n < 14; n++) expect(frame(hex(ARP_REQUEST).subarray(0, n), 1, 42).protocols).toBe('frame');
  });

  it('keeps the Ethernet header when the ARP payload is cut anywhere', () => {
    checkCuts(hex(ARP_REPLY), 1, 14, 42, ['eth.dst', 'eth.src', 'eth.type', 'arp.hw.type', 'arp.opcode', 'arp.src.hw_mac']);
  });
});

describe('IEEE 802.3 with LLC', () => {
  it('decodes various_gre.pcap frame 3 (length 38, STP over LLC, 8 bytes of padding)', () => {
    const f = frame(hex(STP_8023));
    expect(f.protocols).toBe('frame:eth:llc:stp');
    expect(f.v('eth.len')).toBe('38');
    expect(f.v('eth.type')).toBe('');
    expect(f.v('llc.dsap')).toBe('0x42');
    expect(f.v('llc.dsap.sap')).toBe('33');
    expect(f.v('llc.dsap.ig')).toBe('0');
    expect(f.v('llc.ssap.cr')).toBe('0');
    expect(f.v('llc.control')).toBe('0x0003');
    expect(f.v('llc.control.u_modifier_cmd')).toBe('0x00');
    expect(f.v('llc.control.ftype')).toBe('0x03');
    expect(f.v('eth.padding')).toBe('0000000000000000');
    expect(f.parentOf('eth.padding')).toBe('eth');
    expect(f.labels('llc.dsap')).toEqual(['DSAP: Spanning Tree BPDU (0x42)']);
  });

  it('clips a length that runs past the frame and flags it', () => {
    const b = hex(STP_8023);
    b.set([0x00, 0xff], 12);
    const f = frame(b);
    expect(f.v('eth.len')).toBe('255');
    expect(f.v('eth.padding')).toBe('');
    expect(f.status & Status.MALFORMED).not.toBe(0);
  });

  it('reads SNAP with OUI 00-00-00 as an EtherType (RFC 1042)', () => {
    const ip = '4500001400010000401100000102030405060708';
    const f = frame(hex('ffffffffffff001122334455' + '0020' + 'aaaa03000000' + '0800' + ip + '0000'));
    expect(f.v('llc.oui')).toBe('0');
    expect(f.v('llc.type')).toBe('0x0800');
    expect(f.v('ip.src')).toBe('1.2.3.4');
    expect(f.protocols.startsWith('frame:eth:llc:ip')).toBe(true);
  });

  it('never throws and keeps what it read, at every cut of the 802.3 header and LLC', () => {
    checkCuts(hex(STP_8023), 1, 0, 17, ['eth.dst', 'eth.src', 'eth.len', 'llc.dsap', 'llc.ssap', 'llc.control']);
  });
});
