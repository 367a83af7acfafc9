#!/usr/bin/env python3
"""Writes test/fixtures/dnsrr/dnsrr-cases.pcap: DNS responses over UDP, one per resource record
type packet-dns.c decodes beyond the common ones: HINFO, RP, AFSDB, SRV (a real
_sip._udp.example.com owner, which Wireshark splits into service, protocol and name), NAPTR, DNAME,
SSHFP, NSEC (with a type bitmap of two windows), NSEC3, NSEC3PARAM, TLSA, DS and CDS, DNSKEY and
CDNSKEY (their flags and key id), OPENPGPKEY, SVCB in alias form (priority 0) and in service form
(mandatory, port, odohconfig and an unknown key), HTTPS (alpn h2,h3, no-default-alpn, port,
ipv4hint, ech and ipv6hint), SPF, EUI48, EUI64, CAA (issue, issuewild with the critical flag,
iodef and an unknown tag), LOC, TKEY, TSIG, and URI, a type packet-dns.c has no case for. tshark's
reading of it is test/fixtures/dnsrr/dnsrr-lines.json (scripts/make-layer-lines.py dnsrr).
Standard library only; the same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/dnsrr/dnsrr-cases.pcap"
PTR = b"\xc0\x0c"  # a pointer to the question's name


def name(n: str) -> bytes:
    if n == ".":
        return b"\0"
    return b"".join(bytes([len(p)]) + p.encode() for p in n.split(".")) + b"\0"


def cstr(s: bytes) -> bytes:
    """A <character-string> (RFC 1035 section 3.3): a length byte and the bytes."""
    return bytes([len(s)]) + s


def rr(owner: bytes, rtype: int, rdata: bytes, ttl: int = 3600, cls: int = 1) -> bytes:
    return owner + struct.pack("!HHIH", rtype, cls, ttl, len(rdata)) + rdata


def response(ident: int, qname: str, qtype: int, answers: list, additional: list = ()) -> bytes:
    return struct.pack("!HHHHHH", ident, 0x8180, 1, len(answers), 0, len(additional)) + \
        name(qname) + struct.pack("!HH", qtype, 1) + b"".join(answers) + b"".join(additional)


def bitmap(types: list) -> bytes:
    """An NSEC / NSEC3 type bitmap (RFC 4034 section 4.1.2): per window, its number, its length and its bits."""
    out = b""
    for window in sorted({t >> 8 for t in types}):
        bits = bytearray(32)
        for t in types:
            if t >> 8 == window:
                bits[(t & 0xFF) >> 3] |= 0x80 >> (t & 7)
        n = max(i for i, b in enumerate(bits) if b) + 1
        out += bytes([window, n]) + bytes(bits[:n])
    return out


def svcparam(key: int, value: bytes) -> bytes:
    return struct.pack("!HH", key, len(value)) + value


def seq(n: int, start: int = 0) -> bytes:
    return bytes((start + 7 * i) & 0xFF for i in range(n))


def main() -> None:
    v4 = lambda *a: bytes(a)  # noqa: E731
    v6a = bytes.fromhex("20010db8000000000000000000000001")
    v6b = bytes.fromhex("20010db8000000000000000000000002")
    ech = bytes.fromhex("0045fe0d0041") + seq(20, 3)
    cases = [
        response(0x3001, "host.example.com", 13, [rr(PTR, 13, cstr(b"INTEL") + cstr(b"LINUX"))]),
        response(0x3002, "example.com", 17, [rr(PTR, 17, name("admin.example.com") + name("info.example.com"))]),
        response(0x3003, "example.com", 18, [rr(PTR, 18, struct.pack("!H", 1) + name("afsdb.example.com"))]),
        response(0x3004, "_sip._udp.example.com", 33, [
            rr(PTR, 33, struct.pack("!HHH", 10, 60, 5060) + name("sip.example.com")),
            rr(PTR, 33, struct.pack("!HHH", 20, 0, 5061) + name("sip2.example.com"))]),
        response(0x3005, "example.com", 35, [
            rr(PTR, 35, struct.pack("!HH", 100, 10) + cstr(b"S") + cstr(b"SIP+D2U") + cstr(b"") + name("_sip._udp.example.com")),
            rr(PTR, 35, struct.pack("!HH", 100, 20) + cstr(b"U") + cstr(b"E2U+sip") + cstr(b"!^.*$!sip:info@example.com!") + name("."))]),
        response(0x3006, "old.example.com", 39, [rr(PTR, 39, name("other.example.net"))]),
        response(0x3007, "host.example.com", 44, [
            rr(PTR, 44, bytes([4, 2]) + seq(32, 1)),
            rr(PTR, 44, bytes([1, 1]) + seq(20, 9))]),
        response(0x3008, "example.com", 47, [rr(PTR, 47, name("a.example.com") + bitmap([1, 2, 6, 15, 16, 28, 46, 47, 48, 257]))]),
        response(0x3009, "example.com", 50, [rr(name("q3j9v2f0pq8cs0kdr3e0rc8ghnsbm3u4.example.com"), 50,
                                                bytes([1, 1]) + struct.pack("!H", 10) + cstr(bytes.fromhex("aabbccdd")) +
                                                cstr(seq(20, 5)) + bitmap([1, 28, 46]))]),
        response(0x300A, "example.com", 51, [rr(PTR, 51, bytes([1, 0]) + struct.pack("!H", 10) + cstr(bytes.fromhex("aabbccdd")))]),
        response(0x300B, "_443._tcp.example.com", 52, [rr(PTR, 52, bytes([3, 1, 1]) + seq(32, 2))]),
        response(0x300C, "example.com", 43, [rr(PTR, 43, struct.pack("!HBB", 0x4F66, 13, 2) + seq(32, 4))]),
        response(0x300D, "example.com", 59, [rr(PTR, 59, struct.pack("!HBB", 2371, 8, 2) + seq(32, 6))]),
        response(0x300E, "example.com", 48, [
            rr(PTR, 48, struct.pack("!HBB", 257, 3, 13) + seq(64, 8)),
            rr(PTR, 48, struct.pack("!HBB", 0x0180, 3, 8) + seq(40, 10)),
            rr(PTR, 48, struct.pack("!HBB", 0x0100, 3, 1) + seq(12, 11))]),
        response(0x300F, "example.com", 60, [rr(PTR, 60, struct.pack("!HBB", 257, 3, 15) + seq(32, 12))]),
        response(0x3010, "user.example.com", 61, [rr(PTR, 61, b"mQENBFq0key")]),
        response(0x3011, "_dns.example.com", 64, [rr(PTR, 64, struct.pack("!H", 0) + name("svc.example.net"))]),
        response(0x3012, "_8443._foo.example.com", 64, [rr(PTR, 64, struct.pack("!H", 16) + name("foo.example.org") +
                                                            svcparam(0, struct.pack("!HH", 1, 3)) +
                                                            svcparam(1, cstr(b"foo")) +
                                                            svcparam(3, struct.pack("!H", 8443)) +
                                                            svcparam(32769, seq(9, 1)) +
                                                            svcparam(7, b"/dns-query{?dns}") +
                                                            svcparam(65000, b""))]),
        response(0x3013, "www.example.com", 65, [rr(PTR, 65, struct.pack("!H", 1) + name(".") +
                                                     svcparam(1, cstr(b"h2") + cstr(b"h3")) +
                                                     svcparam(2, b"") +
                                                     svcparam(3, struct.pack("!H", 443)) +
                                                     svcparam(4, v4(192, 0, 2, 1) + v4(192, 0, 2, 2)) +
                                                     svcparam(5, ech) +
                                                     svcparam(6, v6a + v6b))],
                 [rr(name("www.example.com"), 1, v4(192, 0, 2, 1), 300)]),
        response(0x3014, "example.com", 99, [rr(PTR, 99, cstr(b"v=spf1 ip4:192.0.2.0/24") + cstr(b" -all"))]),
        response(0x3015, "host.example.com", 108, [rr(PTR, 108, bytes.fromhex("00005e0053aa"))]),
        response(0x3016, "host.example.com", 109, [rr(PTR, 109, bytes.fromhex("00005eef1000002a"))]),
        response(0x3017, "example.com", 257, [
            rr(PTR, 257, bytes([0]) + cstr(b"issue") + b"letsencrypt.org"),
            rr(PTR, 257, bytes([0x80]) + cstr(b"issuewild") + b";"),
            rr(PTR, 257, bytes([0]) + cstr(b"iodef") + b"mailto:security@example.com"),
            rr(PTR, 257, bytes([0]) + cstr(b"contactemail") + b"hostmaster@example.com")]),
        response(0x3018, "_http._tcp.example.com", 256, [rr(PTR, 256, struct.pack("!HH", 10, 1) + b"http://www.example.com/")]),
        response(0x3019, "example.com", 29, [rr(PTR, 29, bytes([0, 0x12, 0x16, 0x13]) +
                                                struct.pack("!III", 0x80000000 + 189765432, 0x80000000 - 266940000, 10000000 + 4200))]),
        response(0x301A, "example.com", 249, [rr(name("key.example.com"), 249, name("gss-tsig") +
                                                 struct.pack("!IIHHH", 1700000000, 1700086400, 2, 0, 4) + seq(4, 1) +
                                                 struct.pack("!H", 0), 0, 255)]),
        response(0x301B, "example.com", 1, [rr(PTR, 1, v4(192, 0, 2, 10))],
                 [rr(name("tsig-key.example.com"), 250, name("hmac-sha256") + struct.pack("!HIH", 0, 1700000000, 300) +
                     struct.pack("!H", 32) + seq(32, 3) + struct.pack("!HHH", 0x301B, 0, 0), 0, 255)]),
        # a TXT of UTF-8 and a control: ENC_ASCII, each byte past 0x7f as U+FFFD ("caf\ufffd\ufffd\001")
        response(0x301C, "example.com", 16, [rr(PTR, 16, cstr("café\x01".encode()))]),
    ]
    frames = []
    for k, msg in enumerate(cases):
        frames.append(craft.ether_ipv4(bytes([10, 0, 0, 53]), bytes([10, 0, 0, 10]), 17, craft.udp(53, 40000 + k, msg), ident=k + 1))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(craft.pcap(frames))


if __name__ == "__main__":
    main()
