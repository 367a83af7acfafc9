#!/usr/bin/env python3
"""Writes test/fixtures/tcpopts/tcpopts-cases.pcap: TCP segments with the options packet-tcp.c
names in the Info column and dissects: a Linux SYN's MSS, SACK permitted, time stamps and window
scale, SACK blocks, TCP Fast Open's cookie request ("TFO=R") and cookie ("TFO=C", with its Note on
a SYN), in option 34 and in RFC 6994's experimental form, BGP's MD5 signature (" MD5"), the User
Timeout in seconds and minutes, Quick-Start's response, an experiment of an unknown identifier
("ExID=AB"), an unknown kind, and a too-short length. tshark's reading of it is
test/fixtures/tcpopts/tcpopts-lines.json (scripts/make-layer-lines.py tcpopts). Standard library
only; the same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/tcpopts/tcpopts-cases.pcap"
A, B = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
SYN, ACK = 0x02, 0x10


def segment(sport: int, dport: int, flags: int, opts: bytes, seq: int = 1000, ack: int = 0, src: bytes = A, dst: bytes = B) -> bytes:
    opts += b"\0" * (-len(opts) % 4)
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, (5 + len(opts) // 4) << 4, flags, 64240, 0, 0) + opts
    return craft.ether_ipv4(src, dst, 6, tcp)


def main() -> None:
    linux_syn = bytes([2, 4, 5, 0xB4, 4, 2, 8, 10]) + struct.pack("!II", 123456, 0) + bytes([1, 3, 3, 7])
    frames = [
        segment(40001, 443, SYN, linux_syn),
        segment(443, 40001, SYN | ACK, bytes([2, 4, 5, 0xB4, 4, 2, 8, 10]) + struct.pack("!II", 777, 123456) + bytes([1, 3, 3, 7]),
                seq=5000, ack=1001, src=B, dst=A),
        segment(40001, 443, ACK, bytes([1, 1, 5, 10]) + struct.pack("!II", 5101, 5201), seq=1001, ack=5001),
        segment(40002, 443, SYN, bytes([2, 4, 5, 0xB4, 34, 2])),                          # TFO cookie request
        segment(40003, 443, SYN, bytes([2, 4, 5, 0xB4, 34, 10]) + bytes(range(8))),       # TFO cookie on a SYN
        segment(443, 40003, SYN | ACK, bytes([2, 4, 5, 0xB4, 34, 6, 1, 2, 3, 4]), seq=9000, ack=1001, src=B, dst=A),
        segment(40004, 443, SYN, bytes([2, 4, 5, 0xB4, 254, 8, 0xF9, 0x89, 9, 8, 7, 6])),  # experimental Fast Open
        segment(40005, 179, SYN, bytes([2, 4, 5, 0xB4, 19, 18]) + bytes(range(16))),      # BGP with MD5
        segment(40006, 22, SYN, bytes([2, 4, 5, 0xB4, 28, 4, 0x00, 90])),                 # User Timeout, seconds
        segment(40007, 22, SYN, bytes([2, 4, 5, 0xB4, 28, 4, 0x80, 30])),                 # ... minutes
        segment(40008, 80, SYN, bytes([2, 4, 5, 0xB4, 27, 8, 0x02, 64, 0, 0, 0, 0])),    # Quick-Start response
        segment(40009, 80, SYN, bytes([2, 4, 5, 0xB4, 254, 4, 0x00, 0xAB])),              # unknown experiment
        segment(40010, 80, SYN, bytes([2, 4, 5, 0xB4, 99, 4, 1, 2])),                     # unknown kind
        segment(40011, 80, SYN, bytes([2, 4, 5, 0xB4, 3, 1])),                            # too-short length
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(craft.pcap(frames))
    print(f"wrote {len(frames)} frames to {OUT}")


if __name__ == "__main__":
    main()
