#!/usr/bin/env python3
"""Writes test/fixtures/tcp-analysis/tcp-analysis.pcap: TCP connections, one per case, that make
Wireshark's sequence analysis (packet-tcp.c, tcp_analyze_sequence_number) raise each of its flags:
retransmission, fast and spurious retransmission, out-of-order, a lost segment and the ACK of it,
duplicate ACKs, window update, window full, zero window, its probe and the probe's ACK, keep-alive
and its ACK, and TCP port numbers reused. The same connections also run inside VXLAN, where an
overlay capture carries them. tshark's reading of it is test/fixtures/tcp-analysis/tshark.tsv
(scripts/make-tcp-analysis-fixture.sh). Standard library only; the same bytes every run.
"""
import struct
import sys
from pathlib import Path

from craft import csum

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/tcp-analysis/tcp-analysis.pcap"

FIN, SYN, RST, PSH, ACK = 0x01, 0x02, 0x04, 0x08, 0x10


def ipv4(src: bytes, dst: bytes, proto: int, payload: bytes, ident: int) -> bytes:
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident & 0xFFFF, 0x4000, 64, proto, 0, src, dst)
    return hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:] + payload


def eth(dst: int, src: int, payload: bytes, etype: int = 0x0800) -> bytes:
    return bytes([2, 0, 0, 0, 0, dst]) + bytes([2, 0, 0, 0, 0, src]) + struct.pack("!H", etype) + payload


class Capture:
    def __init__(self) -> None:
        self.records: list[tuple[float, bytes]] = []
        self.t = 1_700_000_000.0
        self.ident = 1

    def add(self, frame: bytes, gap: float) -> None:
        self.t += gap
        self.records.append((self.t, frame))

    def write(self, path: Path) -> None:
        out = bytearray(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for t, frame in self.records:
            sec = int(t)
            usec = int(round((t - sec) * 1e6))
            out += struct.pack("<IIII", sec, usec, len(frame), len(frame)) + frame
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(bytes(out))


class Conn:
    """One TCP connection between a client (a) and a server (b); `vni` carries it in VXLAN."""

    def __init__(self, cap: Capture, n: int, port: int, vni: int | None = None, ws: int | None = None) -> None:
        self.cap = cap
        self.a = bytes([10, 0, n, 1])
        self.b = bytes([10, 0, n, 2])
        self.pa = 40000 + n
        self.pb = port
        self.vni = vni
        self.ws = ws
        self.isn = {True: 1000 * n + 17, False: 900000 * n + 5}
        self.seq = dict(self.isn)
        self.ack = {True: 0, False: 0}

    def seg(self, from_a: bool, flags: int, data: int = 0, win: int = 8192, seq: int | None = None,
            ack: int | None = None, gap: float = 0.001, opts: bytes = b"") -> None:
        """A segment of `data` bytes; seq defaults to the sender's next, ack to what it has seen."""
        s = self.seq[from_a] if seq is None else seq
        a = self.seq[not from_a] if ack is None else ack
        if not flags & ACK:
            a = 0
        hlen = 20 + len(opts)
        tcp = struct.pack("!HHIIBBHHH", self.pa if from_a else self.pb, self.pb if from_a else self.pa,
                          s & 0xFFFFFFFF, a & 0xFFFFFFFF, (hlen // 4) << 4, flags, win, 0, 0) + opts + bytes(data)
        src, dst = (self.a, self.b) if from_a else (self.b, self.a)
        pkt = ipv4(src, dst, 6, tcp, self.cap.ident)
        self.cap.ident += 1
        frame = eth(2 if from_a else 1, 1 if from_a else 2, pkt)
        if self.vni is not None:
            vx = struct.pack("!BBHI", 0x08, 0, 0, self.vni << 8) + frame
            udp = struct.pack("!HHHH", 50000 + self.vni % 1000, 4789, 8 + len(vx), 0) + vx
            frame = eth(0x20, 0x10, ipv4(bytes([192, 168, 0, 1]), bytes([192, 168, 0, 2]), 17, udp, self.cap.ident))
        self.cap.add(frame, gap)
        if seq is None:
            self.seq[from_a] = s + data + (1 if flags & (SYN | FIN) else 0)

    def handshake(self) -> None:
        wsopt = b"" if self.ws is None else bytes([3, 3, self.ws, 1])
        self.seg(True, SYN, opts=wsopt)
        self.seg(False, SYN | ACK, opts=wsopt)
        self.seg(True, ACK)


def main() -> None:
    cap = Capture()
    for base, vni in ((1, None), (21, 5001)):
        # 1: retransmission of data after a long silence, then its ACK
        c = Conn(cap, base, 80, vni)
        c.handshake()
        s = c.seq[True]
        c.seg(True, PSH | ACK, 100)
        c.seg(True, PSH | ACK, 100, seq=s, gap=1.0)
        c.seg(False, ACK)
        # 2: a segment not captured, the next one, and the ACK of both
        c = Conn(cap, base + 1, 80, vni)
        c.handshake()
        c.seg(True, PSH | ACK, 100)
        c.seq[True] += 100  # the lost segment
        c.seg(True, PSH | ACK, 100)
        c.seg(False, ACK)
        # 3: duplicate ACKs, then the fast retransmission of the segment they ask for
        c = Conn(cap, base + 2, 80, vni)
        c.handshake()
        s = c.seq[True]
        c.seg(False, ACK, gap=0.001)
        c.seq[True] += 100  # lost
        for _ in range(4):
            c.seg(True, ACK, 100, gap=0.001)
            c.seg(False, ACK, ack=s, gap=0.0005)
        c.seg(True, ACK, 100, seq=s, gap=0.001)
        c.seg(False, ACK)
        # 4: out of order: a segment that arrives just after the one that follows it
        c = Conn(cap, base + 3, 80, vni)
        c.handshake()
        s = c.seq[True]
        c.seg(True, ACK, 100, seq=s + 100, gap=0.01)
        c.seg(True, ACK, 100, seq=s, gap=0.0001)
        c.seq[True] = s + 200
        c.seg(False, ACK)
        # 5: zero window, a probe, its ACK, then the window opens
        c = Conn(cap, base + 4, 80, vni)
        c.handshake()
        c.seg(True, PSH | ACK, 1000)
        c.seg(False, ACK, win=0)
        c.seg(True, ACK, 1, gap=0.2)
        c.seq[True] -= 1  # the probe's byte is not taken
        c.seg(False, ACK, win=0, gap=0.001)
        c.seg(False, ACK, win=8192, gap=0.5)
        c.seg(True, PSH | ACK, 100)
        c.seg(False, ACK)
        # 6: keep-alive (one byte before the next sequence number) and its ACK
        c = Conn(cap, base + 5, 80, vni)
        c.handshake()
        c.seg(True, PSH | ACK, 50)
        c.seg(False, ACK)
        c.seg(True, ACK, 1, seq=c.seq[True] - 1, gap=10.0)
        c.seg(False, ACK)
        # 7: the sender fills the receiver's window
        c = Conn(cap, base + 6, 80, vni)
        c.handshake()
        c.seg(False, ACK, win=1000)
        c.seg(True, PSH | ACK, 500)
        c.seg(True, PSH | ACK, 500)
        c.seg(False, ACK, win=1000)
        # 8: spurious retransmission: data already ACKed is sent again
        c = Conn(cap, base + 7, 80, vni)
        c.handshake()
        s = c.seq[True]
        c.seg(True, PSH | ACK, 100)
        c.seg(False, ACK)
        c.seg(True, PSH | ACK, 100, seq=s, gap=0.3)
        # 9: window update: the same ACK with a larger window
        c = Conn(cap, base + 8, 80, vni, ws=2)
        c.handshake()
        c.seg(True, PSH | ACK, 100)
        c.seg(False, ACK, win=100)
        c.seg(False, ACK, win=4000)
        c.seg(True, FIN | ACK)
        c.seg(False, FIN | ACK)
        c.seg(True, ACK)
        # 10: the ports reused by a new connection with another ISN after the first closed
        c = Conn(cap, base + 9, 80, vni)
        c.handshake()
        c.seg(True, FIN | ACK)
        c.seg(False, FIN | ACK)
        c.seg(True, ACK)
        c.isn = {True: 777777, False: 555555}
        c.seq = dict(c.isn)
        c.handshake()
        c.seg(True, RST | ACK)
    cap.write(OUT if len(sys.argv) < 2 else Path(sys.argv[1]))


if __name__ == "__main__":
    main()
