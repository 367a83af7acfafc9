#!/usr/bin/env python3
"""Writes test/fixtures/dnsextra/dnsextra-cases.pcap: DNS, mDNS and LLMNR messages over UDP, with
and without bytes after their last record (packet-dns.c's "Extraneous Data"): a query and a
response of each, the generator's mDNS query of zeros (gen-capture.py), and a response whose
answer is cut short. tshark's reading of it is test/fixtures/dnsextra/dnsextra-lines.json
(scripts/make-layer-lines.py dnsextra). Standard library only; the same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/dnsextra/dnsextra-cases.pcap"


def name(n: str) -> bytes:
    return b"".join(bytes([len(p)]) + p.encode() for p in n.split(".")) + b"\0"


def query(ident: int, n: str, flags: int = 0x0100) -> bytes:
    return struct.pack("!HHHHHH", ident, flags, 1, 0, 0, 0) + name(n) + struct.pack("!HH", 1, 1)


def response(ident: int, n: str, flags: int = 0x8180) -> bytes:
    return struct.pack("!HHHHHH", ident, flags, 1, 1, 0, 0) + name(n) + struct.pack("!HH", 1, 1) + \
        b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 300, 4) + bytes([192, 0, 2, 7])


def main() -> None:
    cases = [
        (53, query(0x1001, "example.com")),
        (53, query(0x1002, "example.com") + b"\0" * 10),
        (53, response(0x1002, "example.com") + b"extra!"),
        (5353, b"\0" * 60),
        (5353, query(0, "printer.local", 0) + b"\x01\x02\x03"),
        (5353, response(0, "printer.local", 0x8400) + b"\0\0"),
        (5355, query(0x2001, "host1", 0) + b"\xff" * 5),
        (5355, response(0x2001, "host1", 0x8000)),
        (53, response(0x1003, "example.com")[:-2]),
    ]
    frames = []
    for k, (port, msg) in enumerate(cases):
        sport, dport = (port, 40000 + k) if msg[2] & 0x80 else (40000 + k, port)
        frames.append(craft.ether_ipv4(bytes([10, 0, 0, 10]), bytes([10, 0, 0, 53]), 17, craft.udp(sport, dport, msg), ident=k + 1))
    OUT.write_bytes(craft.pcap(frames))


if __name__ == "__main__":
    main()
