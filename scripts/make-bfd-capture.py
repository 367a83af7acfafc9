#!/usr/bin/env python3
"""Writes test/fixtures/bfd/bfd-cases.pcap: BFD as overlay networks run it: the single-hop sessions
of a BGP fabric's links (UDP 3784) coming up through Down, Init and Up, a multihop session (UDP
4784) over IPv6, a poll and its final, each diagnostic code, demand mode, the authentication
sections (simple password, keyed MD5, meticulous keyed SHA1), an echo packet (UDP 3785), NSX-T's
tunnel monitoring (BFD inside Geneve between two TEPs, the Geneve OAM bit set), and damaged
packets (a length past the datagram, version 0 with a short length). tshark's reading of it is
test/fixtures/bfd/bfd-lines.json (scripts/make-layer-lines.py bfd). Standard library only; the same
bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/bfd/bfd-cases.pcap"
MAC_A, MAC_B = bytes([2, 0, 0, 0, 0, 1]), bytes([2, 0, 0, 0, 0, 2])


def bfd(state: int, diag: int = 0, flags: int = 0, mult: int = 3, mine: int = 1, yours: int = 0,
        tx: int = 300000, rx: int = 300000, echo: int = 0, auth: bytes = b"", version: int = 1, length: int | None = None) -> bytes:
    body_len = 24 + len(auth)
    return struct.pack("!BBBBIIIII", (version << 5) | diag, (state << 6) | flags, mult, body_len if length is None else length,
                       mine, yours, tx, rx, echo) + auth


def udp4(src: int, dst: int, sport: int, dport: int, payload: bytes, ttl: int = 255) -> bytes:
    u = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    return MAC_B + MAC_A + b"\x08\x00" + craft.ipv4(bytes([10, 0, 0, src]), bytes([10, 0, 0, dst]), 17, u, ttl=ttl)


def udp6(src: int, dst: int, sport: int, dport: int, payload: bytes) -> bytes:
    u = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    a = bytes.fromhex("20010db8" + "00" * 11 + "%02x" % src)
    b = bytes.fromhex("20010db8" + "00" * 11 + "%02x" % dst)
    return MAC_B + MAC_A + b"\x86\xdd" + struct.pack("!IHBB", 0x60000000, len(u), 17, 255) + a + b + u


def geneve_bfd(payload: bytes) -> bytes:
    inner = MAC_B + MAC_A + b"\x08\x00" + craft.ipv4(bytes([169, 254, 1, 1]), bytes([169, 254, 1, 2]), 17,
                                                     struct.pack("!HHHH", 49152, 3784, 8 + len(payload), 0) + payload, ttl=255)
    gen = struct.pack("!BBHI", 0, 0x80, 0x6558, 0) + inner
    return udp4(11, 12, 52000, 6081, gen, ttl=64)


def main() -> None:
    frames = [
        udp4(1, 2, 49152, 3784, bfd(1, mine=0x11, tx=1000000, rx=1000000)),
        udp4(2, 1, 49153, 3784, bfd(2, mine=0x22, yours=0x11, tx=1000000, rx=1000000)),
        udp4(1, 2, 49152, 3784, bfd(3, mine=0x11, yours=0x22, flags=0x20)),
        udp4(2, 1, 49153, 3784, bfd(3, mine=0x22, yours=0x11, flags=0x10 | 0x08)),
        udp4(1, 2, 49152, 3784, bfd(1, diag=1, mine=0x11, yours=0x22)),
        udp4(2, 1, 49153, 3784, bfd(0, diag=3, mine=0x22, flags=0x02, mult=5)),
        udp4(1, 2, 49152, 3784, bfd(3, diag=7, mine=0x11, yours=0x22, flags=0x04 | 0x01, echo=50000)),
        udp6(1, 2, 49154, 4784, bfd(3, mine=0x33, yours=0x44, tx=50000, rx=50000, mult=3)),
        udp4(1, 2, 49152, 3784, bfd(3, mine=0x11, yours=0x22, flags=0x04, auth=struct.pack("!BBB", 1, 11, 5) + b"secret-k")),
        udp4(1, 2, 49152, 3784, bfd(3, mine=0x11, yours=0x22, flags=0x04, auth=struct.pack("!BBBBI", 2, 24, 1, 0, 1234) + bytes(range(16)))),
        udp4(1, 2, 49152, 3784, bfd(3, mine=0x11, yours=0x22, flags=0x04, auth=struct.pack("!BBBBI", 5, 28, 2, 0, 99) + bytes(range(20)))),
        udp4(1, 2, 49155, 3785, b"echo-0011-00000042"),
        geneve_bfd(bfd(3, mine=0x51, yours=0x52, tx=1000000, rx=1000000)),
        udp4(1, 2, 49152, 3784, bfd(3, mine=0x11, yours=0x22, length=60)),
        udp4(1, 2, 49152, 3784, bfd(3, version=0, mine=0x11, yours=0x22, length=8)),
    ]
    OUT.write_bytes(craft.pcap(frames))


if __name__ == "__main__":
    main()
