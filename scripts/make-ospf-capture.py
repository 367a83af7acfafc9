#!/usr/bin/env python3
"""Writes test/fixtures/ospf/ospf-cases.pcap: OSPFv2 as two routers of an underlay exchange it:
Hellos (with and without a neighbour, a DR and BDR, simple-password and MD5 authentication),
database descriptions (the first, empty, and one with LSA headers), a link-state request, an update
carrying a router LSA (point-to-point, transit and stub links), a network LSA, summary and ASBR
summary LSAs, an AS-external LSA (type 2 metric, forwarding address, tag) and an NSSA LSA, an
acknowledgement, and a packet cut short. tshark's reading of it is
test/fixtures/ospf/ospf-lines.json (scripts/make-layer-lines.py ospf). Standard library only; the
same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/ospf/ospf-cases.pcap"
R1, R2 = bytes([1, 1, 1, 1]), bytes([2, 2, 2, 2])
AREA = bytes([0, 0, 0, 0])


def ospf(ptype: int, router: bytes, body: bytes, autype: int = 0, auth: bytes = bytes(8), area: bytes = AREA, md5: bytes = b"") -> bytes:
    length = 24 + len(body)
    hdr = struct.pack("!BBH4s4sHH", 2, ptype, length, router, area, 0, autype) + auth
    pkt = hdr + body
    if autype != 2:
        ck = craft.csum(pkt[:16] + pkt[24:])
        pkt = pkt[:12] + struct.pack("!H", ck) + pkt[14:]
    return pkt + md5


def fletcher(lsa: bytes) -> bytes:
    """The LSA checksum (ISO 8473 Fletcher, RFC 905 annex B), over the LSA without its age."""
    data = bytearray(lsa[2:])
    data[14:16] = b"\0\0"
    c0 = c1 = 0
    for x in data:
        c0 = (c0 + x) % 255
        c1 = (c1 + c0) % 255
    pos = 15  # checksum's first byte, counted from 1 (after the age)
    n = len(data)
    x = ((n - pos) * c0 - c1) % 255
    if x <= 0:
        x += 255
    y = 510 - c0 - x
    if y > 255:
        y -= 255
    return lsa[:16] + bytes([x, y]) + lsa[18:]


def lsa(ls_type: int, lsid: bytes, adv: bytes, body: bytes, age: int = 1, options: int = 0x22, seq: int = 0x80000001) -> bytes:
    raw = struct.pack("!HBB4s4sIHH", age, options, ls_type, lsid, adv, seq, 0, 20 + len(body)) + body
    return fletcher(raw)


def frame(src: bytes, dst: bytes, payload: bytes) -> bytes:
    mac_dst = bytes([1, 0, 0x5E, 0, 0, dst[3]]) if dst[0] == 224 else bytes([2, 0, 0, 0, 0, 2])
    return mac_dst + bytes([2, 0, 0, 0, 0, 1]) + b"\x08\x00" + craft.ipv4(src, dst, 89, payload, ttl=1)


def main() -> None:
    a, b = bytes([10, 1, 0, 1]), bytes([10, 1, 0, 2])
    allspf = bytes([224, 0, 0, 5])
    hello = lambda nbrs, dr=bytes(4), bdr=bytes(4), prio=1: struct.pack("!4sHBBI4s4s", bytes([255, 255, 255, 0]), 10, 0x02, prio, 40, dr, bdr) + b"".join(nbrs)
    router_lsa = lsa(1, R1, R1, struct.pack("!BBH", 0x02, 0, 3)
                     + struct.pack("!4s4sBBH", R2, a, 1, 0, 10)
                     + struct.pack("!4s4sBBH", b, a, 2, 0, 10)
                     + struct.pack("!4s4sBBH", bytes([192, 168, 1, 0]), bytes([255, 255, 255, 0]), 3, 0, 1))
    network_lsa = lsa(2, b, R2, struct.pack("!4s4s4s", bytes([255, 255, 255, 0]), R1, R2))
    summary_lsa = lsa(3, bytes([172, 16, 0, 0]), R1, struct.pack("!4sI", bytes([255, 255, 0, 0]), 20))
    asbr_lsa = lsa(4, bytes([3, 3, 3, 3]), R1, struct.pack("!4sI", bytes(4), 30))
    external_lsa = lsa(5, bytes([203, 0, 113, 0]), R2, struct.pack("!4sI4sI", bytes([255, 255, 255, 0]), 0x80000064, bytes([10, 1, 0, 9]), 42), options=0x20)
    nssa_lsa = lsa(7, bytes([198, 51, 100, 0]), R2, struct.pack("!4sI4sI", bytes([255, 255, 255, 0]), 0x00000005, bytes([10, 1, 0, 2]), 0), options=0x08)
    lsas = [router_lsa, network_lsa, summary_lsa, asbr_lsa, external_lsa, nssa_lsa]
    frames = [
        frame(a, allspf, ospf(1, R1, hello([]))),
        frame(b, allspf, ospf(1, R2, hello([R1], dr=b, bdr=a, prio=100))),
        frame(a, allspf, ospf(1, R1, hello([R2]), autype=1, auth=b"secret\0\0")),
        frame(a, allspf, ospf(1, R1, hello([R2]), autype=2, auth=struct.pack("!HBBI", 0, 1, 16, 12345), md5=bytes(range(16)))),
        frame(a, b, ospf(2, R1, struct.pack("!HBBI", 1500, 0x02, 0x07, 0x1000))),
        frame(b, a, ospf(2, R2, struct.pack("!HBBI", 1500, 0x02, 0x02, 0x1000) + router_lsa[:20] + network_lsa[:20])),
        frame(a, b, ospf(3, R1, struct.pack("!I4s4s", 2, b, R2))),
        frame(b, a, ospf(4, R2, struct.pack("!I", len(lsas)) + b"".join(lsas))),
        frame(a, allspf, ospf(5, R1, router_lsa[:20] + network_lsa[:20])),
        frame(a, allspf, ospf(1, R1, hello([R2]))[:30]),
    ]
    OUT.write_bytes(craft.pcap(frames))


if __name__ == "__main__":
    main()
