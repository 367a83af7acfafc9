#!/usr/bin/env python3
"""Writes test/fixtures/lldp/lldp-cases.pcap: LLDP frames as a hypervisor's uplinks receive them
from top-of-rack switches and send them itself: every chassis and port ID subtype (a MAC, an
interface name, a network address over IPv4 and IPv6, locally assigned text…), the optional TLVs
(port and system descriptions, system name, capabilities, management addresses over IPv4 and
IPv6 with and without an OID), IEEE 802.1's port VLAN, protocol VLAN, VLAN name, protocol identity
and link aggregation, IEEE 802.3's MAC/PHY status, power via MDI, link aggregation and maximum
frame size, a vendor's TLV Decapod does not know, a reserved TLV type, and damaged PDUs (a TLV
longer than the frame, a PDU without its End). tshark's reading of it is
test/fixtures/lldp/lldp-lines.json (scripts/make-layer-lines.py lldp). Standard library only; the
same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/lldp/lldp-cases.pcap"
DST = bytes([0x01, 0x80, 0xC2, 0, 0, 0x0E])


def tlv(t: int, v: bytes) -> bytes:
    return struct.pack("!H", (t << 9) | len(v)) + v


def org(oui: bytes, sub: int, v: bytes) -> bytes:
    return tlv(127, oui + bytes([sub]) + v)


IEEE1 = bytes([0x00, 0x80, 0xC2])
IEEE3 = bytes([0x00, 0x12, 0x0F])
END = tlv(0, b"")


def frame(src: bytes, *tlvs: bytes) -> bytes:
    return DST + src + b"\x88\xcc" + b"".join(tlvs)


def main() -> None:
    sw = bytes([0x00, 0x1C, 0x73, 0xAA, 0xBB, 0xCC])
    esx = bytes([0x00, 0x50, 0x56, 0x11, 0x22, 0x33])
    v6 = bytes.fromhex("20010db8000000000000000000000001")
    frames = [
        frame(sw,
              tlv(1, bytes([4]) + sw), tlv(2, bytes([5]) + b"Ethernet1/1"), tlv(3, struct.pack("!H", 120)),
              tlv(4, b"uplink to esx01 vmnic0"), tlv(5, b"leaf1.dc.example"), tlv(6, b"Arista Networks EOS version 4.28.3M"),
              tlv(7, struct.pack("!HH", 0x0014, 0x0014)),
              tlv(8, bytes([5, 1, 192, 0, 2, 1, 2]) + struct.pack("!I", 1000001) + bytes([0])),
              org(IEEE1, 1, struct.pack("!H", 100)),
              org(IEEE1, 3, struct.pack("!H", 200) + bytes([5]) + b"vlan2"),
              org(IEEE3, 1, bytes([3]) + struct.pack("!HH", 0x6C01, 30)),
              org(IEEE3, 4, struct.pack("!H", 9214)),
              org(IEEE1, 7, bytes([3]) + struct.pack("!I", 1000003)),
              org(IEEE3, 3, bytes([3]) + struct.pack("!I", 1000003)),
              org(bytes([0x00, 0x1C, 0x73]), 1, b"\x01\x02"),
              END),
        frame(esx, tlv(1, bytes([7]) + b"esx01.dc.example"), tlv(2, bytes([3]) + esx), tlv(3, struct.pack("!H", 180)), END),
        # the other chassis and port subtypes, network addresses, a management address over IPv6 with an OID
        frame(sw, tlv(1, bytes([5, 1, 192, 0, 2, 7])), tlv(2, bytes([4, 2]) + v6), tlv(3, struct.pack("!H", 0)),
              tlv(7, struct.pack("!HH", 0x00FF, 0x0004)),
              tlv(8, bytes([17, 2]) + v6 + bytes([3]) + struct.pack("!I", 7) + bytes([8]) + bytes([0x2B, 6, 1, 4, 1, 0x82, 0x37, 1])),
              org(IEEE1, 2, bytes([6]) + struct.pack("!H", 300)),
              org(IEEE1, 4, bytes([2, 0x88, 0x8E])),
              org(IEEE3, 2, bytes([0x0F, 1, 3])),
              END),
        frame(sw, tlv(1, bytes([1]) + b"chassis-1"), tlv(2, bytes([1]) + b"alias-1"), tlv(3, struct.pack("!H", 30)), END),
        frame(sw, tlv(1, bytes([2]) + b"ifalias"), tlv(2, bytes([2]) + b"port-component"), tlv(3, struct.pack("!H", 30)), END),
        frame(sw, tlv(1, bytes([3]) + b"portcomp"), tlv(2, bytes([6]) + b"circuit-7"), tlv(3, struct.pack("!H", 30)), END),
        frame(sw, tlv(1, bytes([6]) + b"eth0"), tlv(2, bytes([7]) + b"local-port"), tlv(3, struct.pack("!H", 30)),
              tlv(9, b"\x01\x02\x03"), END),
        # damaged: a TLV that runs past the frame; then a PDU without its End
        frame(sw, tlv(1, bytes([4]) + sw), tlv(2, bytes([5]) + b"Ethernet1/2"), tlv(3, struct.pack("!H", 120)), struct.pack("!H", (5 << 9) | 40) + b"short"),
        frame(sw, tlv(1, bytes([4]) + sw), tlv(2, bytes([5]) + b"Ethernet1/3"), tlv(3, struct.pack("!H", 120))),
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(craft.pcap(frames))


if __name__ == "__main__":
    main()
