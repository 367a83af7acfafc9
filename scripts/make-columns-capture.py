#!/usr/bin/env python3
"""Writes test/fixtures/columns/columns-cases.pcapng and, beside it, tshark's Source,
Destination, Protocol and Info columns of each frame (columns-cases.tsv): the columns' words for
link layers that have no addresses (Cisco HDLC and PPP name the ends "DTE" and "DCE" by the
packet's pcapng direction flags, "N/A" without them; BSD loopback and raw IP write "N/A", in the
Protocol column too, under a payload nothing dissects), and the IPv6 headers that change the
packet's addresses: a Type 2 (Mobile IPv6) and a Segment Routing header with segments left (the
final destination), a Home Address option (the source), and the same inside a packet an ICMPv6
error quotes, where they change nothing; then ICMPv6's errors with each code tshark names in the
Info column ("Destination Unreachable (Port unreachable)") and types it has no dissector for.
Standard-library Python and tshark
(4.0.17 made the TSV).
"""
import struct
import subprocess
from pathlib import Path

DIR = Path(__file__).resolve().parent.parent / "test/fixtures/columns"
OUT = DIR / "columns-cases.pcapng"
TSV = DIR / "columns-cases.tsv"

INBOUND, OUTBOUND = 1, 2
# interfaces, in order: their link types
ETHERNET, CHDLC, PPP, NULL, LOOP, RAW = range(6)
LINKTYPES = [1, 104, 9, 0, 108, 101]


def block(kind: int, body: bytes) -> bytes:
    body += b"\0" * (-len(body) % 4)
    return struct.pack("<II", kind, 12 + len(body)) + body + struct.pack("<I", 12 + len(body))


def packet(iface: int, data: bytes, flags: int | None = None, t: int = 0) -> bytes:
    opts = b"" if flags is None else struct.pack("<HHI", 2, 4, flags) + struct.pack("<HH", 0, 0)
    ts = 1_700_000_000_000_000 + t
    body = struct.pack("<IIIII", iface, ts >> 32, ts & 0xFFFFFFFF, len(data), len(data)) + data + b"\0" * (-len(data) % 4) + opts
    return block(6, body)


def ip6(n: int) -> bytes:
    return bytes.fromhex("20010db8000000000000000000000000")[:15] + bytes([n])


def ipv6(src: bytes, dst: bytes, nxt: int, payload: bytes) -> bytes:
    return struct.pack("!IHBB16s16s", 0x60000000, len(payload), nxt, 64, src, dst) + payload


def udp(payload: bytes) -> bytes:
    return struct.pack("!HHHH", 30000, 13000, 8 + len(payload), 0) + payload


def home_address(nxt: int, home: bytes) -> bytes:
    """A Destination Options header: a PadN of 4, then the Home Address option (type 201, 16 bytes)
    at 8n+6 as RFC 6275 aligns it."""
    return bytes([nxt, 2, 1, 2, 0, 0, 201, 16]) + home


def mobile_route(nxt: int, home: bytes) -> bytes:
    """A Type 2 routing header, one segment left: the home address."""
    return bytes([nxt, 2, 2, 1]) + b"\0" * 4 + home


def segment_route(nxt: int, segments: list) -> bytes:
    """A Segment Routing header, one segment left; Segment List[0] first."""
    return bytes([nxt, 2 * len(segments), 4, 1, len(segments) - 1, 0, 0, 0]) + b"".join(segments)


def ether6(payload: bytes) -> bytes:
    return bytes.fromhex("020000000002" "020000000001" "86dd") + payload


def main() -> None:
    lcp = bytes([0xFF, 0x03, 0xC0, 0x21, 1, 1, 0, 4])
    slarp = bytes([0x8F, 0, 0x80, 0x35]) + struct.pack(">I", 0) + bytes(8) + b"\xff\xff"
    mobile = ipv6(ip6(1), ip6(2), 60, home_address(43, ip6(0x11)) + mobile_route(17, ip6(0x22)) + udp(b"mip6"))
    srv6 = ipv6(ip6(1), ip6(2), 43, segment_route(17, [ip6(0x33), ip6(0x34)]) + udp(b"srv6"))
    # ICMPv6 destination unreachable (port) quoting the mobile packet: the columns stay the error's
    quoted = mobile
    icmp = struct.pack("!BBHI", 1, 4, 0, 0) + quoted
    error = ipv6(ip6(2), ip6(1), 58, icmp)
    frames = [
        packet(CHDLC, slarp), packet(CHDLC, slarp, INBOUND), packet(CHDLC, slarp, OUTBOUND),
        packet(PPP, lcp), packet(PPP, lcp, INBOUND), packet(PPP, lcp, OUTBOUND),
        packet(NULL, struct.pack("<I", 99) + b"abcd"), packet(LOOP, struct.pack(">I", 99) + b"abcd"),
        packet(RAW, b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09"), packet(RAW, b"\x00\x01\x02"),
        packet(NULL, struct.pack("<I", 2) + bytes.fromhex("4500001c000100004011f9c80a0000010a000002") + udp(b"")[:8]),
        packet(ETHERNET, ether6(mobile)), packet(ETHERNET, ether6(srv6)), packet(ETHERNET, ether6(error)),
    ]
    # ICMPv6 errors, each code of Destination Unreachable (0-8), Time Exceeded (0-2), Parameter
    # Problem (0-4); then types packet-icmpv6.c has no case for ("Unknown (0)", "Private experimentation")
    for kind, codes in ((1, 9), (3, 3), (4, 5)):
        for code in range(codes):
            body = struct.pack("!BBHI", kind, code, 0, 0) + ipv6(ip6(1), ip6(2), 59, b"")
            frames.append(packet(ETHERNET, ether6(ipv6(ip6(2), ip6(1), 58, body))))
    for kind in (0, 5, 200, 255):
        body = struct.pack("!BBHI", kind, 0, 0, 0x01020304)
        frames.append(packet(ETHERNET, ether6(ipv6(ip6(2), ip6(1), 58, body))))
    shb = block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1))
    idbs = b"".join(block(1, struct.pack("<HHI", lt, 0, 65535)) for lt in LINKTYPES)
    DIR.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(shb + idbs + b"".join(frames))
    cols = subprocess.run(["tshark", "-n", "-r", str(OUT), "-T", "fields", "-e", "frame.number", "-e", "_ws.col.Source",
                           "-e", "_ws.col.Destination", "-e", "_ws.col.Protocol", "-e", "_ws.col.Info"],
                          capture_output=True, text=True, check=True).stdout
    TSV.write_text(cols)
    print(f"wrote {len(frames)} frames to {OUT} and tshark's columns to {TSV}")


if __name__ == "__main__":
    main()
