#!/usr/bin/env python3
"""Writes test/fixtures/icmp/icmp-cases.pcap: ICMP's messages as packet-icmp.c names and dissects
them: echo request and reply (a pair, with a timeval in the data), timestamp request and reply
(their milliseconds of day in either byte order), information and address mask requests and
replies, router advertisements (code 0 and 16 are "Mobile IP Advertisement", with a mobility
agent extension) and a solicitation, each error with a code past its table ("Unknown code: 16"),
source quench, alternate host address, Photuris, RFC 8335's extended echo request (interface by
name, index and address) and reply, the reserved and unassigned types, a bad checksum, and an
error whose RFC 4884 extension structure has a bad checksum. tshark's reading of it is
test/fixtures/icmp/icmp-lines.json (scripts/make-layer-lines.py icmp). Standard library only; the
same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/icmp/icmp-cases.pcap"
A, B, R = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]), bytes([10, 0, 0, 254])


def icmp(kind: int, code: int, word: bytes, body: bytes = b"", good: bool = True) -> bytes:
    msg = struct.pack("!BBH", kind, code, 0) + word + body
    if good:
        msg = msg[:2] + struct.pack("!H", craft.csum(msg)) + msg[4:]
    return msg


def frame(msg: bytes, src: bytes = A, dst: bytes = B, ident: int = 1) -> bytes:
    return craft.ether_ipv4(src, dst, 1, msg, ident=ident)


def quoted() -> bytes:
    """The datagram an error quotes: an IPv4 header and 8 bytes of UDP."""
    return craft.ipv4(B, bytes([10, 0, 0, 3]), 17, craft.udp(40000, 53, b"query"))[:28]


def extensions(objects: bytes, good: bool = True) -> bytes:
    hdr = struct.pack("!BBH", 0x20, 0, 0) + objects
    cs = craft.csum(hdr) if good else 0x1234
    return hdr[:2] + struct.pack("!H", cs) + hdr[4:]


def obj(cls: int, ctype: int, payload: bytes) -> bytes:
    return struct.pack("!HBB", 4 + len(payload), cls, ctype) + payload


def main() -> None:
    start = 1_700_000_000  # frame k at start + k seconds (craft.pcap)
    ms_of_day = lambda k: ((start + k) % 86400) * 1000
    frames = []
    idseq = struct.pack("!HH", 0x1234, 7)
    tv = struct.pack("!II", start, 250_000)
    frames.append(frame(icmp(8, 0, idseq, tv + b"abcdefgh")))                       # 1 echo request
    frames.append(frame(icmp(0, 0, idseq, tv + b"abcdefgh"), B, A))                 # 2 its reply
    k = len(frames)
    ts_req = struct.pack("!III", ms_of_day(k), 0, 0)
    frames.append(frame(icmp(13, 0, struct.pack("!HH", 1, 1), ts_req)))              # 3 timestamp request
    k = len(frames)
    le = struct.pack("<I", ms_of_day(k) + 5)
    frames.append(frame(icmp(14, 0, struct.pack("!HH", 1, 1), struct.pack("!I", ms_of_day(k - 1)) + le + le), B, A))  # 4 reply, little-endian
    frames.append(frame(icmp(15, 0, struct.pack("!HH", 2, 1))))                      # 5 information request
    frames.append(frame(icmp(16, 0, struct.pack("!HH", 2, 1)), B, A))                # 6 reply
    frames.append(frame(icmp(17, 0, struct.pack("!HH", 3, 1), bytes(4))))            # 7 address mask request
    frames.append(frame(icmp(18, 0, struct.pack("!HH", 3, 1), bytes([255, 255, 255, 0])), B, A))  # 8 reply
    adv = struct.pack("!BBH", 2, 2, 1800) 
    routers = R + struct.pack("!i", 10) + bytes([10, 0, 0, 253]) + struct.pack("!i", -5)
    agent = struct.pack("!BBHHH", 16, 10, 3, 600, 0x9000) + bytes([10, 0, 0, 254])
    frames.append(frame(icmp(9, 0, adv, routers + agent), R, bytes([224, 0, 0, 1])))  # 9 Mobile IP advertisement
    frames.append(frame(icmp(9, 16, adv, routers), R, bytes([224, 0, 0, 1])))        # 10 code 16
    frames.append(frame(icmp(9, 1, adv, routers), R, bytes([224, 0, 0, 1])))         # 11 unknown code
    frames.append(frame(icmp(10, 0, bytes(4)), A, bytes([224, 0, 0, 2])))            # 12 solicitation
    frames.append(frame(icmp(3, 16, bytes(4), quoted()), R, B))                       # 13 unreachable, unknown code
    frames.append(frame(icmp(5, 1, R, quoted()), R, B))                               # 14 redirect for host
    frames.append(frame(icmp(11, 1, bytes(4), quoted()), R, B))                       # 15 reassembly time exceeded
    frames.append(frame(icmp(12, 3, bytes([20, 0, 0, 0]), quoted()), R, B))           # 16 parameter problem, unknown code
    frames.append(frame(icmp(4, 0, bytes(4), quoted()), R, B))                        # 17 source quench
    frames.append(frame(icmp(6, 0, bytes(4), bytes(8)), R, B))                        # 18 alternate host address
    frames.append(frame(icmp(40, 3, bytes(4))))                                       # 19 Photuris
    ident_name = obj(3, 1, b"eth0\0\0\0\0")
    frames.append(frame(icmp(42, 0, struct.pack("!HBB", 0x42, 1, 0), extensions(ident_name))))          # 20 extended echo by name
    frames.append(frame(icmp(42, 0, struct.pack("!HBB", 0x42, 2, 1), extensions(obj(3, 2, struct.pack("!I", 7))))))  # 21 by index, local
    by_addr = obj(3, 3, struct.pack("!HBB", 1, 4, 0) + bytes([192, 0, 2, 1]))
    frames.append(frame(icmp(42, 0, struct.pack("!HBB", 0x42, 3, 0), extensions(by_addr))))            # 22 by address
    frames.append(frame(icmp(43, 0, struct.pack("!HBB", 0x42, 3, 0x46)), B, A))                         # 23 reply: reachable, A, 4
    frames.append(frame(icmp(43, 2, struct.pack("!HBB", 0x42, 4, 0)), B, A))                            # 24 reply: no such interface
    frames.append(frame(icmp(1, 0, bytes(4))))                                        # 25 reserved type
    frames.append(frame(icmp(30, 0, bytes(4))))                                       # 26 traceroute
    frames.append(frame(icmp(200, 7, bytes(4))))                                      # 27 unassigned type
    frames.append(frame(icmp(8, 0, struct.pack("!HH", 9, 9), b"payload", good=False)))  # 28 bad checksum
    long_quote = craft.ipv4(B, bytes([10, 0, 0, 3]), 17, craft.udp(40000, 33434, bytes(100)))
    long_quote = (long_quote + bytes(128))[:128]
    mpls = obj(1, 1, struct.pack("!I", (16004 << 12) | (0 << 9) | (1 << 8) | 1))
    frames.append(frame(icmp(11, 0, struct.pack("!BBH", 0, 32, 0), long_quote + extensions(mpls, good=False)), R, B))  # 29 bad extension checksum
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(craft.pcap(frames, start=start))
    print(f"wrote {len(frames)} frames to {OUT}")


if __name__ == "__main__":
    main()
