#!/usr/bin/env python3
"""Writes test/fixtures/cldap/cldap-cases.pcap: the "LDAP ping" of Active Directory's domain
controller locator (MS-ADTS 6.3.3) on UDP 389: a client's search for the Netlogon attribute with
its DnsDomain / Host / DomainGuid / NtVer filter, and the domain controller's answers — a
LOGON_SAM_LOGON_RESPONSE_EX with its flags, domain GUID, compressed DNS names, site names and, for
NtVer's V5EX_WITH_IP, the controller's socket address — then an older LOGON_SAM_LOGON_RESPONSE,
a ping with no answer and a datagram cut short. tshark's reading of it is
test/fixtures/cldap/cldap-lines.json (scripts/make-layer-lines.py cldap). Standard library only;
the same bytes every run.
"""
import struct
from pathlib import Path

import craft
from ber import integer, octets, tlv

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/cldap/cldap-cases.pcap"
CLIENT, DC = 20, 10


def message(mid: int, op: bytes) -> bytes:
    return tlv(0x30, integer(mid) + op)


def ava(attr: str, value) -> bytes:
    return tlv(0xA3, octets(attr) + octets(value))


def ping(mid: int, terms: list) -> bytes:
    flt = tlv(0xA0, b"".join(terms))
    return message(mid, tlv(0x63, octets("") + integer(0, 0x0A) + integer(0, 0x0A) + integer(0) + integer(0) + b"\x01\x01\x00"
                            + flt + tlv(0x30, octets("Netlogon"))))


def dns_name(name: str) -> bytes:
    out = b""
    for label in name.split("."):
        out += bytes([len(label)]) + label.encode()
    return out + b"\x00"


def pointer(offset: int) -> bytes:
    return struct.pack("!H", 0xC000 | offset)


def answer(mid: int, value: bytes) -> bytes:
    entry = message(mid, tlv(0x64, octets("") + tlv(0x30, tlv(0x30, octets("netlogon") + tlv(0x31, octets(value))))))
    done = message(mid, tlv(0x65, integer(0, 0x0A) + octets("") + octets("")))
    return entry + done


def main() -> None:
    guid = bytes.fromhex("6a1f0c2e93d94b4e8a1b2c3d4e5f6071")
    # LOGON_SAM_LOGON_RESPONSE_EX: the names compressed as DNS compresses them (offsets from the start)
    ex = struct.pack("<HHI", 23, 0, 0x0000F3FD) + guid
    forest_at = len(ex)
    ex += dns_name("corp.example.com")
    ex += b"\x02dc" + bytes([1]) + b"\x01" + b"" if False else b""
    ex += pointer(forest_at)                      # domain: the same name
    ex += b"\x04dc01" + pointer(forest_at)        # host dc01.corp.example.com
    ex += b"\x04CORP\x00"                         # NetBIOS domain
    ex += b"\x04DC01\x00"                         # NetBIOS host
    ex += b"\x00"                                 # user: none
    ex += b"\x17Default-First-Site-Name\x00"      # server site
    site_at = len(ex) - 25
    ex += pointer(site_at)                        # client site: the same
    ex += bytes([16]) + struct.pack("<HH", 2, 0) + bytes([192, 0, 2, DC]) + bytes(8)  # sockaddr_in
    ex += struct.pack("<IHH", 0x0000000E | 0x20000000, 0xFFFF, 0xFFFF)
    old = struct.pack("<H", 19) + "\\\\DC01".encode("utf-16-le") + b"\x00\x00" + "".encode("utf-16-le") + b"\x00\x00" \
        + "CORP".encode("utf-16-le") + b"\x00\x00" + struct.pack("<IHH", 0x00000001, 0xFFFF, 0xFFFF)
    datagrams = [
        (CLIENT, DC, 53000, 389, ping(1, [ava("DnsDomain", "corp.example.com"), ava("Host", "WS042"), ava("DomainGuid", guid),
                                          ava("NtVer", struct.pack("<I", 0x2000000E))])),
        (DC, CLIENT, 389, 53000, answer(1, ex)),
        (CLIENT, DC, 53001, 389, ping(2, [ava("DnsDomain", "corp.example.com"), ava("NtVer", struct.pack("<I", 0x00000001))])),
        (DC, CLIENT, 389, 53001, answer(2, old)),
        (CLIENT, DC, 53002, 389, ping(3, [ava("DnsDomain", "other.example.net"), ava("NtVer", struct.pack("<I", 0x00000016))])),
        (DC, CLIENT, 389, 53000, answer(4, ex)[:60]),
    ]
    frames = []
    for src, dst, sport, dport, payload in datagrams:
        frames.append(craft.ether_ipv4(bytes([192, 0, 2, src]), bytes([192, 0, 2, dst]), 17, craft.udp(sport, dport, payload), ident=len(frames) + 1))
    OUT.write_bytes(craft.pcap(frames, step_usec=1000))


if __name__ == "__main__":
    main()
