#!/usr/bin/env python3
"""Writes test/fixtures/vrrp/vrrp-cases.pcap: VRRP adverts as a pair of gateways sends them: version
2 with one and several virtual addresses, no authentication and a simple text password, priority
0 (the master resigning) and 255 (the address owner); version 3 over IPv4 and over IPv6 (its link-
local and global addresses); a bad checksum, and a count of addresses past the packet. tshark's
reading of it is test/fixtures/vrrp/vrrp-lines.json (scripts/make-layer-lines.py vrrp). Standard
library only; the same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/vrrp/vrrp-cases.pcap"
VMAC = bytes([0, 0, 0x5E, 0, 1, 10])
V6MAC = bytes([0, 0, 0x5E, 0, 2, 10])


def v2(vrid: int, prio: int, addrs: list, auth: int = 0, adver: int = 1, pw: bytes = bytes(8), bad: bool = False, count: int | None = None) -> bytes:
    body = struct.pack("!BBBBBBH", 0x21, vrid, prio, len(addrs) if count is None else count, auth, adver, 0)
    body += b"".join(bytes(a) for a in addrs) + pw
    ck = craft.csum(body)
    if bad:
        ck ^= 0x1111
    return body[:6] + struct.pack("!H", ck) + body[8:]


def v3(vrid: int, prio: int, addrs: list, src: bytes, dst: bytes, proto_len: int, centis: int = 100) -> bytes:
    body = struct.pack("!BBBBHH", 0x31, vrid, prio, len(addrs), centis & 0x0FFF, 0) + b"".join(addrs)
    if proto_len == 4:
        pseudo = src + dst + struct.pack("!BBH", 0, 112, len(body))
    else:
        pseudo = src + dst + struct.pack("!I", len(body)) + bytes(3) + bytes([112])
    ck = craft.csum(pseudo + body)
    return body[:6] + struct.pack("!H", ck) + body[8:]


def ip4frame(src: bytes, payload: bytes) -> bytes:
    return bytes([1, 0, 0x5E, 0, 0, 0x12]) + VMAC + b"\x08\x00" + craft.ipv4(src, bytes([224, 0, 0, 18]), 112, payload, ttl=255)


def ip6frame(src: bytes, payload: bytes) -> bytes:
    dst = bytes.fromhex("ff020000000000000000000000000012")
    return bytes([0x33, 0x33, 0, 0, 0, 0x12]) + V6MAC + b"\x86\xdd" + struct.pack("!IHBB", 0x60000000, len(payload), 112, 255) + src + dst + payload


def main() -> None:
    a, b = bytes([10, 0, 0, 2]), bytes([10, 0, 0, 3])
    ll = bytes.fromhex("fe800000000000000000000000000002")
    frames = [
        ip4frame(a, v2(10, 100, [[10, 0, 0, 1]])),
        ip4frame(b, v2(10, 255, [[10, 0, 0, 1], [10, 0, 1, 1], [10, 0, 2, 1]])),
        ip4frame(a, v2(10, 0, [[10, 0, 0, 1]])),
        ip4frame(a, v2(20, 150, [[10, 0, 0, 1]], auth=1, pw=b"gw-pass\0", adver=3)),
        ip4frame(a, v3(30, 100, [bytes([10, 0, 0, 1])], a, bytes([224, 0, 0, 18]), 4)),
        ip6frame(ll, v3(40, 120, [bytes.fromhex("fe800000000000000000000000000001"), bytes.fromhex("20010db8000000000000000000000001")],
                                 ll, bytes.fromhex("ff020000000000000000000000000012"), 16, centis=50)),
        ip4frame(a, v2(10, 100, [[10, 0, 0, 1]], bad=True)),
        ip4frame(a, v2(10, 100, [[10, 0, 0, 1]], count=9)),
    ]
    OUT.write_bytes(craft.pcap(frames))


if __name__ == "__main__":
    main()
