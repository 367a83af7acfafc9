#!/usr/bin/env python3
"""Writes test/fixtures/arp/arp-cases.pcap: ARP as a LAN shows it, each kind packet-arp.c names in
the Info column and the tree's title: requests and replies, a gratuitous request (target MAC
broadcast) and reply, an announcement (RFC 5227: target MAC zero), a probe (sender IP 0.0.0.0),
RARP, DRARP and InARP, ATM ARP's NAK, the MARS and MAPOS opcodes, the experimental and reserved ones and
an unknown one; then an address conflict, one IP address answered for by two MAC addresses (and
again later), which Wireshark flags as "duplicate use of … detected!". tshark's reading of it is
test/fixtures/arp/arp-lines.json (scripts/make-layer-lines.py arp). Standard library only; the
same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/arp/arp-cases.pcap"

BROADCAST = b"\xff" * 6
ZERO_MAC = b"\0" * 6


def mac(n: int) -> bytes:
    return bytes([0x00, 0x50, 0x56, 0x00, 0x00, n])


def ip(n: int) -> bytes:
    return bytes([10, 0, 0, n])


def arp(op: int, sha: bytes, spa: bytes, tha: bytes, tpa: bytes, dst: bytes = BROADCAST) -> bytes:
    body = struct.pack("!HHBBH", 1, 0x0800, 6, 4, op) + sha + spa + tha + tpa
    return dst + sha + b"\x08\x06" + body + b"\0" * 18


def main() -> None:
    frames = [
        arp(1, mac(1), ip(1), ZERO_MAC, ip(2)),                    # who has 10.0.0.2?
        arp(2, mac(2), ip(2), mac(1), ip(1), dst=mac(1)),          # 10.0.0.2 is at …
        arp(1, mac(3), ip(3), BROADCAST, ip(3)),                   # gratuitous request
        arp(1, mac(4), ip(4), ZERO_MAC, ip(4)),                    # announcement
        arp(1, mac(5), b"\0" * 4, ZERO_MAC, ip(5)),               # probe (sender 0.0.0.0)
        arp(2, mac(6), ip(6), BROADCAST, ip(6)),                   # gratuitous reply
        arp(3, mac(7), ip(0), mac(7), ip(0)),                      # RARP request
        arp(4, mac(8), ip(8), mac(7), ip(7), dst=mac(7)),          # RARP reply
        arp(8, mac(9), ip(0), mac(10), ip(0)),                     # InARP request
        arp(9, mac(10), ip(10), mac(9), ip(9), dst=mac(9)),        # InARP reply
    ]
    for op in (5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 0, 0xFFFF, 0x30):
        frames.append(arp(op, mac(11), ip(11), ZERO_MAC, ip(12)))
    frames += [
        arp(1, mac(20), ip(20), ZERO_MAC, ip(21)),                 # 10.0.0.20 from …:14
        arp(2, mac(21), ip(21), mac(20), ip(20), dst=mac(20)),     # 10.0.0.21 is at …:15
        arp(2, mac(22), ip(21), mac(20), ip(20), dst=mac(20)),     # 10.0.0.21 is at …:16 too: duplicate
        arp(1, mac(20), ip(20), ZERO_MAC, ip(21)),                 # the same sender again: no conflict
        arp(2, mac(21), ip(21), mac(20), ip(20), dst=mac(20)),     # the first MAC again: a conflict with the second
    ]
    OUT.write_bytes(craft.pcap(frames))


if __name__ == "__main__":
    main()
