#!/usr/bin/env python3
"""Writes test/fixtures/ntp/ntp-cases.pcap: NTP packets that exercise what packet-ntp.c writes
in its tree: server packets with each stratum-1 reference code Wireshark names and some it does
not, higher strata's addresses (over IPv4 and IPv6), polling intervals in and out of 4..17,
precisions from 2^-128 to 2^127, the largest root delay and dispersion, every mode and version;
and requests with replies as packet-ntp.c pairs them (a reply whose Origin Timestamp differs
from the request's Transmit Timestamp, two requests in flight, a second reply, a reply in another
conversation, control messages matched by sequence number), and control replies with data and
status words of each kind. tshark's reading of it is
test/fixtures/ntp/ntp-lines.json (make-ntp-lines.sh beside it). Standard library only; the same
bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/ntp/ntp-cases.pcap"


def frame(ntp: bytes, sport: int = 123, dport: int = 123, src: int = 1, dst: int = 2, v6: bool = False) -> bytes:
    udp = struct.pack("!HHHH", sport, dport, 8 + len(ntp), 0) + ntp
    if v6:
        a = bytes.fromhex("20010db8" + "00" * 11 + "%02x" % src)
        b = bytes.fromhex("20010db8" + "00" * 11 + "%02x" % dst)
        return bytes([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x86, 0xDD]) + struct.pack("!IHBB", 0x60000000, len(udp), 17, 64) + a + b + udp
    return bytes([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0]) + craft.ipv4(bytes([10, 0, 0, src]), bytes([10, 0, 0, dst]), 17, udp)


def server(flags=0x24, stratum=1, ppoll=6, prec=0xEC, delay=0x00010000, disp=0x00008000, refid=b"GPS\0", org=(0, 0)) -> bytes:
    return struct.pack("!BBBBII4s", flags, stratum, ppoll, prec, delay, disp, refid) + bytes(8) + struct.pack("!II", *org) + bytes(16)


def client(xmt) -> bytes:
    return struct.pack("!BBBBII4s", 0x23, 0, 6, 0xEC, 0, 0, bytes(4)) + bytes(24) + struct.pack("!II", *xmt)


def control(response: bool, more: bool, seq: int, opcode: int = 2, status: int = 0, associd: int = 0, data: bytes = b"") -> bytes:
    flags2 = (0x80 if response else 0) | (0x20 if more else 0) | opcode
    return struct.pack("!BBHHHHH", 0x16, flags2, seq, status, associd, 0, len(data)) + data


# Control responses' data as packet-ntp.c's tvbparse grammar reads it: quoted values with an
# escaped quote, single quotes, an empty quoted value, bare names, a name with no value, values
# with spaces, line breaks, a value cut at the end of the data, and a character no rule takes
# (the parse stops there).
VARIABLES = [
    (2, 0, 0, b'version="ntpd 4.2.8p15", a=1, b="say \\"hi\\" now", c=\'single\', bare, d=, e=  spaced value  ,f="",\r\ng=end'),
    (2, 0x0618, 0, b'x=1, #bad, y=2'),
    (2, 0x0618, 0, b'  leading=1,\r\n  trailing'),
    (1, 0x9614, 48829, b'srcadr=10.0.0.1, srcport=123, filtdelay= 0.00 0.01'),
    (4, 0x0101, 48829, b'device="GPS NMEA", timecode="$GPRMC,1"'),
]


def main() -> None:
    frames = []
    for code in ["GOES", "GPS", "DCF", "WWVB", "LOCL", "1PPS", "FREE", "INIT", "NMEA", "BDS", "STEP", "RATE"]:
        frames.append(frame(server(refid=code.encode().ljust(4, b"\0"))))
    frames.append(frame(server(stratum=0, refid=bytes(4))))
    frames.append(frame(server(stratum=2, refid=bytes([10, 1, 2, 3]))))
    frames.append(frame(server(stratum=3, refid=bytes([10, 1, 2, 3])), v6=True))
    frames.append(frame(server(stratum=16, refid=bytes(4))))
    frames.append(frame(server(stratum=200, refid=bytes(4))))
    for p in [0, 3, 4, 17, 18, 255]:
        frames.append(frame(server(ppoll=p)))
    for p in [0x00, 0x01, 0xFA, 0x80, 0x7F, 0x46]:
        frames.append(frame(server(prec=p)))
    frames.append(frame(server(delay=0xFFFFFFFF, disp=0x80000000)))
    for flags in [0x21, 0x22, 0x25, 0x20, 0x3C, 0x04, 0x0C, 0x14]:
        frames.append(frame(server(flags=flags)))
    # requests and replies (client port 40001 …, server 123)
    pairs = [
        (40001, [("c", (100, 200)), ("s", (100, 200))]),  # the reply to the request
        (40002, [("c", (300, 400)), ("s", (300, 999))]),  # Origin Timestamp not the request's
        (40003, [("c", (500, 600)), ("s", (555, 600))]),
        (40006, [("c", (900, 1)), ("c", (901, 2)), ("s", (901, 2)), ("s", (900, 1))]),  # two in flight
        (40007, [("c", (1000, 1)), ("s", (1000, 1)), ("s", (1000, 1))]),  # a second reply
    ]
    for port, seq in pairs:
        for kind, t in seq:
            frames.append(frame(client(t), port, 123, 1, 2) if kind == "c" else frame(server(org=t), 123, port, 2, 1))
    frames.append(frame(client((700, 800)), 40004, 123, 1, 2))  # a reply in another conversation
    frames.append(frame(server(org=(700, 800)), 123, 40005, 2, 1))
    for response, more, seq in [(0, 0, 5), (1, 1, 5), (1, 0, 5), (0, 0, 6), (0, 0, 7), (1, 0, 7), (1, 0, 6), (1, 0, 9)]:
        frames.append(frame(control(bool(response), bool(more), seq), 123 if response else 40010, 40010 if response else 123, 2 if response else 1, 1 if response else 2))
    # responses with data: variables, system status pairs, a trap message
    for k, (opcode, status, associd, data) in enumerate(VARIABLES):
        frames.append(frame(control(True, False, 20 + k, opcode, status, associd, data), 123, 40011, 2, 1))
    pairs = struct.pack("!HHHHHH", 48829, 0x961A, 48828, 0x1414, 48827, 0x8011)
    frames.append(frame(control(True, False, 30, 1, 0x0618, 0, pairs), 123, 40011, 2, 1))
    frames.append(frame(control(True, False, 31, 7, 0x0618, 0, b"ntpd trap: leap second armed"), 123, 40011, 2, 1))
    # an error response (unknown variable name) and a set-trap response's plain status word
    frames.append(frame(control(True, False, 32, 0x42, 0x0500, 0), 123, 40011, 2, 1))
    frames.append(frame(control(True, False, 33, 6, 0x1234, 0), 123, 40011, 2, 1))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(craft.pcap(frames, step_usec=1000))


if __name__ == "__main__":
    main()
