#!/usr/bin/env python3
"""Writes test/fixtures/tls12/tls12-cases.pcap: TLS 1.2 handshakes made by Python's ssl module
(OpenSSL) between a client and a server with a self-signed RSA certificate, each over its own TCP
connection to port 443, each flight one segment: ECDHE-RSA (x25519); ECDHE-RSA on secp256r1 with a
second certificate (a four-attribute name, valid past 2049: a GeneralizedTime); the RSA key
exchange (both sides allow only AES128-GCM-SHA256); DHE-RSA (ffdhe2048 parameters; left out if
this OpenSSL refuses the suite); ECDHE-RSA on secp384r1 with a third certificate (PrintableStrings,
a locality and unit, a path length constraint, signed with SHA-384). Each session ends with a line
of application data each way. tshark's reading of it is test/fixtures/tls12/tls12-lines.json
(scripts/make-layer-lines.py tls12).

The certificates, their keys and the DH parameters are fixture files beside the capture, made
with the openssl command the first time (their validity dates are then fixed). TLS randoms, keys
and signatures differ on every run, so the capture is not reproducible byte for byte: the shipped
pcap is the fixture, and re-running this script means re-running make-layer-lines.py too.
Standard library (and the openssl command) only.
"""
import ssl
import struct
import subprocess
import tempfile
from pathlib import Path

import craft

DIR = Path(__file__).resolve().parent.parent / "test/fixtures/tls12"
OUT = DIR / "tls12-cases.pcap"
CERT, KEY, DH = DIR / "server-cert.pem", DIR / "server-key.pem", DIR / "dh-ffdhe2048.pem"
# a second certificate: a name of several attributes, valid past 2049 (a GeneralizedTime)
CERT2, KEY2 = DIR / "server2-cert.pem", DIR / "server2-key.pem"
# a third: PrintableStrings (OpenSSL's "default" string mask), a locality and unit, a path length
# constraint, signed with SHA-384
CERT3, KEY3 = DIR / "server3-cert.pem", DIR / "server3-key.pem"
CONFIG3 = """[req]
distinguished_name = dn
string_mask = default
x509_extensions = ext
prompt = no
[dn]
C = DE
L = Berlin
OU = Unit One
O = Org
CN = pr.example.net
[ext]
basicConstraints = critical,CA:TRUE,pathlen:0
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
"""
CLIENT, SERVER = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
SYN, ACK, PSH = 0x02, 0x10, 0x08


def make_keys() -> None:
    DIR.mkdir(parents=True, exist_ok=True)
    if not CERT.exists():
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(KEY), "-out", str(CERT),
                        "-days", "3650", "-subj", "/CN=www.example.com", "-sha256"], check=True, capture_output=True)
    if not CERT2.exists():
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(KEY2), "-out", str(CERT2),
                        "-days", "12000", "-subj", "/C=US/ST=California/O=Example Org/CN=test.example.org", "-sha256"],
                       check=True, capture_output=True)
    if not CERT3.exists():
        with tempfile.NamedTemporaryFile("w", suffix=".cnf") as cnf:
            cnf.write(CONFIG3)
            cnf.flush()
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(KEY3), "-out", str(CERT3),
                            "-days", "3650", "-config", cnf.name, "-sha384"], check=True, capture_output=True)
    if not DH.exists():
        subprocess.run(["openssl", "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048", "-out", str(DH)],
                       check=True, capture_output=True)


class Connection:
    """One TCP connection's segments, with sequence numbers."""

    def __init__(self, port: int, frames: list):
        self.port, self.frames = port, frames
        self.seq = {True: 1000, False: 5000}  # by "from client"
        self.segment(True, SYN, b"")
        self.segment(False, SYN | ACK, b"")
        self.segment(True, ACK, b"")

    def segment(self, from_client: bool, flags: int, data: bytes) -> None:
        src, dst = (CLIENT, SERVER) if from_client else (SERVER, CLIENT)
        sport, dport = (self.port, 443) if from_client else (443, self.port)
        seq, ack = self.seq[from_client], self.seq[not from_client]
        tcp = struct.pack("!HHIIBBHHH", sport, dport, seq, ack if flags != SYN else 0, 5 << 4, flags, 64240, 0, 0) + data
        self.frames.append(craft.ether_ipv4(src, dst, 6, tcp))
        self.seq[from_client] += len(data) + (1 if flags & SYN else 0)

    def send(self, from_client: bool, data: bytes) -> None:
        if data:
            self.segment(from_client, PSH | ACK, data)


def session(frames: list, port: int, client_ciphers: str = "", server_curve: str = "", cert: Path = CERT, key: Path = KEY) -> bool:
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(cert, key)
    server_ctx.load_dh_params(DH)
    if server_curve:
        server_ctx.set_ecdh_curve(server_curve)
    client_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    client_ctx.check_hostname = False
    client_ctx.verify_mode = ssl.CERT_NONE
    client_ctx.maximum_version = ssl.TLSVersion.TLSv1_2
    if client_ciphers:
        try:
            # (Python's default server list leaves the RSA key exchange out: the server offers the same)
            client_ctx.set_ciphers(client_ciphers)
            server_ctx.set_ciphers(client_ciphers)
        except ssl.SSLError:
            return False
    c_in, c_out, s_in, s_out = ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO()
    client = client_ctx.wrap_bio(c_in, c_out, server_hostname="www.example.com")
    server = server_ctx.wrap_bio(s_in, s_out, server_side=True)
    sub: list = []
    conn = Connection(port, sub)
    done = {True: False, False: False}
    try:
        for _ in range(10):
            for from_client, end, out, peer_in in ((True, client, c_out, s_in), (False, server, s_out, c_in)):
                if not done[from_client]:
                    try:
                        end.do_handshake()
                        done[from_client] = True
                    except ssl.SSLWantReadError:
                        pass
                data = out.read()
                conn.send(from_client, data)
                peer_in.write(data)
            if done[True] and done[False] and not c_out.pending and not s_out.pending:
                break
    except ssl.SSLError:
        return False
    client.write(b"GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n")
    data = c_out.read()
    conn.send(True, data)
    s_in.write(data)
    server.read()
    server.write(b"HTTP/1.1 204 No Content\r\n\r\n")
    conn.send(False, s_out.read())
    frames.extend(sub)
    return True


def main() -> None:
    make_keys()
    frames: list = []
    session(frames, 50001)                                           # ECDHE-RSA, x25519
    session(frames, 50002, server_curve="prime256v1", cert=CERT2, key=KEY2)  # ECDHE-RSA, secp256r1
    session(frames, 50003, client_ciphers="AES128-GCM-SHA256")       # RSA key exchange
    if not session(frames, 50004, client_ciphers="DHE-RSA-AES128-GCM-SHA256"):
        print("DHE-RSA refused by this OpenSSL: left out")
    session(frames, 50005, server_curve="secp384r1", cert=CERT3, key=KEY3)  # ECDHE-RSA, secp384r1
    OUT.write_bytes(craft.pcap(frames))
    print(f"wrote {len(frames)} frames to {OUT}")


if __name__ == "__main__":
    main()
