#!/usr/bin/env python3
"""Writes test/fixtures/snmp/snmp-cases.pcap: SNMP as a monitoring system and the switches and
hypervisors it polls speak it (UDP 161, traps to 162): version 1 get, get-next, set and their
responses (one an error with its index), a version 1 trap with its enterprise, agent address and
trap numbers; version 2c get, get-bulk and responses carrying every value type (integers, text and
binary strings, OIDs, IP addresses, Counter32, Gauge32, TimeTicks, Counter64 past 2^53, Opaque,
noSuchObject / noSuchInstance / endOfMibView), a v2 trap, an inform and its response; version 3
messages (a discovery report, a plaintext scoped PDU with authentication parameters, an encrypted
one) with engine IDs of several formats; and damaged or foreign datagrams (cut short, a varbind
whose name is no OID, a payload that is no SNMP, which Wireshark's SNMP declines). tshark's reading
of it is test/fixtures/snmp/snmp-lines.json (scripts/make-layer-lines.py snmp). Standard library
only; the same bytes every run.
"""
import struct
from pathlib import Path

import craft
from ber import integer, octets, oid, tlv

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/snmp/snmp-cases.pcap"
NMS, SW, ESX = 1, 2, 3


def unsigned(v: int, tag: int) -> bytes:
    n = 1
    while v >= (1 << (8 * n - 1)):
        n += 1
    return tlv(tag, v.to_bytes(n, "big"))


NULL = b"\x05\x00"


def varbinds(*pairs) -> bytes:
    return tlv(0x30, b"".join(tlv(0x30, oid(o) + v) for o, v in pairs))


def pdu(tag: int, rid: int, binds: bytes, status: int = 0, index: int = 0) -> bytes:
    return tlv(tag, integer(rid) + integer(status) + integer(index) + binds)


def community(version: int, name: str, body: bytes) -> bytes:
    return tlv(0x30, integer(version) + octets(name) + body)


def v3(msg_id: int, flags: int, engine: bytes, user: str, scoped: bytes, auth: bytes = b"", priv: bytes = b"", boots: int = 0, time: int = 0) -> bytes:
    usm = tlv(0x30, octets(engine) + integer(boots) + integer(time) + octets(user) + octets(auth) + octets(priv))
    header = tlv(0x30, integer(msg_id) + integer(65507) + octets(bytes([flags])) + integer(3))
    return tlv(0x30, integer(3) + header + octets(usm) + scoped)


def scoped(engine: bytes, context: str, body: bytes) -> bytes:
    return tlv(0x30, octets(engine) + octets(context) + body)


def main() -> None:
    sys_descr, sys_uptime, sys_oid = "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.2.0"
    if_in, if_hc = "1.3.6.1.2.1.2.2.1.10.3", "1.3.6.1.2.1.31.1.1.1.6.3"
    engine_mac = bytes.fromhex("8000000903") + bytes.fromhex("00505611aa22")
    engine_ipv4 = bytes.fromhex("80001f8801") + bytes([192, 0, 2, 7])
    engine_text = bytes.fromhex("8000a3a304") + b"esx-07"
    engine_netsnmp = bytes.fromhex("80001f8880") + bytes.fromhex("1a2b3c4d") + struct.pack("<I", 1_700_000_000)
    datagrams = [
        (NMS, SW, 40001, 161, community(0, "public", pdu(0xA0, 1, varbinds((sys_descr, NULL), (sys_uptime, NULL))))),
        (SW, NMS, 161, 40001, community(0, "public", pdu(0xA2, 1, varbinds(
            (sys_descr, octets("Arista Networks EOS version 4.28.3M running on DCS-7050SX3")),
            (sys_uptime, unsigned(8_640_000, 0x43)))))),
        (NMS, SW, 40001, 161, community(0, "public", pdu(0xA1, 2, varbinds(("1.3.6.1.2.1.2.2.1.2", NULL))))),
        (SW, NMS, 161, 40001, community(0, "public", pdu(0xA2, 2, varbinds(("1.3.6.1.2.1.2.2.1.2.1", octets("Ethernet1")))))),
        (NMS, SW, 40001, 161, community(0, "private", pdu(0xA3, 3, varbinds(("1.3.6.1.2.1.1.6.0", octets("rack 12, row C")), ("1.3.6.1.2.1.1.4.0", integer(5)))))),
        (SW, NMS, 161, 40001, community(0, "private", pdu(0xA2, 3, varbinds(("1.3.6.1.2.1.1.6.0", octets("rack 12, row C")), ("1.3.6.1.2.1.1.4.0", integer(5))), status=2, index=2))),
        # v1 trap: linkDown from the switch (enterprise, agent address, generic 2, specific 0, time)
        (SW, NMS, 50000, 162, community(0, "public", tlv(0xA4, oid("1.3.6.1.4.1.30065") + tlv(0x40, bytes([10, 0, 0, 2])) + integer(2) + integer(0)
                                                          + unsigned(123_456, 0x43) + varbinds(("1.3.6.1.2.1.2.2.1.1.3", integer(3)))))),
        (NMS, SW, 40002, 161, community(1, "public", pdu(0xA0, 1234, varbinds((sys_oid, NULL), (if_in, NULL), (if_hc, NULL))))),
        (SW, NMS, 161, 40002, community(1, "public", pdu(0xA2, 1234, varbinds(
            (sys_oid, oid("1.3.6.1.4.1.30065.1.3011.7050.3741.2")),
            (if_in, unsigned(4_000_000_000, 0x41)),
            (if_hc, unsigned(2 ** 60 + 5, 0x46)))))),
        (NMS, SW, 40002, 161, community(1, "public", tlv(0xA5, integer(1235) + integer(0) + integer(3) + varbinds(("1.3.6.1.2.1.2.2.1.5", NULL))))),
        (SW, NMS, 161, 40002, community(1, "public", pdu(0xA2, 1235, varbinds(
            ("1.3.6.1.2.1.2.2.1.5.1", unsigned(10_000_000_000 // 1000, 0x42)),
            ("1.3.6.1.2.1.4.20.1.1.10.0.0.2", tlv(0x40, bytes([10, 0, 0, 2]))),
            ("1.3.6.1.2.1.2.2.1.6.1", octets(bytes.fromhex("001c73aabbcc"))),
            ("1.3.6.1.2.1.2.2.1.8.1", integer(-1)),
            ("1.3.6.1.4.1.2021.10.1.6.1", octets(bytes.fromhex("9f78040000803f"), 0x44)),
            ("1.3.6.1.2.1.1.9.0", b"\x80\x00"),
            ("1.3.6.1.2.1.1.9.1", b"\x81\x00"),
            ("1.3.6.1.2.1.1.9.2", b"\x82\x00"))))),
        # v2c trap and inform from a hypervisor
        (ESX, NMS, 50001, 162, community(1, "public", pdu(0xA7, 77, varbinds(
            (sys_uptime, unsigned(99_000, 0x43)), ("1.3.6.1.6.3.1.1.4.1.0", oid("1.3.6.1.6.3.1.1.5.3")), ("1.3.6.1.2.1.2.2.1.1.2", integer(2)))))),
        (ESX, NMS, 50001, 162, community(1, "public", pdu(0xA6, 78, varbinds(
            (sys_uptime, unsigned(99_100, 0x43)), ("1.3.6.1.6.3.1.1.4.1.0", oid("1.3.6.1.6.3.1.1.5.4")))))),
        (NMS, ESX, 162, 50001, community(1, "public", pdu(0xA2, 78, varbinds(
            (sys_uptime, unsigned(99_100, 0x43)), ("1.3.6.1.6.3.1.1.4.1.0", oid("1.3.6.1.6.3.1.1.5.4")))))),
        # v3: discovery (empty engine and user, reportable), the agent's report, a signed get, an encrypted one
        (NMS, ESX, 40003, 161, v3(9001, 0x04, b"", "", scoped(b"", "", pdu(0xA0, 5001, varbinds()))) ),
        (ESX, NMS, 161, 40003, v3(9001, 0x00, engine_text, "", scoped(engine_text, "", pdu(0xA8, 5001, varbinds(("1.3.6.1.6.3.15.1.1.4.0", unsigned(7, 0x41))))), boots=3, time=1234)),
        (NMS, ESX, 40003, 161, v3(9002, 0x05, engine_mac, "monitor", scoped(engine_mac, "", pdu(0xA0, 5002, varbinds((sys_descr, NULL)))),
                                  auth=bytes(range(12)), boots=3, time=1240)),
        (NMS, ESX, 40003, 161, v3(9003, 0x07, engine_ipv4, "monitor", octets(bytes(range(40, 80))), auth=bytes(range(12)), priv=bytes(8), boots=3, time=1241)),
        (NMS, ESX, 40003, 161, v3(9004, 0x04, engine_netsnmp, "", scoped(engine_netsnmp, "", pdu(0xA0, 5004, varbinds())))),
        # damaged: a response cut short, a varbind whose name is an INTEGER, a payload that is no SNMP
        (SW, NMS, 161, 40002, community(1, "public", pdu(0xA2, 1236, varbinds((sys_descr, octets("Arista Networks EOS")))))[:-9]),
        (SW, NMS, 161, 40002, community(1, "public", pdu(0xA2, 1237, tlv(0x30, tlv(0x30, integer(7) + NULL))))),
        (NMS, SW, 40004, 161, b"GET / HTTP/1.0\r\n\r\n"),
    ]
    frames = []
    for src, dst, sport, dport, payload in datagrams:
        frames.append(craft.ether_ipv4(bytes([10, 0, 0, src]), bytes([10, 0, 0, dst]), 17, craft.udp(sport, dport, payload), ident=len(frames) + 1))
    OUT.write_bytes(craft.pcap(frames, step_usec=1000))


if __name__ == "__main__":
    main()
