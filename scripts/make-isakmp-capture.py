#!/usr/bin/env python3
"""Writes test/fixtures/isakmp/isakmp-cases.pcap: IKEv2 as two VPN gateways negotiate (RFC 7296;
UDP 500, then UDP 4500 after NAT detection): the initiator's IKE_SA_INIT with two proposals
(transforms with a key length attribute), its key exchange, nonce, NAT detection and fragmentation
notifies and a vendor ID; the responder's answer, and its NO_PROPOSAL_CHOSEN and INVALID_KE_PAYLOAD
refusals; then IKE_AUTH, CREATE_CHILD_SA and INFORMATIONAL exchanges, encrypted (SK payloads) and
carried on UDP 4500 behind the Non-ESP Marker; and a message cut short. tshark's reading of it is
test/fixtures/isakmp/isakmp-lines.json (scripts/make-layer-lines.py isakmp). Standard library
only; the same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/isakmp/isakmp-cases.pcap"
I, R = bytes([198, 51, 100, 1]), bytes([203, 0, 113, 9])
ISPI, RSPI = bytes.fromhex("a1b2c3d4e5f60718"), bytes.fromhex("0f1e2d3c4b5a6978")


def transform(last: bool, ttype: int, tid: int, key_length: int | None = None) -> bytes:
    attrs = struct.pack("!HH", 0x800E, key_length) if key_length is not None else b""
    return struct.pack("!BBHBBH", 0 if last else 3, 0, 8 + len(attrs), ttype, 0, tid) + attrs


def proposal(last: bool, num: int, proto: int, spi: bytes, transforms: list) -> bytes:
    t = b"".join(transforms)
    body = struct.pack("!BBBB", num, proto, len(spi), len(transforms)) + spi + t
    return struct.pack("!BBH", 0 if last else 2, 0, 4 + len(body)) + body


def chain(parts: list) -> tuple:
    out = b""
    for k, (ptype, body) in enumerate(parts):
        nxt = parts[k + 1][0] if k + 1 < len(parts) else 0
        out += struct.pack("!BBH", nxt, 0, 4 + len(body)) + body
    return (parts[0][0] if parts else 0), out


def ike(exchange: int, flags: int, mid: int, parts: list, rspi: bytes = RSPI) -> bytes:
    first, body = chain(parts)
    return struct.pack("!8s8sBBBBII", ISPI, rspi, first, 0x20, exchange, flags, mid, 28 + len(body)) + body


def sk(first_inner: int, n: int, seed: int) -> tuple:
    """An SK payload: its generic header's Next payload names the first encrypted payload."""
    return (46, bytes((seed + k * 11) & 0xFF for k in range(n)), first_inner)


def ike_sk(exchange: int, flags: int, mid: int, inner_first: int, n: int, seed: int) -> bytes:
    data = bytes((seed + k * 11) & 0xFF for k in range(n))
    return struct.pack("!8s8sBBBBII", ISPI, RSPI, 46, 0x20, exchange, flags, mid, 28 + 4 + n) + struct.pack("!BBH", inner_first, 0, 4 + n) + data


def notify(msg_type: int, data: bytes = b"", proto: int = 0, spi: bytes = b"") -> bytes:
    return struct.pack("!BBH", proto, len(spi), msg_type) + spi + data


def main() -> None:
    sa = proposal(False, 1, 1, b"", [transform(False, 1, 20, 256), transform(False, 2, 7), transform(True, 4, 31)]) \
        + proposal(True, 2, 1, b"", [transform(False, 1, 12, 128), transform(False, 3, 12), transform(False, 2, 5), transform(True, 4, 19)])
    ke = struct.pack("!HH", 31, 0) + bytes(range(32))
    init_req = ike(34, 0x08, 0, [(33, sa), (34, ke), (40, bytes(range(32))),
                                 (41, notify(16388, bytes(range(20)))), (41, notify(16389, bytes(range(20, 40)))),
                                 (41, notify(16430)), (43, bytes.fromhex("4048b7d56ebce88525e7de7f00d6c2d3"))], rspi=bytes(8))
    sa_r = proposal(True, 1, 1, b"", [transform(False, 1, 20, 256), transform(False, 2, 7), transform(True, 4, 31)])
    init_rep = ike(34, 0x20, 0, [(33, sa_r), (34, struct.pack("!HH", 31, 0) + bytes(range(100, 132))), (40, bytes(range(64, 96))),
                                 (41, notify(16388, bytes(20))), (41, notify(16389, bytes(20)))])
    no_proposal = ike(34, 0x20, 0, [(41, notify(14))])
    invalid_ke = ike(34, 0x20, 0, [(41, notify(17, struct.pack("!H", 19)))])

    frames = []

    def udp(src: bytes, dst: bytes, sport: int, dport: int, payload: bytes) -> None:
        frames.append(craft.ether_ipv4(src, dst, 17, craft.udp(sport, dport, payload), ident=len(frames) + 1))

    udp(I, R, 500, 500, init_req)
    udp(R, I, 500, 500, no_proposal)
    udp(R, I, 500, 500, invalid_ke)
    udp(I, R, 500, 500, init_req)
    udp(R, I, 500, 500, init_rep)
    marker = b"\x00\x00\x00\x00"
    udp(I, R, 4500, 4500, marker + ike_sk(35, 0x08, 1, 35, 240, 1))
    udp(R, I, 4500, 4500, marker + ike_sk(35, 0x20, 1, 36, 200, 2))
    udp(I, R, 4500, 4500, marker + ike_sk(36, 0x08, 2, 33, 180, 3))
    udp(R, I, 4500, 4500, marker + ike_sk(37, 0x00, 0, 0, 32, 4))
    udp(I, R, 4500, 4500, marker + ike_sk(37, 0x28, 0, 0, 32, 5))
    udp(I, R, 500, 500, init_req[:40])
    OUT.write_bytes(craft.pcap(frames, step_usec=1000))


if __name__ == "__main__":
    main()
