#!/usr/bin/env python3
"""Writes test/fixtures/expert/expert-cases.pcap: one packet per expert info that Wireshark's checks
of UDP and TCP headers and of STP's PVST+ TLVs raise (packet-udp.c, packet-tcp.c, packet-bpdu.c):
a UDP length below 8 and beyond the IP payload, a zero UDP checksum over IPv6, a TCP header length
below 20, a segment too short for a TCP header, a header longer than its segment, an urgent
pointer without URG, the option checks (window scale shift above 14, a length byte past the
options, a length below 2, an option past the options' end, a fixed option of the wrong length,
non-zero padding after End of Option List, AccECN's lengths, plain and in the experimental option,
the MSS option missing from a SYN or present in another segment), and PVST+ TLVs too short, too
long, of the wrong length for the Originating VLAN, of an unknown type; and UDP datagrams to and
from the ports traceroute probes, and beside them. tshark's reading of it is
test/fixtures/expert/expert-lines.json (make-expert-lines.sh beside it). Standard library only; the
same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/expert/expert-cases.pcap"

SYN, ACK, PSH = 0x02, 0x10, 0x08


def eth(payload: bytes, etype: int = 0x0800) -> bytes:
    return bytes([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1]) + struct.pack("!H", etype) + payload


def ipv4(proto: int, payload: bytes, ident: int) -> bytes:
    return craft.ipv4(bytes([192, 0, 2, 1]), bytes([192, 0, 2, 2]), proto, payload, ident, 0x4000)


def ipv6(nxt: int, payload: bytes) -> bytes:
    src = bytes.fromhex("20010db8000000000000000000000001")
    dst = bytes.fromhex("20010db8000000000000000000000002")
    return struct.pack("!IHBB", 0x60000000, len(payload), nxt, 64) + src + dst + payload


def udp(sport: int, dport: int, payload: bytes, length: int | None = None, checksum: int = 0x1234) -> bytes:
    ulen = 8 + len(payload) if length is None else length
    return struct.pack("!HHHH", sport, dport, ulen, checksum) + payload


def tcp(sport: int, flags: int, options: bytes = b"", payload: bytes = b"", offset: int | None = None, urgent: int = 0) -> bytes:
    words = (20 + len(options)) // 4 if offset is None else offset
    return struct.pack("!HHIIBBHHH", sport, 80, 1000, 0 if not flags & ACK else 2000, words << 4, flags, 64240, 0x1234, urgent) + options + payload


def main() -> None:
    frames: list[bytes] = []
    # UDP: a length below the header's 8 bytes, a length beyond the IP payload, a zero checksum over IPv6
    frames.append(eth(ipv4(17, udp(40001, 9999, b"abcd", length=0), 1)))
    frames.append(eth(ipv4(17, udp(40002, 9999, b"abcd", length=300), 2)))
    frames.append(eth(ipv6(17, udp(40003, 9999, b"abcd", checksum=0)), 0x86DD))
    # TCP's header: a data offset of 1 word (4 bytes), a segment of 12 bytes, urgent pointer without URG
    frames.append(eth(ipv4(6, tcp(50001, ACK, offset=1), 4)))
    frames.append(eth(ipv4(6, tcp(50002, ACK)[:12], 5)))
    frames.append(eth(ipv4(6, tcp(50003, ACK | PSH, payload=b"hello", urgent=3), 6)))
    # a header length of 24 bytes in a segment of 20
    frames.append(eth(ipv4(6, tcp(50004, ACK, offset=6), 7)))
    # TCP's options
    cases = [
        bytes([3, 3, 15, 1]),  # window scale shift 15
        bytes([1, 1, 1, 2]),  # MSS's kind in the last byte: its length byte is past the options
        bytes([2, 1, 1, 1]),  # MSS with a length of 1
        bytes([2, 10, 5, 180]),  # MSS whose length (10) runs past the 4 bytes of options
        bytes([2, 5, 5, 180, 0, 1, 1, 1]),  # MSS with a length of 5 (should be 4)
        bytes([1, 0, 1, 2]),  # End of Option List, then non-zero padding
        bytes([172, 3, 0, 1]),  # AccECN order 0 with a length of 3
        bytes([254, 5, 0xAC, 0xC0, 0, 1, 1, 1]),  # the experimental option with AccECN's ExID, length 5
        bytes([1, 1, 1, 99]),  # an unknown option's kind in the last byte
        bytes([99, 6, 0, 0]),  # an unknown option running past the options
        bytes([30, 1, 0, 0]),  # MPTCP with a length of 1
    ]
    for k, opts in enumerate(cases):
        frames.append(eth(ipv4(6, tcp(50010 + k, SYN, opts), 10 + k)))
    # the MSS option's presence: a SYN without options, a SYN/ACK without MSS, an ACK with MSS
    frames.append(eth(ipv4(6, tcp(50030, SYN), 30)))
    frames.append(eth(ipv4(6, tcp(50031, SYN | ACK, bytes([1, 3, 3, 7])), 31)))
    frames.append(eth(ipv4(6, tcp(50032, ACK, bytes([2, 4, 5, 180])), 32)))
    # Cisco PVST+ BPDUs (802.3, LLC SNAP, Cisco PID 0x010b): a configuration BPDU, then its TLVs
    for tlvs in [
        bytes([0, 0]),  # too short for a TLV; no Originating VLAN
        bytes([0, 0, 0, 8, 0, 1]),  # a TLV whose length runs past the BPDU
        bytes([0, 0, 0, 4, 0, 1, 0, 2]),  # Originating VLAN of 4 bytes (should be 2)
        bytes([0, 9, 0, 2, 0, 1]),  # an unknown TLV only
    ]:
        bpdu = bytes(4) + bytes([0]) + bytes(8) + bytes(4) + bytes(8) + bytes([0x80, 1]) + bytes(8) + b"\0" + tlvs
        llc = bytes([0xAA, 0xAA, 0x03, 0x00, 0x00, 0x0C, 0x01, 0x0B]) + bpdu
        frames.append(bytes([1, 0, 0x0C, 0xCC, 0xCC, 0xCD, 2, 0, 0, 0, 0, 1]) + struct.pack("!H", len(llc)) + llc)
    # traceroute's probes: ports 33435-33464 (three a hop), either port, and the ports beside them
    for sport, dport in [(42315, 33434), (42315, 33435), (42315, 33464), (42315, 33465), (33440, 53)]:
        frames.append(eth(ipv4(17, udp(sport, dport, bytes(12)), 40)))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(craft.pcap(frames))


if __name__ == "__main__":
    main()
