#!/usr/bin/env python3
"""Writes test/fixtures/mptcp/mptcp-cases.pcap: Multipath TCP (RFC 8684) as packet-tcp.c reads it:
a version 1 connection (MP_CAPABLE's SYN, SYN/ACK and ACK with the keys, the first data with its
data-level length and checksum), DSS options with 4- and 8-byte data ACKs and sequence numbers,
DATA_FIN and checksums, ADD_ADDR (IPv4 and IPv6, with port, echo), REMOVE_ADDR, MP_PRIO,
MP_FAIL, MP_FASTCLOSE and MP_TCPRST, a second subflow joined by the token of the server's key
(MP_JOIN's SYN, SYN/ACK and ACK), and runs of NOPs that raise Wireshark's "4 NOP in a row".
tshark's reading of it is test/fixtures/mptcp/mptcp-lines.json (scripts/make-layer-lines.py
mptcp). Standard library only; the same bytes every run.
"""
import hashlib
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/mptcp/mptcp-cases.pcap"
KEY_A = 0x1122334455667788
KEY_B = 0x99AABBCCDDEEFF00
SYN, ACK, PSH, FIN = 0x02, 0x10, 0x08, 0x01


def tcp(src: int, sport: int, dst: int, dport: int, seq: int, ack: int, flags: int, opts: bytes, data: bytes = b"", win: int = 65535) -> bytes:
    opts += b"\x01" * (-len(opts) % 4)
    hdr = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, (20 + len(opts)) // 4 << 4, flags, win, 0, 0) + opts
    seg = hdr + data
    ip = craft.ipv4(bytes([10, 0, 0, src]), bytes([10, 0, 0, dst]), 6, seg)
    return bytes([2, 0, 0, 0, 0, dst, 2, 0, 0, 0, 0, src, 8, 0]) + ip


def mp(subtype: int, low: int, body: bytes) -> bytes:
    return bytes([30, 3 + len(body), subtype << 4 | low]) + body


def dss(flags: int, ack: int = 0, dsn: int = 0, ssn: int = 0, length: int = 0, csum=None) -> bytes:
    b = bytes([flags])
    if flags & 1:
        b += struct.pack("!Q" if flags & 2 else "!I", ack)
    if flags & 4:
        b += struct.pack("!Q" if flags & 8 else "!I", dsn) + struct.pack("!IH", ssn, length)
        if csum is not None:
            b += struct.pack("!H", csum)
    return mp(2, 0, b)


def main() -> None:
    f = []
    c, s = (1, 40000), (2, 10004)

    # (each pure ACK after the data has a window of its own: Wireshark does not count duplicate ACKs
    # that follow an address or priority change, which these are not here to test)
    def cs(seq, ack, flags, opts, data=b""):
        f.append(tcp(c[0], c[1], s[0], s[1], seq, ack, flags, opts, data, 65535 - len(f)))

    def sc(seq, ack, flags, opts, data=b""):
        f.append(tcp(s[0], s[1], c[0], c[1], seq, ack, flags, opts, data, 65535 - len(f)))

    nop2 = b"\x01\x01"
    cs(1000, 0, SYN, mp(0, 1, bytes([0x81])))
    sc(5000, 1001, SYN | ACK, mp(0, 1, bytes([0x01]) + struct.pack("!Q", KEY_B)))
    cs(1001, 5001, ACK, mp(0, 1, bytes([0x81]) + struct.pack("!QQ", KEY_A, KEY_B)))
    cs(1001, 5001, ACK | PSH, nop2 + mp(0, 1, bytes([0x81]) + struct.pack("!QQHH", KEY_A, KEY_B, 4, 0xBEEF)) + nop2, b"abcd")
    sc(5001, 1005, ACK, dss(0x01, ack=0x1234))
    sc(5001, 1005, ACK | PSH, nop2 + nop2 + dss(0x05, ack=0x1234, dsn=0x55667799, ssn=1, length=3, csum=0x0102), b"xyz")
    cs(1005, 5004, ACK | PSH, dss(0x1F, ack=0x1234, dsn=0x1122, ssn=5, length=1, csum=0xABCD), b"!")
    cs(1006, 5004, ACK, dss(0x03, ack=(1 << 63) + 5))
    cs(1006, 5004, ACK, dss(0x04, dsn=7, ssn=9, length=0))
    # ADD_ADDR: IPv4 with HMAC, with port and HMAC, an echo; IPv6 with port
    sc(5004, 1006, ACK, mp(3, 4, bytes([1]) + bytes([10, 0, 0, 9]) + struct.pack("!Q", 0xA1A2A3A4A5A6A7A8)))
    sc(5004, 1006, ACK, mp(3, 4, bytes([2]) + bytes([10, 0, 0, 9]) + struct.pack("!HQ", 8080, 0xB1B2B3B4B5B6B7B8)))
    cs(1006, 5004, ACK, mp(3, 1, bytes([1]) + bytes([10, 0, 0, 9])))
    sc(5004, 1006, ACK, mp(3, 6, bytes([3]) + bytes.fromhex("20010db8000000000000000000000009") + struct.pack("!H", 443)))
    sc(5004, 1006, ACK, mp(4, 0, bytes([1])))
    sc(5004, 1006, ACK, mp(4, 0, bytes([1, 2, 3])))
    cs(1006, 5004, ACK, mp(5, 1, b""))
    cs(1006, 5004, ACK, mp(5, 1, bytes([2])))
    cs(1006, 5004, ACK, mp(6, 0, bytes([0]) + struct.pack("!Q", 0x1020304050607080)))
    sc(5004, 1006, ACK, mp(7, 0, bytes([0]) + struct.pack("!Q", KEY_A)))
    sc(5004, 1006, ACK, mp(8, 0x1, bytes([4])))
    # a second subflow, joined with the token of the server's key
    c2 = (1, 40001)
    # (RFC 8684 section 3.2: the token is the most significant 32 bits of SHA-256 of the key)
    token_b = struct.unpack("!I", hashlib.sha256(struct.pack("!Q", KEY_B)).digest()[:4])[0]
    f.append(tcp(c2[0], c2[1], s[0], 10005, 7000, 0, SYN, mp(1, 1, bytes([2]) + struct.pack("!II", token_b, 0x01020304))))
    f.append(tcp(s[0], 10005, c2[0], c2[1], 9000, 7001, SYN | ACK, mp(1, 1, bytes([3]) + struct.pack("!QI", 0x0102030405060708, 0x0A0B0C0D))))
    f.append(tcp(c2[0], c2[1], s[0], 10005, 7001, 9001, ACK, mp(1, 0, bytes([0]) + bytes(range(20)))))
    f.append(tcp(c2[0], c2[1], s[0], 10005, 7001, 9001, ACK, dss(0x01, ack=0x1234)))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(craft.pcap(f, step_usec=1000))


if __name__ == "__main__":
    main()
