// Which of a packet's ports picks its dissector: Wireshark's order (TCP: the server port, then the
// lower, then the higher; UDP: the lower, then the higher), stopping at the first port that has a
// dissector in Wireshark that takes any payload, even one this build does not have
// (workers/dissectors/wireshark-ports.ts): its payload is then data, as this build shows a port
// it has no dissector for.

import { describe, expect, it } from 'vitest';
import { dissect, hex } from './helpers.ts';

// Ethernet + IPv4 from 10.0.0.1 to 10.0.0.2, then a DNS query for www.example.com (id 0x1111):
const QUERY = '11110100000100000000000003777777076578616d706c6503636f6d0000010001';
const IP_TCP = '00000000000000000000000008004500004b00000000400600000a0000010a000002';
const IP_UDP = '00000000000000000000000008004500003d00000000401100000a0000010a000002';
/** TCP from `sport` to `dport`, PSH/ACK, seq and ack 1, the query with its length prefix. */
const tcp = (sport: string, dport: string): Uint8Array => hex(`${IP_TCP}${sport}${dport}0000000100000001501803e800000000 0021${QUERY}`);
/** UDP from `sport` to `dport` carrying the query. */
const udp = (sport: string, dport: string): Uint8Array => hex(`${IP_UDP}${sport}${dport}00290000${QUERY}`);

/**
 * These frames written to a pcap, tshark 4.0.17 (-T fields -e frame.protocols -e dns.qry.name):
 *   TCP 5353 → 443   eth:ethertype:ip:tcp:tls
 *   TCP 5353 → 4000  eth:ethertype:ip:tcp:dns    www.example.com
 *   TCP 5353 → 21    eth:ethertype:ip:tcp:ftp
 *   TCP 5353 → 389   eth:ethertype:ip:tcp
 *   UDP 123 → 5353   eth:ethertype:ip:udp:ntp
 *   UDP 5353 → 6000  eth:ethertype:ip:udp:mdns   www.example.com
 *   UDP 161 → 5353   eth:ethertype:ip:udp:mdns   www.example.com (SNMP declines it)
 */
describe('the port that picks the dissector', () => {
  it('is the lower TCP port when Wireshark has a dissector there (TLS on 443: a DNS message is not a record)', () => {
    const tls = dissect(tcp('14e9', '01bb'));
    expect(tls.protocols).toBe('frame:eth:ip:tcp:tls');
    expect(tls.values('dns.qry.name')).toEqual([]);
    // the same with a port whose Wireshark dissector this build lacks (FTP on 21)
    const ftp = dissect(tcp('14e9', '0015'));
    expect(ftp.protocols).toBe('frame:eth:ip:tcp:data');
    expect(ftp.values('dns.qry.name')).toEqual([]);
    // and with LDAP on 389, which finds neither a BER message nor a SASL buffer and shows nothing
    // (tshark 4.0.17: eth:ethertype:ip:tcp)
    const ldap = dissect(tcp('14e9', '0185'));
    expect(ldap.protocols).toBe('frame:eth:ip:tcp');
    expect(ldap.values('dns.qry.name')).toEqual([]);
    // and with MySQL on 3306, which reads the length prefix and "0x11" as a PDU of 1,122,564 bytes
    // and asks TCP to reassemble it (tshark 4.0.17: eth:ethertype:ip:tcp, "[TCP segment of a
    // reassembled PDU]")
    const mysql = dissect(tcp('14e9', '0cea'));
    expect(mysql.protocols).toBe('frame:eth:ip:tcp');
    expect(mysql.values('dns.qry.name')).toEqual([]);
    const dns = dissect(tcp('14e9', '0fa0'));
    expect(dns.protocols).toBe('frame:eth:ip:tcp:dns');
    expect(dns.values('dns.qry.name')).toEqual(['www.example.com']);
  });

  it('is the lower UDP port in the same way (NTP on 123 before mDNS on 5353)', () => {
    expect(dissect(udp('007b', '14e9')).protocols).toBe('frame:eth:ip:udp:ntp');
    // but not a port whose Wireshark dissector may decline the payload (scripts/make-wireshark-ports.py)
    expect(dissect(udp('00a1', '14e9')).values('dns.qry.name')).toEqual(['www.example.com']);
    const mdns = dissect(udp('14e9', '1770'));
    expect(mdns.protocols).toBe('frame:eth:ip:udp:mdns');
    expect(mdns.values('dns.qry.name')).toEqual(['www.example.com']);
  });

  it('moves on when a Decode As rule turns the lower port off, or sets it to a protocol', () => {
    const off = dissect(tcp('14e9', '01bb'), { rules: [{ table: 'tcp.port', value: 443, proto: 'none' }] });
    expect(off.values('dns.qry.name')).toEqual(['www.example.com']);
    expect(dissect(udp('007b', '14e9'), { rules: [{ table: 'udp.port', value: 123, proto: 'syslog' }] }).protocols).toBe('frame:eth:ip:udp:syslog');
    // a rule on the higher port does not move the lower one's dissector (mDNS on 5353)
    expect(dissect(udp('14e9', '1770'), { rules: [{ table: 'udp.port', value: 6000, proto: 'syslog' }] }).protocols).toBe('frame:eth:ip:udp:mdns');
  });
});
