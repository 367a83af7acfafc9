#!/usr/bin/env python3
"""Writes test/fixtures/ldap/ldap-cases.pcap: LDAP as a directory client and server speak it on
TCP 389, exercising what packet-ldap.c writes in its tree and Info column: a simple bind and its
response; a search with a filter of every kind (and, or, not, equality, substrings, >=, <=,
present, approximate, extensible) and a paged-results control; search entries (printable and
binary values), a referral and the search's end in one segment ("[2 results]"); modify, add,
delete, modify DN, compare (each with its response, one a noSuchObject with a matched DN and a
message), abandon, an extended request and response, unbind; a message split over two segments,
two messages in one, a message whose length is in Windows' four-octet form; a SASL bind on a
second connection; and damaged messages (a length past the segment's end, a wrong tag). tshark's
reading of it is test/fixtures/ldap/ldap-lines.json (scripts/make-layer-lines.py ldap). Standard
library only; the same bytes every run.
"""
import struct
from pathlib import Path

import craft
from ber import integer, octets, tlv

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/ldap/ldap-cases.pcap"
C, S = bytes([192, 168, 10, 5]), bytes([192, 168, 10, 2])


def seq(*items: bytes) -> bytes:
    return tlv(0x30, b"".join(items))


def set_of(*items: bytes) -> bytes:
    return tlv(0x31, b"".join(items))


def enum(v: int) -> bytes:
    return integer(v, 0x0A)


def boolean(v: bool, tag: int = 0x01) -> bytes:
    return tlv(tag, b"\xff" if v else b"\x00")


def message(mid: int, op: bytes, controls: bytes = b"", long4: bool = False) -> bytes:
    return tlv(0x30, integer(mid) + op + controls, long4)


def result(tag: int, code: int, matched: str = "", text: str = "", extra: bytes = b"") -> bytes:
    return tlv(tag, enum(code) + octets(matched) + octets(text) + extra)


def ava(tag: int, attr: str, value) -> bytes:
    return tlv(tag, octets(attr) + octets(value))


def attribute(name: str, *values) -> bytes:
    return seq(octets(name), set_of(*(octets(v) for v in values)))


def control(oid: str, critical: bool | None = None, value: bytes | None = None) -> bytes:
    body = octets(oid)
    if critical is not None:
        body += boolean(critical)
    if value is not None:
        body += octets(value)
    return seq(body)


def controls(*items: bytes) -> bytes:
    return tlv(0xA0, b"".join(items))


def main() -> None:
    bind_simple = message(1, tlv(0x60, integer(3) + octets("cn=admin,dc=example,dc=com") + octets("secret", 0x80)))
    bind_ok = message(1, result(0x61, 0))
    flt = tlv(0xA0, b"".join([
        ava(0xA3, "objectClass", "person"),
        tlv(0xA1, ava(0xA5, "uid", "a") + ava(0xA6, "uidNumber", "5000")),
        tlv(0xA2, octets("mail", 0x87)),
        tlv(0xA4, octets("cn") + seq(octets("Jo", 0x80), octets("hn", 0x81), octets("Doe", 0x82))),
        ava(0xA8, "sn", "smith"),
        tlv(0xA9, octets("caseExactMatch", 0x81) + octets("cn", 0x82) + octets("Foo", 0x83)),
        tlv(0xA9, octets("2.5.13.5", 0x81) + octets("bar", 0x83) + boolean(True, 0x84)),
    ]))
    search = message(2, tlv(0x63, octets("dc=example,dc=com") + enum(2) + enum(3) + integer(100) + integer(0) + boolean(False)
                            + flt + seq(octets("cn"), octets("mail"), octets("objectGUID"))),
                     controls(control("1.2.840.113556.1.4.319", True, seq(integer(500), octets("")))))
    entry1 = message(2, tlv(0x64, octets("cn=John Doe,dc=example,dc=com") + seq(
        attribute("cn", "John Doe"), attribute("mail", "john@example.com", "jd@example.com"),
        attribute("objectGUID", bytes.fromhex("6a1f0c2e93d94b4e8a1b2c3d4e5f6071")))))
    entry2 = message(2, tlv(0x64, octets("cn=Jane Roe,dc=example,dc=com") + seq(attribute("cn", "Jane Roe"))))
    ref = message(2, tlv(0x73, octets("ldap://ldap2.example.com/dc=east,dc=example,dc=com")))
    done = message(2, result(0x65, 0), controls(control("1.2.840.113556.1.4.319", None, seq(integer(0), octets("")))))
    modify = message(3, tlv(0x66, octets("cn=John Doe,dc=example,dc=com") + seq(
        seq(enum(2), attribute("mail", "john.doe@example.com")),
        seq(enum(0), attribute("telephoneNumber", "+1 555 0100")),
        seq(enum(1), seq(octets("description"), set_of())))))
    modify_bad = message(3, result(0x67, 32, "dc=example,dc=com", "no such entry"))
    add = message(4, tlv(0x68, octets("cn=New User,ou=people,dc=example,dc=com") + seq(
        attribute("objectClass", "top", "person"), attribute("cn", "New User"), attribute("sn", "User"))))
    add_ok = message(4, result(0x69, 0))
    delete = message(5, octets("cn=Old User,ou=people,dc=example,dc=com", 0x4A))
    delete_ok = message(5, result(0x6B, 0))
    moddn = message(6, tlv(0x6C, octets("cn=New User,ou=people,dc=example,dc=com") + octets("cn=Renamed User")
                           + boolean(True) + octets("ou=staff,dc=example,dc=com", 0x80)))
    moddn_ok = message(6, result(0x6D, 0))
    compare = message(7, tlv(0x6E, octets("cn=John Doe,dc=example,dc=com") + seq(octets("sn"), octets("Doe"))))
    compare_true = message(7, result(0x6F, 6))
    abandon = message(8, integer(2, 0x50))
    whoami = message(9, tlv(0x77, octets("1.3.6.1.4.1.4203.1.11.3", 0x80)))
    whoami_ok = message(9, result(0x78, 0, extra=octets("1.3.6.1.4.1.4203.1.11.3", 0x8A) + octets("dn:cn=admin,dc=example,dc=com", 0x8B)))
    big = message(10, tlv(0x63, octets("ou=people,dc=example,dc=com") + enum(1) + enum(0) + integer(0) + integer(30) + boolean(True)
                          + ava(0xA3, "description", "x" * 1400) + seq()))
    windows = message(11, tlv(0x63, octets("") + enum(0) + enum(0) + integer(0) + integer(0) + boolean(False)
                              + octets("objectClass", 0x87) + seq(octets("namingContexts")), long4=True), long4=True)
    windows_done = message(11, result(0x65, 0))
    unbind = message(12, tlv(0x42, b""))
    truncated = message(13, tlv(0x63, octets("dc=example,dc=com") + enum(2) + enum(0) + integer(0) + integer(0) + boolean(False)
                                + octets("cn", 0x87) + seq()))[:-6] + b"\x30"  # a byte that is no field
    wrong = bytes.fromhex("3007020114") + b"\x99\x02\x00\x00"

    frames = []
    state = {}

    def send(src: bytes, dst: bytes, sport: int, dport: int, data: bytes, flags: int = 0x18) -> None:
        key = (src, sport)
        s = state.setdefault(key, 1000 + 7919 * len(state))
        a = state.setdefault((dst, dport), 1000 + 7919 * len(state))
        tcp = struct.pack("!HHIIBBHHH", sport, dport, s, a, 5 << 4, flags, 64240, 0, 0) + data
        ph = src + dst + struct.pack("!BBH", 0, 6, len(tcp))
        tcp = tcp[:16] + struct.pack("!H", craft.csum(ph + tcp)) + tcp[18:]
        macs = (bytes([2, 0, 0, 0, 0, 2]), bytes([2, 0, 0, 0, 0, 1])) if src == C else (bytes([2, 0, 0, 0, 0, 1]), bytes([2, 0, 0, 0, 0, 2]))
        frames.append(macs[0] + macs[1] + b"\x08\x00" + craft.ipv4(src, dst, 6, tcp, ident=len(frames) + 1))
        state[key] = s + len(data)

    def c(data: bytes) -> None:
        send(C, S, 50123, 389, data)

    def s(data: bytes) -> None:
        send(S, C, 389, 50123, data)

    c(bind_simple)
    s(bind_ok)
    c(search)
    s(entry1)
    s(entry2 + ref + done)
    c(modify)
    s(modify_bad)
    c(add)
    s(add_ok)
    c(delete + moddn)
    s(delete_ok + moddn_ok)
    c(compare)
    s(compare_true)
    c(abandon)
    c(whoami)
    s(whoami_ok)
    c(big[:700])
    c(big[700:])
    c(windows)
    s(windows_done)
    c(unbind)
    c(wrong)
    c(truncated)
    # a SASL bind (EXTERNAL, as over a client certificate) on a second connection
    send(C, S, 50124, 389, message(1, tlv(0x60, integer(3) + octets("") + tlv(0xA3, octets("EXTERNAL")))))
    send(S, C, 389, 50124, message(1, result(0x61, 0)))
    OUT.write_bytes(craft.pcap(frames, step_usec=1000))


if __name__ == "__main__":
    main()
