#!/usr/bin/env python3
"""Writes test/fixtures/radiotap/radiotap-cases.pcap (LINKTYPE_IEEE802_11_RADIOTAP): 802.11 frames
behind the radiotap headers of the PHYs Decapod's "802.11 radio information" computes airtime for:
802.11g (ERP-OFDM, short preamble), 802.11a at 5 GHz, an 802.11b channel with a long preamble, a
"dynamic CCK-OFDM" channel carrying a CCK rate, Atheros Super G, 802.11n MCS fields (40 MHz, short
guard interval, greenfield, LDPC, STBC, extension streams), an OFDM rate with no channel, TX flags
and power, and a header cut inside its fields. tshark's reading of it is
test/fixtures/radiotap/radiotap-lines.json (scripts/make-layer-lines.py radiotap). Standard library
only; the same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/radiotap/radiotap-cases.pcap"

# (present bit, alignment, struct format) of the fields used
FIELDS = {0: (8, "<Q"), 1: (1, "<B"), 2: (1, "<B"), 3: (2, "<HH"), 5: (1, "<b"), 6: (1, "<b"), 10: (1, "<b"), 11: (1, "<B"),
          14: (2, "<H"), 15: (2, "<H"), 17: (1, "<B"), 19: (1, "<BBB")}


def radiotap(values: dict) -> bytes:
    """A radiotap header with the fields `values` (bit -> tuple of values), aligned from its start."""
    present = sum(1 << b for b in values)
    body = bytearray()
    for bit in sorted(values):
        align, fmt = FIELDS[bit]
        while (8 + len(body)) % align:
            body.append(0)
        body += struct.pack(fmt, *values[bit])
    return struct.pack("<BBHI", 0, 0, 8 + len(body), present) + bytes(body)


AP = bytes.fromhex("02000000aa01")
STA = bytes.fromhex("02000000bb02")


def ack(fcs: bool) -> bytes:
    f = struct.pack("<HH", 0x00D4, 0) + STA
    return f + (struct.pack("<I", 0x12345678) if fcs else b"")


def data(fcs: bool, n: int = 100, seq: int = 5) -> bytes:
    # To DS data frame: LLC/SNAP, then IPv4 bytes as data
    hdr = struct.pack("<HH", 0x0108, 44) + AP + STA + AP + struct.pack("<H", seq << 4)
    body = bytes.fromhex("aaaa03000000") + b"\x08\x00" + craft.ipv4(bytes([10, 0, 0, 2]), bytes([10, 0, 0, 1]), 17, craft.udp(33000, 33001, bytes(n)))
    return hdr + body + (struct.pack("<I", 0x9ABCDEF0) if fcs else b"")


def qos_null() -> bytes:
    return struct.pack("<HH", 0x01C8, 48) + AP + STA + AP + struct.pack("<HH", 9 << 4, 0)


def main() -> None:
    tsf = 5_000_000
    frames = [
        # 802.11g: 2 GHz + OFDM, short preamble flag, 54 Mb/s, FCS at end
        radiotap({0: (tsf,), 1: (0x12,), 2: (108,), 3: (2437, 0x00C0), 5: (-40,), 6: (-95,)}) + data(True),
        # 802.11a: 5 GHz + OFDM, channel 36, 6 Mb/s, no FCS flag
        radiotap({0: (tsf + 900,), 1: (0x00,), 2: (12,), 3: (5180, 0x0140), 5: (-61,), 11: (1,)}) + ack(False),
        # 802.11b channel (2 GHz + CCK), long preamble, 11 Mb/s
        radiotap({0: (tsf + 2000,), 1: (0x10,), 2: (22,), 3: (2462, 0x00A0), 5: (-70,), 6: (-92,)}) + data(True, 300, 6),
        # "dynamic CCK-OFDM" (2 GHz + dynamic) with a CCK rate: shown as 802.11g, timed as 802.11b
        radiotap({0: (tsf + 3500,), 1: (0x10,), 2: (11,), 3: (2412, 0x0480)}) + ack(True),
        # Atheros Super G: 2 GHz + OFDM + turbo, 108 Mb/s
        radiotap({0: (tsf + 4000,), 1: (0x10,), 2: (216,), 3: (2437, 0x00D0)}) + ack(True),
        # 802.11n: everything known; 40 MHz, short GI, greenfield, LDPC, 1 STBC stream, 1 extension stream, MCS 15
        radiotap({0: (tsf + 6000,), 1: (0x10,), 3: (5200, 0x0140), 5: (-50,), 6: (-90,), 19: (0xFF, 0x01 | 0x04 | 0x08 | 0x10 | 0x20 | 0x80, 15)}) + data(True, 1200, 7),
        # 802.11n: only the index known (no rate, no duration)
        radiotap({0: (tsf + 7000,), 1: (0x10,), 19: (0x02, 0x00, 3)}) + qos_null() + struct.pack("<I", 0x01020304),
        # 802.11n: 20 MHz, long GI, MCS 7, nothing else known
        radiotap({0: (tsf + 8000,), 1: (0x10,), 19: (0x07, 0x00, 7)}) + data(True, 500, 8),
        # an OFDM rate without a channel (12 Mb/s), TX flags and power, data retries
        radiotap({0: (tsf + 9000,), 2: (24,), 10: (17,), 15: (0x0009,), 17: (2,)}) + data(False, 60, 9),
        # a DSSS rate without a channel (2 Mb/s) and no TSF: no start, end or IFS
        radiotap({2: (4,), 6: (-90,)}) + ack(False),
        # the header says 26 bytes, the capture holds 20
        radiotap({0: (tsf + 12000,), 1: (0x10,), 2: (2,), 3: (2412, 0x00A0), 5: (-30,), 6: (-90,), 14: (0,)})[:20],
    ]
    OUT.write_bytes(craft.pcap(frames, linktype=127))


if __name__ == "__main__":
    main()
