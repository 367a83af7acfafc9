#!/usr/bin/env python3
"""Writes test/fixtures/x509/x509-cases.pcap: TLS 1.2 Server Hello, Certificate and Server Hello
Done messages over TCP port 443 (a connection each, its handshake first, no Client Hello: the
Certificate messages are what is checked), carrying certificates made with the openssl command:

  1. an RSA leaf (subjectAltName of two DNS names, an IPv4 and an IPv6 address, an email and a
     URI; keyUsage, extKeyUsage, CRL distribution points, authority information access, two
     certificate policies, one with a CPS qualifier) and the RSA CA that signed it (basic
     constraints, keyUsage keyCertSign and cRLSign);
  2. an EC P-256 leaf (ecdsa-with-SHA256, an SCT list extension) signed by an EC P-384
     intermediate, which an EC P-384 root signed (ecdsa-with-SHA384);
  3. a certificate with a nameConstraints extension, which Decapod's X.509 does not dissect
     (its one "Certificate: …" line);
  4. an RSA leaf of an EV-style subject (serialNumber, businessCategory, jurisdiction country)
     with the TLS feature and issuerAltName extensions and user notices (a notice reference and a
     UTF8String, a BMPString), and an EC P-521 leaf of a subject of domain components, an email
     address, a street and a postal code, whose authority key identifier names its issuer (a
     directoryName) and serial number too;
  5. an EC P-256 leaf with Active Directory Certificate Services' extensions.

Each subject is short enough for its "Certificate: …" line to stay under tshark's 240-byte
label limit (tshark cuts a longer line at 239 bytes, Decapod's labels at 239 characters: they
differ by the ellipsis's two extra bytes), and each frame holds fewer than 48 protocol layers
(Decapod's frame.protocols keeps 48).

The certificates and keys are fixture files beside the capture, made the first time (ECDSA
signatures and keys differ on every run): the pcap is then made from them byte for byte. tshark's
reading of it is test/fixtures/x509/x509-lines.json (scripts/make-layer-lines.py x509).
Standard library (and the openssl command) only.
"""
import base64
import struct
import subprocess
import tempfile
from pathlib import Path

import craft

DIR = Path(__file__).resolve().parent.parent / "test/fixtures/x509"
OUT = DIR / "x509-cases.pcap"
CLIENT, SERVER = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
SYN, ACK, PSH = 0x02, 0x10, 0x08



def sct(log_id: bytes, msec: int) -> bytes:
    """A made-up v1 SCT (RFC 6962 section 3.2) of a log, with no extensions and a signature of fixed bytes."""
    body = (bytes([0]) + log_id + struct.pack("!Q", msec) + struct.pack("!H", 0) + bytes([4, 3]) + struct.pack("!H", 8)
            + bytes(range(0x30, 0x38)))
    return struct.pack("!H", len(body)) + body


# An SCT list (RFC 6962 section 3.3) of two: Google's Argon2017 log, which tshark names, and an unknown log
SCTS = sct(bytes.fromhex("fad4c97cc49ee2f8ac85c5ea5cea09d0220dbbf4e49c6b50662ff868f86b8c28"), 1_700_000_000_123) \
    + sct(bytes(range(0xA0, 0xC0)), 1_700_000_001_000)
SCT_LIST = struct.pack("!H", len(SCTS)) + SCTS
SCT_EXT = "1.3.6.1.4.1.11129.2.4.2 = DER:04%02X%s" % (len(SCT_LIST), SCT_LIST.hex().upper())



def tlv(tag: int, body: bytes) -> bytes:
    n = len(body)
    return bytes([tag]) + (bytes([n]) if n < 0x80 else bytes([0x81, n]) if n < 0x100 else bytes([0x82]) + struct.pack("!H", n)) + body


def oid(dotted: str) -> bytes:
    arcs = [int(a) for a in dotted.split(".")]
    out = bytes([40 * arcs[0] + arcs[1]])
    for a in arcs[2:]:
        enc = [a & 0x7F]
        while a > 0x7F:
            a >>= 7
            enc.insert(0, 0x80 | (a & 0x7F))
        out += bytes(enc)
    return tlv(6, out)


def seq(*parts: bytes) -> bytes:
    return tlv(0x30, b"".join(parts))


# certificatePolicies with user notices (RFC 5280 section 4.2.1.4), written as DER: openssl's
# "BMP:" explicitText keeps the ASCII bytes under a BMPString tag. A notice reference (a
# VisibleString and two numbers) with a UTF8String, and a BMPString of two-byte characters.
UNOTICE = "1.3.6.1.5.5.7.2.2"
POLICIES = seq(
    seq(oid("2.23.140.1.1")),
    seq(oid("1.3.6.1.4.1.99999.2.1"), seq(seq(oid(UNOTICE), seq(
        seq(tlv(26, b"Example Org"), seq(tlv(2, b"\x01"), tlv(2, b"\x02"))), tlv(12, b"Test certificate: no reliance"))))),
    seq(oid("1.3.6.1.4.1.99999.2.2"), seq(seq(oid(UNOTICE), seq(tlv(30, "Two-byte text".encode("utf-16-be")))))))
POLICIES_EXT = "certificatePolicies = DER:%s" % POLICIES.hex().upper()

# Active Directory Certificate Services' extensions: the template's name (v1 templates), the CA
# version and previous CA certificate's hash (CA certificates), the template (v2: its OID and
# versions) and the application policies
MS_EXT = "\n".join([
    "1.3.6.1.4.1.311.20.2 = ASN1:BMPSTRING:DomainController",
    "1.3.6.1.4.1.311.21.1 = ASN1:INTEGER:65537",
    "1.3.6.1.4.1.311.21.2 = DER:%s" % tlv(4, bytes(range(0xA0, 0xB4))).hex().upper(),
    "1.3.6.1.4.1.311.21.7 = DER:%s" % seq(oid("1.3.6.1.4.1.311.21.8.4002491.15786525.14437535.12214986.9714280.199.13066834"),
                                         tlv(2, b"\x64"), tlv(2, b"\x02")).hex().upper(),
    "1.3.6.1.4.1.311.21.10 = DER:%s" % seq(seq(oid("1.3.6.1.5.5.7.3.1")), seq(oid("1.3.6.1.5.5.7.3.2"))).hex().upper(),
])

# name: (key, subject, issuer name (None: self-signed), digest, extensions)
CERTS = {
    "root-rsa": ("rsa:2048", "/C=US/O=Decapod Test/CN=Decapod Test RSA Root", None, "sha256", """
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
"""),
    "leaf-rsa": ("rsa:2048", "/C=US/ST=California/O=Example Org/CN=www.example.com", "root-rsa", "sha256", """
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth,clientAuth
subjectAltName = DNS:www.example.com,DNS:example.com,IP:192.0.2.10,IP:2001:db8::10,email:admin@example.com,URI:https://www.example.com/
crlDistributionPoints = URI:http://crl.example.com/root.crl
authorityInfoAccess = OCSP;URI:http://ocsp.example.com,caIssuers;URI:http://ca.example.com/root.crt
certificatePolicies = 2.23.140.1.2.2,@cps
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[cps]
policyIdentifier = 1.3.6.1.4.1.99999.1.1
CPS.1 = https://www.example.com/cps
"""),
    "root-ec384": ("ec:secp384r1", "/C=US/O=Decapod Test/CN=Decapod Test EC Root", None, "sha384", """
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
"""),
    "int-ec384": ("ec:secp384r1", "/C=US/O=Decapod Test/CN=Decapod Test EC Intermediate", "root-ec384", "sha384", """
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,digitalSignature,keyCertSign,cRLSign
extendedKeyUsage = serverAuth,clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
"""),
    "leaf-ec256": ("ec:prime256v1", "/C=US/O=Example Org/CN=ec.example.com", "int-ec384", "sha256", """
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:ec.example.com
authorityInfoAccess = OCSP;URI:http://ocsp.example.com
certificatePolicies = 2.23.140.1.2.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
""" + SCT_EXT + "\n"),
    "name-constraints": ("rsa:2048", "/CN=Decapod Test Constrained CA", None, "sha256", """
basicConstraints = critical,CA:TRUE
nameConstraints = critical,permitted;DNS:example.com
subjectKeyIdentifier = hash
"""),
    "ev-rsa": ("rsa:2048", "/jurisdictionC=US/businessCategory=Private Organization/serialNumber=1234567/CN=ev.example.com",
               "root-rsa", "sha256", """
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:ev.example.com
issuerAltName = URI:http://ca.example.com/
tlsfeature = status_request
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
""" + POLICIES_EXT + "\n"),
    "dc-ec521": ("ec:secp521r1", "/DC=com/DC=example/emailAddress=a@example.com/street=1 Main St/postalCode=94105/CN=host.example.com",
                 "int-ec384", "sha384", """
keyUsage = critical,digitalSignature,keyAgreement
extendedKeyUsage = clientAuth,emailProtection
subjectAltName = email:a@example.com,IP:10.1.2.3
authorityKeyIdentifier = keyid:always,issuer:always
"""),
    "adcs-ec256": ("ec:prime256v1", "/DC=com/DC=corp/CN=dc01.corp.example.com", "root-rsa", "sha256", """
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth,clientAuth
subjectAltName = DNS:dc01.corp.example.com
""" + MS_EXT + "\n"),
}
# the certificate list of each server's Certificate message
# (the last, five certificates in one message, calls x509af, x509sat and x509ce more than 48 times:
# frame.protocols lists every call)
CHAINS = [["leaf-rsa", "root-rsa"], ["leaf-ec256", "int-ec384", "root-ec384"], ["name-constraints"], ["ev-rsa", "dc-ec521"], ["adcs-ec256"],
          ["leaf-rsa", "ev-rsa", "leaf-ec256", "int-ec384", "root-ec384"]]


def make_certs() -> None:
    """The keys and certificates in CERTS that are not there yet, each signed by its issuer."""
    DIR.mkdir(parents=True, exist_ok=True)
    for serial, (name, (key, subject, issuer, digest, ext)) in enumerate(CERTS.items(), start=0x1001):
        cert, keyfile = DIR / f"{name}-cert.pem", DIR / f"{name}-key.pem"
        if cert.exists():
            continue
        algo, _, opt = key.partition(":")
        genkey = ["openssl", "genpkey", "-out", str(keyfile)] + (
            ["-algorithm", "RSA", "-pkeyopt", f"rsa_keygen_bits:{opt}"] if algo == "rsa"
            else ["-algorithm", "EC", "-pkeyopt", f"ec_paramgen_curve:{opt}", "-pkeyopt", "ec_param_enc:named_curve"])
        subprocess.run(genkey, check=True, capture_output=True)
        with tempfile.TemporaryDirectory() as tmp:
            extfile, csr = Path(tmp) / "ext.cnf", Path(tmp) / "req.csr"
            extfile.write_text("[ext]\n" + ext.lstrip("\n"))
            subprocess.run(["openssl", "req", "-new", "-key", str(keyfile), "-subj", subject, "-out", str(csr)],
                           check=True, capture_output=True)
            sign = (["-signkey", str(keyfile)] if issuer is None
                    else ["-CA", str(DIR / f"{issuer}-cert.pem"), "-CAkey", str(DIR / f"{issuer}-key.pem")])
            subprocess.run(["openssl", "x509", "-req", "-in", str(csr), "-out", str(cert), "-days", "3650", f"-{digest}",
                            "-set_serial", str(serial), "-extfile", str(extfile), "-extensions", "ext"] + sign,
                           check=True, capture_output=True)


def der(name: str) -> bytes:
    pem = (DIR / f"{name}-cert.pem").read_text()
    body = pem.split("-----BEGIN CERTIFICATE-----")[1].split("-----END CERTIFICATE-----")[0]
    return base64.b64decode("".join(body.split()))


def handshake(kind: int, body: bytes) -> bytes:
    return bytes([kind]) + struct.pack("!I", len(body))[1:] + body


def server_flight(chain: list, extensions: bool = True) -> bytes:
    """One TLS 1.2 record of a Server Hello (ECDHE-RSA-AES128-GCM-SHA256, an empty renegotiation_info
    extension, or none: the hello then ends after its compression method), Certificate and Server
    Hello Done."""
    hello = handshake(2, b"\x03\x03" + bytes(range(32)) + b"\x00" + b"\xc0\x2f" + b"\x00" + (bytes.fromhex("0005ff01000100") if extensions else b""))
    certs = b"".join(struct.pack("!I", len(d))[1:] + d for d in map(der, chain))
    msgs = hello + handshake(11, struct.pack("!I", len(certs))[1:] + certs) + handshake(14, b"")
    return b"\x16\x03\x03" + struct.pack("!H", len(msgs)) + msgs


def connection(frames: list, port: int, data: bytes) -> None:
    """A TCP handshake from the client's `port` to 443, then `data` from the server in one segment."""
    seq = {True: 1000, False: 5000}
    for from_client, flags, payload in ((True, SYN, b""), (False, SYN | ACK, b""), (True, ACK, b""), (False, PSH | ACK, data)):
        src, dst = (CLIENT, SERVER) if from_client else (SERVER, CLIENT)
        sport, dport = (port, 443) if from_client else (443, port)
        ack = 0 if flags == SYN else seq[not from_client]
        tcp = struct.pack("!HHIIBBHHH", sport, dport, seq[from_client], ack, 5 << 4, flags, 64240, 0, 0) + payload
        frames.append(craft.ether_ipv4(src, dst, 6, tcp))
        seq[from_client] += len(payload) + (1 if flags & SYN else 0)


def main() -> None:
    make_certs()
    frames: list = []
    for k, chain in enumerate(CHAINS):
        connection(frames, 50001 + k, server_flight(chain))
    # a Server Hello without extensions (its JA3S lists none: "771,49199,")
    connection(frames, 50001 + len(CHAINS), server_flight(["root-rsa"], extensions=False))
    OUT.write_bytes(craft.pcap(frames))
    print(f"wrote {len(frames)} frames to {OUT}")


if __name__ == "__main__":
    main()
