#!/usr/bin/env python3
"""Writes test/fixtures/httpbody/httpbody-cases.pcap: one HTTP/1.1 connection whose requests and
responses carry what packet-http.c decodes in a body or header: Basic credentials ("Credentials:
user:pass"), a chunked response whose body is gzip ("Content-encoded entity body (gzip): 45 bytes ->
32 bytes", then the HTML as text), a deflate (zlib) JSON body, a form POST
(application/x-www-form-urlencoded: "Form item: "user" = "alice"", percent-decoding), a redirect,
a 304, a 404 with a text body, a UTF-8 text body with invalid bytes, and a gzip body that is damaged ("[Error: Decompression failed]").
tshark's reading of it is test/fixtures/httpbody/httpbody-lines.json (scripts/make-layer-lines.py
httpbody). Standard library only; the same bytes every run (gzip with mtime 0).
"""
import gzip
import struct
import zlib
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/httpbody/httpbody-cases.pcap"
A, B = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
# a text body's lines as format_text shows them: UTF-8, an invalid byte as U+FFFD, controls escaped
UTF8_TEXT = "café ü — 日本\n".encode() + b"bad \xff\xfe bytes\tand tab\x01\n"


def segment(src: bytes, dst: bytes, sport: int, dport: int, flags: int, seq: int, ack: int, payload: bytes = b"") -> bytes:
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, 64240, 0, 0) + payload
    return craft.ether_ipv4(src, dst, 6, tcp)


def main() -> None:
    html = gzip.compress(b"<html><body>Hello</body></html>\n", mtime=0)
    chunked = b"%x\r\n" % len(html) + html + b"\r\n0\r\n\r\n"
    json_body = zlib.compress(b'{"status":"ok","items":[1,2,3]}')
    exchanges = [
        (b"GET /index.html?q=1&lang=en HTTP/1.1\r\nHost: www.example.com\r\nAccept-Encoding: gzip, deflate\r\n"
         b"Authorization: Basic dXNlcjpwYXNz\r\nConnection: keep-alive\r\n\r\n",
         b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n"
         b"Content-Encoding: gzip\r\n\r\n" + chunked),
        (b"GET /api/items HTTP/1.1\r\nHost: www.example.com\r\n\r\n",
         b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: deflate\r\nContent-Length: %d\r\n\r\n"
         % len(json_body) + json_body),
        (b"POST /api/login HTTP/1.1\r\nHost: www.example.com\r\nContent-Type: application/x-www-form-urlencoded\r\n"
         b"Content-Length: 40\r\n\r\nuser=alice&password=s%40cret+1&remember=",
         b"HTTP/1.1 302 Found\r\nLocation: /home\r\nContent-Length: 0\r\n\r\n"),
        (b"GET /style.css HTTP/1.1\r\nHost: www.example.com\r\nIf-None-Match: \"abc\"\r\n\r\n",
         b"HTTP/1.1 304 Not Modified\r\nETag: \"abc\"\r\n\r\n"),
        (b"GET /missing HTTP/1.1\r\nHost: www.example.com\r\n\r\n",
         b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nnot found"),
        (b"GET /notes.txt HTTP/1.1\r\nHost: www.example.com\r\n\r\n",
         b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(UTF8_TEXT) + UTF8_TEXT),
        (b"GET /broken HTTP/1.1\r\nHost: www.example.com\r\n\r\n",
         b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\nContent-Length: 20\r\n\r\n"
         + b"\x1f\x8b\x08\x00" + b"\xff" * 16),
    ]
    cs, ss = 1000, 5000
    frames = [segment(A, B, 40000, 80, 0x02, cs, 0), segment(B, A, 80, 40000, 0x12, ss, cs + 1), segment(A, B, 40000, 80, 0x10, cs + 1, ss + 1)]
    cs, ss = cs + 1, ss + 1
    for request, response in exchanges:
        frames.append(segment(A, B, 40000, 80, 0x18, cs, ss, request))
        cs += len(request)
        frames.append(segment(B, A, 80, 40000, 0x18, ss, cs, response))
        ss += len(response)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(craft.pcap(frames))
    print(f"wrote {len(frames)} frames to {OUT}")


if __name__ == "__main__":
    main()
