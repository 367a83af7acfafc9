#!/usr/bin/env python3
"""Build public/sample.pcap: the small capture behind the "Open sample capture" button.

It is a tour of what Decapod decodes, in about a hundred packets of an overlay network:

  * plain traffic: ARP, DNS query + response over IPv4 and IPv6, a TCP handshake with a short
    HTTP exchange and an orderly close, a refused connection (SYN answered by RST) and a reset
    in the middle of a connection, ICMP and ICMPv6 echo, 802.1Q tagged frames;
  * VXLAN on UDP 4789 (IANA, RFC 7348), inner ARP, ICMP, TCP and an inner 802.1Q tag;
  * VXLAN on UDP 8472 (the Linux kernel's default, flannel) — Wireshark 4.4+ decodes it as VXLAN
    by itself, older releases need `-d udp.port==8472,vxlan`;
  * VXLAN on UDP 4792, a port nothing binds: it shows as plain UDP until a Decode As rule
    (udp.port == 4792 → vxlan) is added, which is what the Decode As suggestion is for;
  * Geneve on UDP 6081 (RFC 8926) with one option, and VXLAN over an IPv6 underlay.

Usage: python3 scripts/make-sample.py [OUT]   (default public/sample.pcap, from the repo root)

Only the Python standard library; no randomness and fixed timestamps, so the same script always
writes the same bytes (the file is committed; re-run this after changing it).
"""
import struct
import sys
from pathlib import Path

from craft import csum

# --- checksums and headers -------------------------------------------------------------------


def mac(text: str) -> bytes:
    return bytes(int(x, 16) for x in text.split(":"))


def ip4(text: str) -> bytes:
    return bytes(int(x) for x in text.split("."))


def ip6(text: str) -> bytes:
    import ipaddress

    return ipaddress.IPv6Address(text).packed


def eth(dst: str, src: str, etype: int, payload: bytes, vlan: int | None = None, pcp: int = 0) -> bytes:
    if vlan is None:
        return mac(dst) + mac(src) + struct.pack("!H", etype) + payload
    return mac(dst) + mac(src) + struct.pack("!HHH", 0x8100, (pcp << 13) | vlan, etype) + payload


def ipv4(src: str, dst: str, proto: int, payload: bytes, ident: int, ttl: int = 64, df: bool = True) -> bytes:
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0x4000 if df else 0, ttl, proto, 0, ip4(src), ip4(dst))
    return hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:] + payload


def ipv6(src: str, dst: str, nxt: int, payload: bytes, hlim: int = 64, flow: int = 0) -> bytes:
    return struct.pack("!IHBB16s16s", 0x60000000 | flow, len(payload), nxt, hlim, ip6(src), ip6(dst)) + payload


def pseudo4(src: str, dst: str, proto: int, length: int) -> bytes:
    return ip4(src) + ip4(dst) + struct.pack("!BBH", 0, proto, length)


def pseudo6(src: str, dst: str, nxt: int, length: int) -> bytes:
    return ip6(src) + ip6(dst) + struct.pack("!IxxxB", length, nxt)


def udp(sport: int, dport: int, payload: bytes, pseudo: bytes | None) -> bytes:
    """UDP with its checksum when a pseudo-header is given; 0 (none) otherwise, as VXLAN senders do."""
    seg = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    if pseudo is None:
        return seg
    c = csum(pseudo + seg) or 0xFFFF
    return seg[:6] + struct.pack("!H", c) + seg[8:]


def udp4(src: str, dst: str, sport: int, dport: int, payload: bytes, checksum: bool = True) -> bytes:
    return udp(sport, dport, payload, pseudo4(src, dst, 17, 8 + len(payload)) if checksum else None)


def udp6(src: str, dst: str, sport: int, dport: int, payload: bytes) -> bytes:
    return udp(sport, dport, payload, pseudo6(src, dst, 17, 8 + len(payload)))


FIN, SYN, RST, PSH, ACK = 0x01, 0x02, 0x04, 0x08, 0x10


def tcp(pseudo: bytes, sport: int, dport: int, seq: int, ack: int, flags: int, payload: bytes = b"", win: int = 64240, mss: bool = False) -> bytes:
    opts = struct.pack("!BBH", 2, 4, 1460) + b"\x01\x01\x04\x02" if mss else b""  # MSS, NOP, NOP, SACK permitted
    off = (20 + len(opts)) // 4
    seg = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, off << 4, flags, win, 0, 0) + opts + payload
    c = csum(pseudo + seg)
    return seg[:16] + struct.pack("!H", c) + seg[18:]


def tcp4(src: str, dst: str, *args, **kw) -> bytes:
    # the pseudo-header length depends on the segment, so build once to measure
    probe = tcp(b"", *args, **kw)
    return tcp(pseudo4(src, dst, 6, len(probe)), *args, **kw)


def tcp6(src: str, dst: str, *args, **kw) -> bytes:
    probe = tcp(b"", *args, **kw)
    return tcp(pseudo6(src, dst, 6, len(probe)), *args, **kw)


def icmp_echo(kind: int, ident: int, seq: int, data: bytes) -> bytes:
    msg = struct.pack("!BBHHH", kind, 0, 0, ident, seq) + data
    return msg[:2] + struct.pack("!H", csum(msg)) + msg[4:]


def icmp6_echo(src: str, dst: str, kind: int, ident: int, seq: int, data: bytes) -> bytes:
    msg = struct.pack("!BBHHH", kind, 0, 0, ident, seq) + data
    c = csum(pseudo6(src, dst, 58, len(msg)) + msg)
    return msg[:2] + struct.pack("!H", c) + msg[4:]


def arp(op: int, smac: str, sip: str, tmac: str, tip: str) -> bytes:
    return struct.pack("!HHBBH6s4s6s4s", 1, 0x0800, 6, 4, op, mac(smac), ip4(sip), mac(tmac), ip4(tip))


def dns_name(name: str) -> bytes:
    return b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0"


def dns_query(ident: int, name: str, qtype: int) -> bytes:
    return struct.pack("!HHHHHH", ident, 0x0100, 1, 0, 0, 0) + dns_name(name) + struct.pack("!HH", qtype, 1)


def dns_response(ident: int, name: str, qtype: int, answers: list[bytes], ttl: int = 300) -> bytes:
    out = struct.pack("!HHHHHH", ident, 0x8180, 1, len(answers), 0, 0) + dns_name(name) + struct.pack("!HH", qtype, 1)
    for rdata in answers:
        out += b"\xc0\x0c" + struct.pack("!HHIH", qtype, 1, ttl, len(rdata)) + rdata  # name: pointer to the question
    return out


def vxlan(vni: int, inner: bytes) -> bytes:
    # RFC 7348 §5: flags 0x08 (I: the VNI is valid), 24 reserved bits, VNI, 8 reserved bits
    return struct.pack("!BBHI", 0x08, 0, 0, vni << 8) + inner


def geneve(vni: int, inner: bytes, options: bytes = b"") -> bytes:
    # RFC 8926 §3.4: Ver(2) OptLen(6, in 4-byte words) | O C Rsvd | Protocol Type | VNI(24) Rsvd(8)
    assert len(options) % 4 == 0
    return struct.pack("!BBHI", len(options) // 4, 0, 0x6558, vni << 8) + options + inner


def geneve_option(cls: int, typ: int, data: bytes) -> bytes:
    assert len(data) % 4 == 0
    return struct.pack("!HBB", cls, typ, len(data) // 4) + data


# --- the traffic ----------------------------------------------------------------------------

GW, HOST, SERVER = "00:1b:21:3a:4f:01", "3c:fd:fe:a0:12:34", "52:54:00:12:34:56"
VTEP1, VTEP2 = "0c:c4:7a:10:00:01", "0c:c4:7a:10:00:02"
POD_A, POD_B = "02:42:0a:f4:01:05", "02:42:0a:f4:02:07"
VM_A, VM_B = "00:50:56:a1:00:0a", "00:50:56:a1:00:0b"


def plain(packets: list[bytes]) -> None:
    h, g, s = "192.168.1.20", "192.168.1.1", "192.168.1.80"
    packets.append(eth("ff:ff:ff:ff:ff:ff", HOST, 0x0806, arp(1, HOST, h, "00:00:00:00:00:00", g)))
    packets.append(eth(HOST, GW, 0x0806, arp(2, GW, g, HOST, h)))
    # DNS over IPv4: A query and its answer
    q = dns_query(0x1A2B, "decapod.example", 1)
    packets.append(eth(GW, HOST, 0x0800, ipv4(h, g, 17, udp4(h, g, 53124, 53, q), 0x3001)))
    r = dns_response(0x1A2B, "decapod.example", 1, [ip4("192.168.1.80")])
    packets.append(eth(HOST, GW, 0x0800, ipv4(g, h, 17, udp4(g, h, 53, 53124, r), 0x9001)))
    # TCP: handshake, a small HTTP exchange, orderly close
    c, cs, ss = 49822, 1000, 5000
    packets.append(eth(SERVER, HOST, 0x0800, ipv4(h, s, 6, tcp4(h, s, c, 80, cs, 0, SYN, mss=True), 0x3002)))
    packets.append(eth(HOST, SERVER, 0x0800, ipv4(s, h, 6, tcp4(s, h, 80, c, ss, cs + 1, SYN | ACK, win=65160, mss=True), 0)))
    packets.append(eth(SERVER, HOST, 0x0800, ipv4(h, s, 6, tcp4(h, s, c, 80, cs + 1, ss + 1, ACK), 0x3003)))
    get = b"GET /index.html HTTP/1.1\r\nHost: decapod.example\r\nUser-Agent: sample\r\n\r\n"
    packets.append(eth(SERVER, HOST, 0x0800, ipv4(h, s, 6, tcp4(h, s, c, 80, cs + 1, ss + 1, PSH | ACK, get), 0x3004)))
    body = b"<!doctype html><title>Decapod</title><p>Hello from the sample capture.</p>\n"
    resp = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    packets.append(eth(HOST, SERVER, 0x0800, ipv4(s, h, 6, tcp4(s, h, 80, c, ss + 1, cs + 1 + len(get), PSH | ACK, resp, win=65160), 0x5101)))
    packets.append(eth(SERVER, HOST, 0x0800, ipv4(h, s, 6, tcp4(h, s, c, 80, cs + 1 + len(get), ss + 1 + len(resp), ACK), 0x3005)))
    packets.append(eth(SERVER, HOST, 0x0800, ipv4(h, s, 6, tcp4(h, s, c, 80, cs + 1 + len(get), ss + 1 + len(resp), FIN | ACK), 0x3006)))
    packets.append(eth(HOST, SERVER, 0x0800, ipv4(s, h, 6, tcp4(s, h, 80, c, ss + 1 + len(resp), cs + 2 + len(get), FIN | ACK, win=65160), 0x5102)))
    packets.append(eth(SERVER, HOST, 0x0800, ipv4(h, s, 6, tcp4(h, s, c, 80, cs + 2 + len(get), ss + 2 + len(resp), ACK), 0x3007)))
    # a refused connection: SYN to a closed port, answered by RST/ACK
    packets.append(eth(SERVER, HOST, 0x0800, ipv4(h, s, 6, tcp4(h, s, 49830, 8443, 77000, 0, SYN, mss=True), 0x3008)))
    packets.append(eth(HOST, SERVER, 0x0800, ipv4(s, h, 6, tcp4(s, h, 8443, 49830, 0, 77001, RST | ACK, win=0), 0)))
    # a reset in the middle of an established connection
    packets.append(eth(SERVER, HOST, 0x0800, ipv4(h, s, 6, tcp4(h, s, 49840, 22, 9100, 0, SYN, mss=True), 0x3009)))
    packets.append(eth(HOST, SERVER, 0x0800, ipv4(s, h, 6, tcp4(s, h, 22, 49840, 31000, 9101, SYN | ACK, win=65160, mss=True), 0)))
    packets.append(eth(SERVER, HOST, 0x0800, ipv4(h, s, 6, tcp4(h, s, 49840, 22, 9101, 31001, ACK), 0x300A)))
    banner = b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"
    packets.append(eth(HOST, SERVER, 0x0800, ipv4(s, h, 6, tcp4(s, h, 22, 49840, 31001, 9101, PSH | ACK, banner, win=65160), 0x5103)))
    packets.append(eth(SERVER, HOST, 0x0800, ipv4(h, s, 6, tcp4(h, s, 49840, 22, 9101, 31001 + len(banner), RST, win=0), 0x300B)))
    # ICMP echo to the gateway
    for seq in (1, 2):
        data = bytes(range(0x10, 0x38))
        packets.append(eth(GW, HOST, 0x0800, ipv4(h, "192.168.1.1", 1, icmp_echo(8, 0x0B0E, seq, data), 0x3100 + seq)))
        packets.append(eth(HOST, GW, 0x0800, ipv4("192.168.1.1", h, 1, icmp_echo(0, 0x0B0E, seq, data), 0x9100 + seq)))


def plain_v6(packets: list[bytes]) -> None:
    h, r, s = "2001:db8:1::20", "2001:db8:1::1", "2001:db8:2::443"
    q = dns_query(0x2C3D, "decapod.example", 28)
    packets.append(eth(GW, HOST, 0x86DD, ipv6(h, r, 17, udp6(h, r, 40511, 53, q))))
    a = dns_response(0x2C3D, "decapod.example", 28, [ip6("2001:db8:2::443"), ip6("2001:db8:2::444")])
    packets.append(eth(HOST, GW, 0x86DD, ipv6(r, h, 17, udp6(r, h, 53, 40511, a))))
    c = 51000
    packets.append(eth(GW, HOST, 0x86DD, ipv6(h, s, 6, tcp6(h, s, c, 443, 7000, 0, SYN, mss=True), flow=0x5A5A5)))
    packets.append(eth(HOST, GW, 0x86DD, ipv6(s, h, 6, tcp6(s, h, 443, c, 12000, 7001, SYN | ACK, win=65160, mss=True), hlim=57)))
    packets.append(eth(GW, HOST, 0x86DD, ipv6(h, s, 6, tcp6(h, s, c, 443, 7001, 12001, ACK), flow=0x5A5A5)))
    packets.append(eth(GW, HOST, 0x86DD, ipv6(h, r, 58, icmp6_echo(h, r, 128, 0x77, 1, b"decapod!" * 4))))
    packets.append(eth(HOST, GW, 0x86DD, ipv6(r, h, 58, icmp6_echo(r, h, 129, 0x77, 1, b"decapod!" * 4))))


def tagged(packets: list[bytes]) -> None:
    # 802.1Q: VLAN 100 (priority 5) and VLAN 200
    a, b = "10.100.0.11", "10.100.0.12"
    data = b"tagged frame".ljust(32, b".")
    packets.append(eth(VM_B, VM_A, 0x0800, ipv4(a, b, 1, icmp_echo(8, 0x100, 1, data), 0x4001), vlan=100, pcp=5))
    packets.append(eth(VM_A, VM_B, 0x0800, ipv4(b, a, 1, icmp_echo(0, 0x100, 1, data), 0x4002), vlan=100, pcp=5))
    msg = b"<134>Jan 15 10:00:07 vm-a decapod: syslog over a tagged link"
    packets.append(eth(VM_B, VM_A, 0x0800, ipv4("10.200.0.5", "10.200.0.9", 17, udp4("10.200.0.5", "10.200.0.9", 41000, 514, msg), 0x4003), vlan=200))


def vxlan_4789(packets: list[bytes]) -> None:
    o1, o2 = "172.16.0.1", "172.16.0.2"
    ident = [0x6000]

    def wrap(src_vtep: str, inner: bytes, vni: int = 100, sport: int = 52100, back: bool = False) -> bytes:
        ident[0] += 1
        so, do = (o2, o1) if back else (o1, o2)
        sm, dm = (VTEP2, VTEP1) if back else (VTEP1, VTEP2)
        return eth(dm, sm, 0x0800, ipv4(so, do, 17, udp4(so, do, sport, 4789, vxlan(vni, inner), checksum=False), ident[0]))

    a, b = "10.0.0.1", "10.0.0.2"
    packets.append(wrap(o1, eth("ff:ff:ff:ff:ff:ff", VM_A, 0x0806, arp(1, VM_A, a, "00:00:00:00:00:00", b)), sport=49233))
    packets.append(wrap(o2, eth(VM_A, VM_B, 0x0806, arp(2, VM_B, b, VM_A, a)), sport=61782, back=True))
    data = bytes(range(0x20, 0x50))
    packets.append(wrap(o1, eth(VM_B, VM_A, 0x0800, ipv4(a, b, 1, icmp_echo(8, 0x31, 1, data), 0x0101))))
    packets.append(wrap(o2, eth(VM_A, VM_B, 0x0800, ipv4(b, a, 1, icmp_echo(0, 0x31, 1, data), 0x0201)), sport=52133, back=True))
    # an inner TCP handshake and a reset, VNI 100
    packets.append(wrap(o1, eth(VM_B, VM_A, 0x0800, ipv4(a, b, 6, tcp4(a, b, 40100, 3306, 500, 0, SYN, mss=True), 0x0102)), sport=52190))
    packets.append(wrap(o2, eth(VM_A, VM_B, 0x0800, ipv4(b, a, 6, tcp4(b, a, 3306, 40100, 900, 501, SYN | ACK, mss=True), 0x0202)), sport=52191, back=True))
    packets.append(wrap(o1, eth(VM_B, VM_A, 0x0800, ipv4(a, b, 6, tcp4(a, b, 40100, 3306, 501, 901, ACK), 0x0103)), sport=52190))
    packets.append(wrap(o1, eth(VM_B, VM_A, 0x0800, ipv4(a, b, 6, tcp4(a, b, 40100, 3306, 501, 901, RST | ACK, win=0), 0x0104)), sport=52190))
    # VNI 200 carrying an 802.1Q-tagged inner frame with a DNS query
    q = dns_query(0x4E4F, "db.tenant-b.internal", 1)
    inner = eth("00:50:56:b2:00:01", "00:50:56:b2:00:02", 0x0800, ipv4("10.2.0.7", "10.2.0.1", 17, udp4("10.2.0.7", "10.2.0.1", 33000, 53, q), 0x0301), vlan=30)
    packets.append(wrap(o1, inner, vni=200, sport=58000))
    r = dns_response(0x4E4F, "db.tenant-b.internal", 1, [ip4("10.2.0.40")], ttl=30)
    inner = eth("00:50:56:b2:00:02", "00:50:56:b2:00:01", 0x0800, ipv4("10.2.0.1", "10.2.0.7", 17, udp4("10.2.0.1", "10.2.0.7", 53, 33000, r), 0x0302), vlan=30)
    packets.append(wrap(o2, inner, vni=200, sport=58001, back=True))


def vxlan_8472(packets: list[bytes]) -> None:
    # flannel's VXLAN backend: the Linux default port 8472, VNI 1, pod network 10.244.0.0/16
    n1, n2 = "192.168.50.11", "192.168.50.12"
    a, b = "10.244.1.5", "10.244.2.7"
    ident = [0x7000]

    def wrap(inner: bytes, back: bool = False, sport: int = 37000) -> bytes:
        ident[0] += 1
        so, do = (n2, n1) if back else (n1, n2)
        sm, dm = (VTEP2, VTEP1) if back else (VTEP1, VTEP2)
        return eth(dm, sm, 0x0800, ipv4(so, do, 17, udp4(so, do, sport, 8472, vxlan(1, inner), checksum=False), ident[0]))

    c = 45678
    packets.append(wrap(eth(POD_B, POD_A, 0x0800, ipv4(a, b, 6, tcp4(a, b, c, 8080, 100, 0, SYN, mss=True), 0x0A01))))
    packets.append(wrap(eth(POD_A, POD_B, 0x0800, ipv4(b, a, 6, tcp4(b, a, 8080, c, 200, 101, SYN | ACK, mss=True), 0x0B01)), back=True, sport=41222))
    packets.append(wrap(eth(POD_B, POD_A, 0x0800, ipv4(a, b, 6, tcp4(a, b, c, 8080, 101, 201, ACK), 0x0A02))))
    req = b"GET /healthz HTTP/1.1\r\nHost: 10.244.2.7:8080\r\n\r\n"
    packets.append(wrap(eth(POD_B, POD_A, 0x0800, ipv4(a, b, 6, tcp4(a, b, c, 8080, 101, 201, PSH | ACK, req), 0x0A03))))
    ok = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
    packets.append(wrap(eth(POD_A, POD_B, 0x0800, ipv4(b, a, 6, tcp4(b, a, 8080, c, 201, 101 + len(req), PSH | ACK, ok), 0x0B02)), back=True, sport=41222))
    packets.append(wrap(eth(POD_B, POD_A, 0x0800, ipv4(a, b, 6, tcp4(a, b, c, 8080, 101 + len(req), 201 + len(ok), ACK), 0x0A04))))


def vxlan_4792(packets: list[bytes]) -> None:
    # VXLAN on UDP 4792: no default binding, so it reads as plain UDP until "Decode As" VXLAN
    o1, o2 = "172.17.0.10", "172.17.0.20"
    a, b = "192.168.77.2", "192.168.77.3"
    ident = [0x7700]

    def wrap(inner: bytes, back: bool = False, sport: int = 60001) -> bytes:
        ident[0] += 1
        so, do = (o2, o1) if back else (o1, o2)
        return eth(VTEP2 if not back else VTEP1, VTEP1 if not back else VTEP2, 0x0800, ipv4(so, do, 17, udp4(so, do, sport, 4792, vxlan(7000, inner), checksum=False), ident[0]))

    packets.append(wrap(eth("ff:ff:ff:ff:ff:ff", "02:00:00:77:00:02", 0x0806, arp(1, "02:00:00:77:00:02", a, "00:00:00:00:00:00", b))))
    packets.append(wrap(eth("02:00:00:77:00:02", "02:00:00:77:00:03", 0x0806, arp(2, "02:00:00:77:00:03", b, "02:00:00:77:00:02", a)), back=True, sport=60002))
    data = b"over port 4792".ljust(40, b"-")
    packets.append(wrap(eth("02:00:00:77:00:03", "02:00:00:77:00:02", 0x0800, ipv4(a, b, 1, icmp_echo(8, 0x4792, 1, data), 0x0C01))))
    packets.append(wrap(eth("02:00:00:77:00:02", "02:00:00:77:00:03", 0x0800, ipv4(b, a, 1, icmp_echo(0, 0x4792, 1, data), 0x0D01)), back=True, sport=60002))


def geneve_6081(packets: list[bytes]) -> None:
    # Geneve (NSX-T, OVN): VNI 5001, one option of class 0x0102 (OVN) carrying metadata
    o1, o2 = "172.18.0.1", "172.18.0.2"
    a, b = "10.10.1.4", "10.10.1.9"
    opt = geneve_option(0x0102, 0x80, struct.pack("!I", 0x00010003))
    ident = [0x8000]

    def wrap(inner: bytes, back: bool = False, sport: int = 50505) -> bytes:
        ident[0] += 1
        so, do = (o2, o1) if back else (o1, o2)
        sm, dm = (VTEP2, VTEP1) if back else (VTEP1, VTEP2)
        return eth(dm, sm, 0x0800, ipv4(so, do, 17, udp4(so, do, sport, 6081, geneve(5001, inner, opt), checksum=False), ident[0]))

    q = dns_query(0x5EED, "api.nsx.example", 1)
    packets.append(wrap(eth("00:50:56:c1:00:09", "00:50:56:c1:00:04", 0x0800, ipv4(a, b, 17, udp4(a, b, 39000, 53, q), 0x0E01))))
    r = dns_response(0x5EED, "api.nsx.example", 1, [ip4("10.10.9.9")], ttl=60)
    packets.append(wrap(eth("00:50:56:c1:00:04", "00:50:56:c1:00:09", 0x0800, ipv4(b, a, 17, udp4(b, a, 53, 39000, r), 0x0F01)), back=True, sport=50506))
    packets.append(wrap(eth("00:50:56:c1:00:09", "00:50:56:c1:00:04", 0x0800, ipv4(a, "10.10.9.9", 6, tcp4(a, "10.10.9.9", 39100, 443, 1, 0, SYN, mss=True), 0x0E02))))
    packets.append(wrap(eth("00:50:56:c1:00:04", "00:50:56:c1:00:09", 0x0800, ipv4("10.10.9.9", a, 6, tcp4("10.10.9.9", a, 443, 39100, 5, 2, SYN | ACK, mss=True), 0x0F02)), back=True, sport=50506))


def vxlan_over_v6(packets: list[bytes]) -> None:
    # VXLAN with an IPv6 underlay (RFC 7348 §5 allows either); the outer UDP checksum is mandatory on IPv6
    o1, o2 = "fd00:10::1", "fd00:10::2"
    a, b = "10.3.0.1", "10.3.0.2"
    data = b"ipv6 underlay".ljust(24, b"_")
    for kind, (s, d), (sm, dm) in ((8, (a, b), (VM_A, VM_B)), (0, (b, a), (VM_B, VM_A))):
        inner = eth(dm, sm, 0x0800, ipv4(s, d, 1, icmp_echo(kind, 0x66, 1, data), 0x1000 + kind))
        so, do = (o1, o2) if kind == 8 else (o2, o1)
        payload = udp6(so, do, 55000 + kind, 4789, vxlan(300, inner))
        packets.append(eth(VTEP2 if kind == 8 else VTEP1, VTEP1 if kind == 8 else VTEP2, 0x86DD, ipv6(so, do, 17, payload)))


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "public" / "sample.pcap")
    packets: list[bytes] = []
    plain(packets)
    plain_v6(packets)
    tagged(packets)
    vxlan_4789(packets)
    vxlan_8472(packets)
    vxlan_4792(packets)
    geneve_6081(packets)
    vxlan_over_v6(packets)
    base = 1705312800  # 2024-01-15 10:00:00 UTC
    with open(out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))  # pcap, µs, Ethernet
        usec = 0
        for i, data in enumerate(packets):
            usec += 1_000 + (i * 7_919) % 50_000  # irregular but fixed gaps
            f.write(struct.pack("<IIII", base + usec // 1_000_000, usec % 1_000_000, len(data), len(data)) + data)
    print(f"{out}: {len(packets)} packets")


if __name__ == "__main__":
    main()
