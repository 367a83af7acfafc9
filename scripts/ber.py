"""BER encoding (ITU-T X.690) for the scripts that write captures of ASN.1 protocols (LDAP, CLDAP,
SNMP, Kerberos): definite lengths in their shortest form, two's-complement integers, OIDs.
Standard-library Python."""
import struct


def length(n: int, long4: bool = False) -> bytes:
    """A definite length: short form below 0x80, else the fewest octets (four with `long4`, as
    Windows writes them)."""
    if long4:
        return b"\x84" + struct.pack("!I", n)
    if n < 0x80:
        return bytes([n])
    if n < 0x100:
        return bytes([0x81, n])
    return b"\x82" + struct.pack("!H", n)


def tlv(tag: int, value: bytes, long4: bool = False) -> bytes:
    return bytes([tag]) + length(len(value), long4) + value


def integer(v: int, tag: int = 0x02) -> bytes:
    """An INTEGER (or an implicitly tagged one) in the fewest two's-complement octets."""
    n = 1
    while not -(1 << (8 * n - 1)) <= v < (1 << (8 * n - 1)):
        n += 1
    return tlv(tag, v.to_bytes(n, "big", signed=True))


def octets(v, tag: int = 0x04) -> bytes:
    """An OCTET STRING (or an implicitly tagged one) of bytes or of a str's UTF-8."""
    return tlv(tag, v.encode() if isinstance(v, str) else v)


def oid(s: str, tag: int = 0x06) -> bytes:
    arcs = [int(x) for x in s.split(".")]
    out = bytes([arcs[0] * 40 + arcs[1]])
    for x in arcs[2:]:
        enc = [x & 0x7F]
        x >>= 7
        while x:
            enc.append(0x80 | (x & 0x7F))
            x >>= 7
        out += bytes(reversed(enc))
    return tlv(tag, out)
