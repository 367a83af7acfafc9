#!/usr/bin/env python3
"""Writes test/fixtures/radiotap/radiotap-cases.pcap (LINKTYPE_IEEE802_11_RADIOTAP): 802.11 frames
behind the radiotap headers of the PHYs Decapod's "802.11 radio information" computes airtime for:
802.11g (ERP-OFDM, short preamble), 802.11a at 5 GHz, an 802.11b channel with a long preamble, a
"dynamic CCK-OFDM" channel carrying a CCK rate, Atheros Super G, 802.11n MCS fields (40 MHz, short
guard interval, greenfield, LDPC, STBC, extension streams), an OFDM rate with no channel, TX flags
and power, a header cut inside its fields, and management frames whose elements (capabilities,
ERP, HT Capabilities and Information, WMM) set the bits ieee802.11_exthdr.pcap leaves clear, and a
WPA2 beacon's TIM, Country, QBSS Load, RSN and Extended Capabilities elements (8, 14 and 7
octets), and an 802.11ac beacon's Power Constraint, RM Enabled Capabilities, Supported Operating
Classes, VHT Capabilities and VHT Operation; an RTS and a CTS. tshark's reading of it is
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


def element(eid: int, body: bytes) -> bytes:
    return bytes([eid, len(body)]) + body


def ht_capabilities(info: int, ampdu: int, mcs: bytes, htex: int, txbf: int, asel: int) -> bytes:
    return element(45, struct.pack("<HB", info, ampdu) + mcs + struct.pack("<HIB", htex, txbf, asel))


def mcs_set(rx: bytes, highest: int, tx: int) -> bytes:
    return rx.ljust(10, b"\0") + struct.pack("<HB", highest, tx) + bytes(3)


def wmm(subtype: int, qos: int, acs: list | None = None) -> bytes:
    body = bytes.fromhex("0050f202") + bytes([subtype, 1, qos])
    if acs is not None:
        body += b"\0" + b"".join(struct.pack("<BBH", a, e, t) for a, e, t in acs)
    return element(221, body)


def mgmt(subtype: int, body: bytes, seq: int) -> bytes:
    hdr = struct.pack("<HH", subtype << 4, 0) + b"\xff" * 6 + AP + AP + struct.pack("<H", seq << 4)
    return hdr + body + struct.pack("<I", 0x0BADF00D)


def beacon(caps: int, elements: bytes, seq: int) -> bytes:
    return mgmt(8, struct.pack("<QHH", 123456789, 100, caps) + element(0, b"lab") + elements, seq)


def probe_request(elements: bytes, seq: int) -> bytes:
    return mgmt(4, element(0, b"") + elements, seq)


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
        # management elements: every capability bit set; HT Capabilities with four receive streams
        # and a transmit set of its own (3 streams, unequal modulation); HT Information; ERP with
        # protection; WMM Parameter with admission control on video and voice
        radiotap({0: (tsf + 20000,), 1: (0x10,), 2: (2,), 3: (2412, 0x00A0)}) + beacon(
            0xFFFF,
            element(42, b"\x07")
            + ht_capabilities(0xFFFF, 0xFF, mcs_set(b"\xff\xff\xff\xff\x01\xfe\xff\xff\xff\x1f", 0x3FF, 0x1B), 0xFFFF, 0xFFFFFFFF, 0xFF)
            + element(61, bytes([6, 0x0F]) + struct.pack("<HH", 0xFFFF, 0xFFFF) + mcs_set(b"\xff", 0, 0x01))
            + wmm(1, 0xFF, [(0x03, 0xA4, 0), (0x27, 0xA4, 0), (0x52, 0x43, 94), (0x72, 0x32, 47)]),
            20,
        ),
        # HT Capabilities with three receive streams and no transmit set; a WMM Information element from a station
        radiotap({0: (tsf + 21000,), 1: (0x10,), 2: (2,), 3: (2412, 0x00A0)}) + probe_request(
            ht_capabilities(0x0000, 0x00, mcs_set(b"\x00\x00\x0f", 0, 0x02), 0, 0, 0) + wmm(0, 0x6F), 21),
        # one receive stream, the transmit set equal to it; a WMM Information element from an AP
        radiotap({0: (tsf + 22000,), 1: (0x10,), 2: (2,), 3: (2412, 0x00A0)}) + beacon(
            0x0001, ht_capabilities(0x1234, 0x1B, mcs_set(b"\x80", 0x12, 0x01), 0x0102, 0x00010203, 0x55) + wmm(0, 0x81), 22),
        # a WPA2 network's beacon: TIM, Country (a channel triplet, an operating-class triplet,
        # padding), QBSS Load, RSN with two pairwise ciphers and management frame protection capable
        radiotap({0: (tsf + 23000,), 1: (0x10,), 2: (2,), 3: (2412, 0x00A0)}) + beacon(
            0x0411,
            element(5, bytes([1, 3, 0x01, 0x00, 0x02]))
            + element(7, b"DEI" + bytes([1, 13, 20, 201, 3, 0]) + b"\0")
            + element(11, struct.pack("<HBH", 12, 200, 0x0102))
            + element(48, struct.pack("<H", 1) + bytes.fromhex("000fac04") + struct.pack("<H", 2) + bytes.fromhex("000fac04000fac02")
                      + struct.pack("<H", 1) + bytes.fromhex("000fac02") + struct.pack("<H", 0x00CC))
            + element(127, bytes([0x04, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x40])),
            23,
        ),
        # Extended Capabilities of 14 octets: octets 8 and 9 as one word (an A-MSDU limit across
        # them), octet 13's bits, a 14th octet tshark does not show; and of 7, every bit set
        radiotap({0: (tsf + 24000,), 1: (0x10,), 2: (2,), 3: (2412, 0x00A0)}) + beacon(
            0x0401, element(127, bytes([0x05, 0x10, 0x88, 0x80, 0x20, 0x0E, 0x01]) + struct.pack("<H", 0xFF80) + bytes([0x5A, 0x0F, 0x03, 0xFF, 0xFF])), 24),
        radiotap({0: (tsf + 25000,), 1: (0x10,), 2: (2,), 3: (2412, 0x00A0)}) + beacon(0x0401, element(127, bytes([0xFF] * 7)), 25),
        # an 802.11ac access point's beacon at 5 GHz: Power Constraint, RM Enabled Capabilities,
        # Supported Operating Classes, VHT Capabilities and Operation
        radiotap({0: (tsf + 26000,), 1: (0x10,), 2: (12,), 3: (5180, 0x0140)}) + beacon(
            0x0111,
            element(32, bytes([3])) + element(70, bytes([0x73, 0xD0, 0x1C, 0x0F, 0x0C])) + element(59, bytes([115, 115, 118, 124]))
            + element(191, struct.pack("<IHHHH", 0x338B79B1, 0xFFFA, 0x2156, 0xFFEA, 0x2156))
            + element(192, bytes([1, 42, 0]) + struct.pack("<H", 0xFFFC)),
            26,
        ),
        # RTS (receiver and transmitter addresses) and CTS (receiver only)
        radiotap({0: (tsf + 27000,), 1: (0x10,), 2: (12,), 3: (5180, 0x0140)}) + struct.pack("<HH", 0x00B4, 300) + AP + STA + struct.pack("<I", 0x11223344),
        radiotap({0: (tsf + 27100,), 1: (0x10,), 2: (12,), 3: (5180, 0x0140)}) + struct.pack("<HH", 0x00C4, 250) + STA + struct.pack("<I", 0x55667788),
    ]
    OUT.write_bytes(craft.pcap(frames, linktype=127))


if __name__ == "__main__":
    main()
