#!/usr/bin/env python3
"""Writes test/fixtures/kerberos/kerberos-cases.pcap: Kerberos as an Active Directory client and
its domain controller speak it (RFC 4120; UDP and TCP 88): an AS-REQ without pre-authentication
(asking for a PAC), the KDC's KRB-ERROR PREAUTH_REQUIRED with the methods and salts it accepts,
the AS-REQ again with an encrypted timestamp, the AS-REP with its ticket; over TCP (record marks),
a TGS-REQ whose PA-TGS-REQ carries the AP-REQ (ticket and authenticator) for a file server's
service ticket, the TGS-REP split over two segments, and the errors an engineer looks for (clock
skew with its e-text, an unknown service principal); and a message cut short. tshark's reading of
it is test/fixtures/kerberos/kerberos-lines.json (scripts/make-layer-lines.py kerberos). Standard
library only; the same bytes every run.
"""
import struct
from pathlib import Path

import craft
from ber import integer, octets, tlv

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/kerberos/kerberos-cases.pcap"
CLIENT, KDC = bytes([10, 1, 0, 42]), bytes([10, 1, 0, 10])
REALM = "CORP.EXAMPLE.COM"


def ctx(n: int, v: bytes) -> bytes:
    return tlv(0xA0 | n, v)


def seq(*xs: bytes) -> bytes:
    return tlv(0x30, b"".join(xs))


def gstr(s: str) -> bytes:
    return tlv(0x1B, s.encode())


def flags(v: int) -> bytes:
    return tlv(3, b"\x00" + v.to_bytes(4, "big"))


def ktime(s: str) -> bytes:
    return tlv(0x18, s.encode())


def principal(t: int, *names: str) -> bytes:
    return seq(ctx(0, integer(t)), ctx(1, seq(*[gstr(x) for x in names])))


def padata(t: int, v: bytes) -> bytes:
    return seq(ctx(1, integer(t)), ctx(2, octets(v)))


def enc(etype: int, cipher: bytes, kvno: int | None = None) -> bytes:
    return seq(ctx(0, integer(etype)), *([ctx(1, integer(kvno))] if kvno is not None else []), ctx(2, octets(cipher)))


def blob(n: int, seed: int) -> bytes:
    return bytes((seed * 31 + k * 7) & 0xFF for k in range(n))


def ticket(sname: bytes, kvno: int, seed: int) -> bytes:
    return tlv(0x61, seq(ctx(0, integer(5)), ctx(1, gstr(REALM)), ctx(2, sname), ctx(3, enc(18, blob(64, seed), kvno))))


def req_body(options: int, sname: bytes, nonce: int, cname: bytes | None = None, addresses: bool = False) -> bytes:
    parts = [ctx(0, flags(options))]
    if cname is not None:
        parts.append(ctx(1, cname))
    parts += [ctx(2, gstr(REALM)), ctx(3, sname), ctx(5, ktime("20370913024805Z"))]
    if cname is not None:
        parts.append(ctx(6, ktime("20370913024805Z")))
    parts += [ctx(7, integer(nonce)), ctx(8, seq(integer(18), integer(17), integer(23), integer(-135)))]
    if addresses:
        parts.append(ctx(9, seq(seq(ctx(0, integer(20)), ctx(1, octets(b"WS042           "))))))
    return seq(*parts)


def kdc_req(tag: int, mtype: int, pa: list, body: bytes) -> bytes:
    parts = [ctx(1, integer(5)), ctx(2, integer(mtype))]
    if pa:
        parts.append(ctx(3, seq(*pa)))
    parts.append(ctx(4, body))
    return tlv(tag, seq(*parts))


def kdc_rep(tag: int, mtype: int, pa: list, cname: bytes, tkt: bytes, part: bytes) -> bytes:
    parts = [ctx(0, integer(5)), ctx(1, integer(mtype))]
    if pa:
        parts.append(ctx(2, seq(*pa)))
    parts += [ctx(3, gstr(REALM)), ctx(4, cname), ctx(5, tkt), ctx(6, part)]
    return tlv(tag, seq(*parts))


def krb_error(code: int, sname: bytes, e_text: str | None = None, e_data: bytes | None = None, ctime: bool = False) -> bytes:
    parts = [ctx(0, integer(5)), ctx(1, integer(30))]
    if ctime:
        parts += [ctx(2, ktime("20231114221000Z")), ctx(3, integer(5012))]
    parts += [ctx(4, ktime("20231114221320Z")), ctx(5, integer(123456)), ctx(6, integer(code)), ctx(9, gstr(REALM)), ctx(10, sname)]
    if e_text is not None:
        parts.append(ctx(11, gstr(e_text)))
    if e_data is not None:
        parts.append(ctx(12, octets(e_data)))
    return tlv(0x7E, seq(*parts))


def main() -> None:
    alice = principal(1, "alice")
    krbtgt = principal(2, "krbtgt", REALM)
    cifs = principal(2, "cifs", "fs01.corp.example.com")
    pac = padata(128, seq(ctx(0, tlv(1, b"\xff"))))
    as_req = kdc_req(0x6A, 10, [pac], req_body(0x40810010, krbtgt, 123456789, alice, addresses=True))
    etype_info2 = seq(seq(ctx(0, integer(18)), ctx(1, gstr(REALM + "alice"))), seq(ctx(0, integer(23))))
    preauth = krb_error(25, krbtgt, e_data=seq(padata(19, etype_info2), padata(2, b""), padata(16, b""), padata(15, b"")))
    as_req2 = kdc_req(0x6A, 10, [padata(2, enc(18, blob(56, 1))), pac], req_body(0x40810010, krbtgt, 123456790, alice))
    tgt = ticket(krbtgt, 2, 2)
    as_rep = kdc_rep(0x6B, 11, [padata(19, seq(seq(ctx(0, integer(18)), ctx(1, gstr(REALM + "alice")))))], alice, tgt, enc(18, blob(80, 3), 1))
    ap_req = tlv(0x6E, seq(ctx(0, integer(5)), ctx(1, integer(14)), ctx(2, flags(0)), ctx(3, tgt), ctx(4, enc(18, blob(48, 4)))))
    tgs_req = kdc_req(0x6C, 12, [padata(1, ap_req), padata(167, seq(ctx(0, flags(0x40000000))))], req_body(0x40810000, cifs, 987654321))
    tgs_rep = kdc_rep(0x6D, 13, [], alice, ticket(cifs, 7, 5), enc(18, blob(120, 6)))
    skew = krb_error(37, cifs, e_text="Clock skew too great", ctime=True)
    unknown = krb_error(7, principal(2, "cifs", "fs99.corp.example.com"))

    frames = []

    def udp(src: bytes, dst: bytes, sport: int, dport: int, payload: bytes) -> None:
        frames.append(craft.ether_ipv4(src, dst, 17, craft.udp(sport, dport, payload), ident=len(frames) + 1))

    seqs = {}

    def tcp(src: bytes, dst: bytes, sport: int, dport: int, data: bytes) -> None:
        s = seqs.setdefault((src, sport), 1000 + 5000 * len(seqs))
        a = seqs.setdefault((dst, dport), 1000 + 5000 * len(seqs))
        t = struct.pack("!HHIIBBHHH", sport, dport, s, a, 5 << 4, 0x18, 64240, 0, 0) + data
        frames.append(craft.ether_ipv4(src, dst, 6, t, ident=len(frames) + 1))
        seqs[(src, sport)] = s + len(data)

    def record(m: bytes) -> bytes:
        return struct.pack("!I", len(m)) + m

    udp(CLIENT, KDC, 51000, 88, as_req)
    udp(KDC, CLIENT, 88, 51000, preauth)
    udp(CLIENT, KDC, 51001, 88, as_req2)
    udp(KDC, CLIENT, 88, 51001, as_rep)
    tcp(CLIENT, KDC, 52000, 88, record(tgs_req))
    rep = record(tgs_rep)
    tcp(KDC, CLIENT, 88, 52000, rep[:100])
    tcp(KDC, CLIENT, 88, 52000, rep[100:])
    tcp(CLIENT, KDC, 52000, 88, record(tgs_req))
    tcp(KDC, CLIENT, 88, 52000, record(skew))
    udp(CLIENT, KDC, 51002, 88, tgs_req)
    udp(KDC, CLIENT, 88, 51002, unknown)
    udp(CLIENT, KDC, 51003, 88, as_req[:120])
    OUT.write_bytes(craft.pcap(frames, step_usec=1000))


if __name__ == "__main__":
    main()
