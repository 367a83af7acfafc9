#!/usr/bin/env python3
"""Writes test/fixtures/esp/esp-cases.pcap: IPsec as a site-to-site VPN carries it: ESP over IPv4
with two SAs, whose sequence numbers run in order, skip, repeat and go back (packet-ipsec.c's
analysis per SPI), ESP over IPv6, ESP in UDP 4500 behind NAT (RFC 3948) and the NAT keep-alives
between, and a packet cut short. tshark's reading of it is test/fixtures/esp/esp-lines.json
(scripts/make-layer-lines.py esp). Standard library only; the same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/esp/esp-cases.pcap"
A, B = bytes([198, 51, 100, 1]), bytes([203, 0, 113, 9])


def esp(spi: int, seq: int, n: int = 64) -> bytes:
    return struct.pack("!II", spi, seq) + bytes((seq * 13 + k * 7) & 0xFF for k in range(n))


def main() -> None:
    frames = []

    def ip4(proto: int, payload: bytes, src: bytes = A, dst: bytes = B) -> None:
        frames.append(craft.ether_ipv4(src, dst, proto, payload, ident=len(frames) + 1))

    def udp(payload: bytes, sport: int = 4500, dport: int = 4500) -> None:
        ip4(17, craft.udp(sport, dport, payload))

    for seq in (1, 2, 3):
        ip4(50, esp(0xC0FFEE01, seq))
    ip4(50, esp(0x0000A001, 1), B, A)
    ip4(50, esp(0xC0FFEE01, 5))  # 4 missing
    ip4(50, esp(0xC0FFEE01, 5))  # repeated
    ip4(50, esp(0xC0FFEE01, 2))  # less than expected
    ip4(50, esp(0x0000A001, 2), B, A)
    a6 = bytes.fromhex("20010db8000000000000000000000001")
    b6 = bytes.fromhex("20010db8000000000000000000000002")
    payload = esp(0x5EC0DE00, 1, 48)
    frames.append(bytes([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1]) + b"\x86\xdd" + struct.pack("!IHBB", 0x60000000, len(payload), 50, 64) + a6 + b6 + payload)
    udp(esp(0x00C0FFEE, 1))
    udp(b"\xff")
    udp(esp(0x00C0FFEE, 2))
    udp(b"\xff", 4500, 4500)
    ip4(50, esp(0xC0FFEE01, 3)[:6])
    OUT.write_bytes(craft.pcap(frames, step_usec=1000))


if __name__ == "__main__":
    main()
