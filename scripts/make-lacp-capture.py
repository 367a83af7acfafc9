#!/usr/bin/env python3
"""Writes test/fixtures/lacp/lacp-cases.pcap: LACPDUs as a hypervisor's link aggregation
(a vSphere LAG, a Linux bond) exchanges them with its switch: an actor and partner negotiating
(the partner still unknown), both in sync, collecting and distributing, a short and a long
timeout, expired and defaulted states; a Marker PDU and its response (Slow Protocols subtype 2);
an LACPDU of version 2 and one cut short. tshark's reading of it is
test/fixtures/lacp/lacp-lines.json (scripts/make-layer-lines.py lacp). Standard library only; the same
bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/lacp/lacp-cases.pcap"
DST = bytes([0x01, 0x80, 0xC2, 0, 0, 0x02])


def info(tlv_type: int, prio: int, system: bytes, key: int, port_prio: int, port: int, state: int) -> bytes:
    return struct.pack("!BBH6sHHHB3s", tlv_type, 20, prio, system, key, port_prio, port, state, bytes(3))


def lacpdu(actor: bytes, partner: bytes, version: int = 1) -> bytes:
    return (bytes([1, version]) + actor + partner + struct.pack("!BBH12s", 3, 16, 0x8000, bytes(12))
            + struct.pack("!BB", 0, 0) + bytes(50))


def marker(kind: int, port: int, system: bytes, xid: int) -> bytes:
    return bytes([2, 1]) + struct.pack("!BBH6sI2s", kind, 16, port, system, xid, bytes(2)) + struct.pack("!BB", 0, 0) + bytes(90)


def frame(src: bytes, pdu: bytes) -> bytes:
    return DST + src + b"\x88\x09" + pdu


def main() -> None:
    esx = bytes([0x00, 0x50, 0x56, 0x11, 0x22, 0x33])
    sw = bytes([0x00, 0x1C, 0x73, 0xAA, 0xBB, 0xCC])
    frames = [
        frame(esx, lacpdu(info(1, 0xFFFF, esx, 13, 0xFF, 0x8001, 0x45), info(2, 0, bytes(6), 0, 0, 0, 0x00))),
        frame(sw, lacpdu(info(1, 0x8000, sw, 1000, 0x8000, 25, 0x3D), info(2, 0xFFFF, esx, 13, 0xFF, 0x8001, 0x45))),
        frame(esx, lacpdu(info(1, 0xFFFF, esx, 13, 0xFF, 0x8001, 0x3F), info(2, 0x8000, sw, 1000, 0x8000, 25, 0x3D))),
        frame(sw, lacpdu(info(1, 0x8000, sw, 1000, 0x8000, 25, 0xC2), info(2, 0xFFFF, esx, 13, 0xFF, 0x8001, 0x3F), version=2)),
        frame(esx, marker(1, 0x8001, esx, 7)),
        frame(sw, marker(2, 0x8001, esx, 7)),
        frame(esx, lacpdu(info(1, 0xFFFF, esx, 13, 0xFF, 0x8001, 0x3F), info(2, 0, bytes(6), 0, 0, 0, 0))[:30]),
    ]
    OUT.write_bytes(craft.pcap(frames))


if __name__ == "__main__":
    main()
