#!/usr/bin/env python3
"""Writes test/fixtures/bgp/bgp-cases.pcap: a BGP session between two data-centre routers that
exercises what packet-bgp.c writes in its tree: OPEN messages with the capabilities routers send
(multiprotocol for IPv4, IPv6 and L2VPN EVPN, route refresh, 4-octet AS, ADD-PATH, graceful
restart, FQDN, extended message, an unknown one, two in one parameter) and a non-capability
parameter; UPDATE messages with withdrawn routes, the common path attributes (AS_PATH with a set,
aggregator, communities, cluster list, extended communities of ten kinds, large communities, one
unknown attribute), IPv4 and IPv6 routes
in MP_REACH_NLRI / MP_UNREACH_NLRI and EVPN routes (MAC/IP advertisement, inclusive multicast,
IP prefix) with the PMSI tunnel attribute; KEEPALIVE, ROUTE-REFRESH and NOTIFICATION messages
(cease with a shutdown communication, bad peer AS, hold timer expired); several messages in one
segment, one message split over two segments, and a message whose length is below the header's.
tshark's reading of it is test/fixtures/bgp/bgp-lines.json (scripts/make-layer-lines.py bgp).
Standard library only; the same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/bgp/bgp-cases.pcap"
A, B = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])


def msg(kind: int, body: bytes) -> bytes:
    return b"\xff" * 16 + struct.pack("!HB", 19 + len(body), kind) + body


def cap(code: int, value: bytes) -> bytes:
    return struct.pack("!BB", code, len(value)) + value


def param(ptype: int, value: bytes) -> bytes:
    return struct.pack("!BB", ptype, len(value)) + value


def open_msg(asn: int, hold: int, ident: bytes, params: bytes) -> bytes:
    return msg(1, struct.pack("!BHH4sB", 4, asn, hold, ident, len(params)) + params)


def prefix4(plen: int, addr: str) -> bytes:
    b = bytes(int(x) for x in addr.split("."))
    return bytes([plen]) + b[: (plen + 7) // 8]


def prefix6(plen: int, addr: bytes) -> bytes:
    return bytes([plen]) + addr[: (plen + 7) // 8]


def attr(flags: int, code: int, value: bytes) -> bytes:
    if flags & 0x10:
        return struct.pack("!BBH", flags, code, len(value)) + value
    return struct.pack("!BBB", flags, code, len(value)) + value


def update(withdrawn: bytes, attrs: bytes, nlri: bytes) -> bytes:
    return msg(2, struct.pack("!H", len(withdrawn)) + withdrawn + struct.pack("!H", len(attrs)) + attrs + nlri)


def v6(text: str) -> bytes:
    import ipaddress
    return ipaddress.IPv6Address(text).packed


def rd0(asn: int, num: int) -> bytes:
    return struct.pack("!HHI", 0, asn, num)


def label(v: int) -> bytes:
    return struct.pack("!I", (v << 4) | 1)[1:]


def evpn(route_type: int, body: bytes) -> bytes:
    return struct.pack("!BB", route_type, len(body)) + body


def main() -> None:
    caps_a = b"".join([
        param(2, cap(1, struct.pack("!HBB", 1, 0, 1))),
        param(2, cap(1, struct.pack("!HBB", 2, 0, 1)) + cap(1, struct.pack("!HBB", 25, 0, 70))),
        param(2, cap(128, b"")), param(2, cap(2, b"")), param(2, cap(70, b"")),
        param(2, cap(65, struct.pack("!I", 4200000001))),
        param(2, cap(69, struct.pack("!HBB", 2, 1, 3))),
        param(2, cap(64, struct.pack("!H", 0xC078) + struct.pack("!HBB", 1, 1, 0x80) + struct.pack("!HBB", 2, 1, 0))),
        param(2, cap(73, bytes([5]) + b"leaf1" + bytes([10]) + b"dc.example")),
        param(2, cap(6, b"")), param(2, cap(200, b"\x01\x02")),
    ])
    caps_b = param(1, b"\x00\x07") + param(2, cap(65, struct.pack("!I", 4200000002)) + cap(1, struct.pack("!HBB", 1, 0, 1)))
    open_a = open_msg(23456, 90, bytes([192, 0, 2, 1]), caps_a)
    open_b = open_msg(23456, 180, bytes([192, 0, 2, 2]), caps_b)
    keep = msg(4, b"")
    attrs4 = b"".join([
        attr(0x40, 1, b"\x00"),
        attr(0x50, 2, struct.pack("!BBII", 2, 2, 4200000001, 65010) + struct.pack("!BBII", 1, 2, 65020, 65021)),
        attr(0x40, 3, bytes([192, 0, 2, 1])),
        attr(0x80, 4, struct.pack("!I", 100)),
        attr(0x40, 5, struct.pack("!I", 200)),
        attr(0x40, 6, b""),
        attr(0xC0, 7, struct.pack("!I", 4200000001) + bytes([192, 0, 2, 1])),
        attr(0xC0, 8, struct.pack("!HHII", 65001, 100, 0xFFFFFF01, 0xFFFFFF02)),
        attr(0x80, 9, bytes([192, 0, 2, 9])),
        attr(0x80, 10, bytes([1, 1, 1, 1, 2, 2, 2, 2])),
        attr(0xC0, 16, struct.pack("!BBHI", 0x00, 0x02, 65001, 10010) + struct.pack("!BBHHH", 0x03, 0x0C, 0, 0, 8)
             + struct.pack("!BB4sH", 0x01, 0x02, bytes([192, 0, 2, 1]), 7)),
        attr(0xC0, 32, struct.pack("!III", 4200000001, 1, 2)),
        attr(0xC0, 250, b"\xde\xad"),
    ])
    upd4 = update(prefix4(16, "10.1.0.0") + prefix4(25, "192.0.2.128"), attrs4,
                  prefix4(24, "10.2.0.0") + prefix4(0, "0.0.0.0") + prefix4(32, "198.51.100.7"))
    nh6 = v6("2001:db8::2") + v6("fe80::2")
    mp6 = struct.pack("!HBB", 2, 1, len(nh6)) + nh6 + b"\x00" + prefix6(48, v6("2001:db8:1::")) + prefix6(32, v6("2001:db8::"))
    unreach6 = struct.pack("!HB", 2, 1) + prefix6(48, v6("2001:db8:dead::"))
    upd6 = update(b"", attr(0x40, 1, b"\x00") + attr(0x50, 2, b"") + attr(0x90, 14, mp6) + attr(0x90, 15, unreach6), b"")
    mac = bytes([0x00, 0x50, 0x56, 0xAA, 0xBB, 0xCC])
    esi = bytes(10)
    type2 = evpn(2, rd0(65001, 10010) + esi + struct.pack("!I", 0) + bytes([48]) + mac + bytes([32, 10, 10, 0, 5]) + label(10010))
    type3 = evpn(3, rd0(65001, 10010) + struct.pack("!I", 0) + bytes([32, 192, 0, 2, 1]))
    type5 = evpn(5, rd0(65001, 50001) + esi + struct.pack("!I", 0) + bytes([24, 10, 20, 30, 0]) + bytes(4) + label(50001))
    nh_evpn = bytes([192, 0, 2, 1])
    mp_evpn = struct.pack("!HBB", 25, 70, len(nh_evpn)) + nh_evpn + b"\x00" + type2 + type3 + type5
    upd_evpn = update(b"", b"".join([
        attr(0x40, 1, b"\x00"),
        attr(0x50, 2, struct.pack("!BBI", 2, 1, 4200000001)),
        attr(0xC0, 22, struct.pack("!BB", 0, 6) + label(10010) + bytes([192, 0, 2, 1])),
        attr(0xC0, 16, struct.pack("!BBHI", 0x00, 0x02, 65001, 10010) + struct.pack("!BBHHH", 0x03, 0x0C, 0, 0, 8)
             + struct.pack("!BB", 0x06, 0x03) + mac),
        attr(0x90, 14, mp_evpn),
    ]), b"")
    refresh = msg(5, struct.pack("!HBB", 1, 0, 1))
    text = b"maintenance window 42"
    cease = msg(3, bytes([6, 2, len(text)]) + text)
    bad_as = msg(3, bytes([2, 2]) + struct.pack("!H", 65099))
    hold = msg(3, bytes([4, 0]))
    split = update(b"", attr(0x40, 1, b"\x02") + attr(0x50, 2, struct.pack("!BBI", 2, 1, 65010)) + attr(0x40, 3, bytes([192, 0, 2, 2])),
                   prefix4(24, "10.9.1.0") + prefix4(24, "10.9.2.0"))
    # a router without 4-octet AS support: two-octet AS_PATH and AGGREGATOR, the AS4_ ones beside them
    as2 = update(b"", b"".join([
        attr(0x40, 1, b"\x01"),
        attr(0x40, 2, struct.pack("!BBHH", 2, 2, 65010, 65020) + struct.pack("!BBH", 1, 1, 65030)),
        attr(0x40, 3, bytes([192, 0, 2, 2])),
        attr(0xC0, 7, struct.pack("!H", 23456) + bytes([192, 0, 2, 2])),
        attr(0xC0, 17, struct.pack("!BBII", 2, 2, 4200000002, 65010)),
        attr(0xC0, 18, struct.pack("!I", 4200000002) + bytes([192, 0, 2, 2])),
    ]), prefix4(8, "10.0.0.0"))
    # an AS_PATH that reads whole as two-octet and as four-octet ASNs alike
    both = update(b"", attr(0x40, 1, b"\x00") + attr(0x40, 2, bytes([2, 1, 0, 2, 2, 0])) + attr(0x40, 3, bytes([192, 0, 2, 2])), prefix4(16, "10.3.0.0"))
    # other extended communities, a lone global IPv6 next hop, IPv4 unicast in MP_REACH_NLRI
    more = update(b"", b"".join([
        attr(0x40, 1, b"\x00"),
        attr(0x50, 2, struct.pack("!BBI", 2, 1, 4200000002)),
        attr(0xC0, 16, struct.pack("!BBIH", 0x02, 0x02, 4200000001, 100) + struct.pack("!BBBBI", 0x06, 0x00, 0x01, 0, 5)
             + struct.pack("!BB", 0x06, 0x02) + mac + struct.pack("!BBHHH", 0x03, 0x0D, 0, 0, 0) + struct.pack("!BBHI", 0x40, 0x04, 65001, 1000)
             + struct.pack("!BBBBI", 0x06, 0x00, 0x00, 0, 7) + struct.pack("!BBIH", 0x02, 0x03, 65001, 9) + struct.pack("!BB4sH", 0x01, 0x03, bytes([10, 0, 0, 1]), 3)
             + struct.pack("!BBHI", 0x00, 0x03, 65001, 77) + struct.pack("!BBHI", 0x0A, 0x01, 1, 2)),
        attr(0x90, 14, struct.pack("!HBB", 2, 1, 16) + v6("2001:db8::9") + b"\x00" + prefix6(64, v6("2001:db8:9:9::"))),
    ]), b"")
    mp4 = update(b"", attr(0x40, 1, b"\x00") + attr(0x50, 2, b"")
                 + attr(0x90, 14, struct.pack("!HBB", 1, 1, 4) + bytes([192, 0, 2, 2]) + b"\x00" + prefix4(22, "172.16.4.0"))
                 + attr(0x90, 15, struct.pack("!HB", 1, 1) + prefix4(23, "172.16.8.0")), b"")
    short = b"\xff" * 16 + struct.pack("!HB", 12, 4)

    seq = {A: 1000, B: 5000}
    frames = []

    def send(src: bytes, data: bytes, flags: int = 0x18) -> None:
        dst = B if src == A else A
        sport, dport = (50000, 179) if src == A else (179, 50000)
        tcp = struct.pack("!HHIIBBHHH", sport, dport, seq[src], seq[dst], 5 << 4, flags, 16384, 0, 0) + data
        ph = src + dst + struct.pack("!BBH", 0, 6, len(tcp))
        tcp = tcp[:16] + struct.pack("!H", craft.csum(ph + tcp)) + tcp[18:]
        macs = (bytes([2, 0, 0, 0, 0, 2]), bytes([2, 0, 0, 0, 0, 1])) if src == A else (bytes([2, 0, 0, 0, 0, 1]), bytes([2, 0, 0, 0, 0, 2]))
        frames.append(macs[0] + macs[1] + b"\x08\x00" + craft.ipv4(src, dst, 6, tcp, ident=len(frames) + 1))
        seq[src] += len(data)

    send(A, open_a)
    send(B, open_b)
    send(A, keep + upd4)
    send(B, keep + upd6)
    send(A, upd_evpn)
    send(B, refresh)
    send(A, split[:30])
    send(A, split[30:])
    send(B, bad_as + hold)
    send(A, cease)
    send(B, as2 + both)
    send(A, more + mp4)
    send(B, short)
    OUT.write_bytes(craft.pcap(frames, step_usec=1000))


if __name__ == "__main__":
    main()
