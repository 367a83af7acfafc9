#!/usr/bin/env python3
"""Writes test/fixtures/xml/xml-cases.pcap: HTTP responses whose bodies are XML (text/xml and
application/xml), one a TCP connection on port 80: a SOAP envelope, a document with a DOCTYPE,
comments, a CDATA section, self-closing and empty elements, single-quoted attributes, text with
surrounding whitespace and entities, another processing instruction, bodies left unclosed,
closing tags out of order, SOAP 1.2's media type and a DOCTYPE with an internal subset. tshark's reading of it is test/fixtures/xml/xml-lines.json (scripts/make-layer-lines.py
xml). Standard library only; the same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/xml/xml-cases.pcap"

BODIES = [
    ("text/xml; charset=utf-8", '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Ping xmlns="urn:t"><Seq>7</Seq></Ping></soap:Body></soap:Envelope>'),
    ("application/xml", '<?xml version="1.0" standalone="yes"?>\n<!DOCTYPE note SYSTEM "note.dtd">\n<!-- a comment -->\n<note id=\'n1\' lang="en">\n  <to>  Tove &amp; Jani  </to>\n  <empty/>\n  <blank></blank>\n  <code><![CDATA[if (a < b) { x(); }]]></code>\n  <?render mode="fast"?>\n</note>\n'),
    ("text/xml", '<config>\n\t<vni value="5001" />\n\t<vni value="5002"/>\n\tplain text\n</config>'),
    ("text/xml", '<a><b>unclosed'),
    ("text/xml", 'not xml at all <'),
    ("application/xml", '<root xmlns:x="urn:x"><x:item x:k="1">one</x:item><x:item x:k="2">two</x:item></root>'),
    ("text/xml", '<a><b>x</a></b></c>tail'),
    ("application/soap+xml", '<e:Envelope xmlns:e="urn:e"><e:Body/></e:Envelope>'),
    ("text/xml", '<!DOCTYPE d [ <!ELEMENT d (#PCDATA)> ]><d>x</d><?pi?><x a=1>'),
]


def tcp(sport: int, dport: int, payload: bytes) -> bytes:
    return struct.pack("!HHIIBBHHH", sport, dport, 1000, 2000, 5 << 4, 0x18, 64240, 0, 0) + payload


def main() -> None:
    frames = []
    for k, (ctype, body) in enumerate(BODIES):
        data = body.encode()
        http = ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n" % (ctype, len(data))).encode() + data
        frames.append(craft.ether_ipv4(bytes([10, 0, 0, 80]), bytes([10, 0, 1, 10 + k]), 6, tcp(80, 40000 + k, http), ident=k + 1))
    OUT.write_bytes(craft.pcap(frames))


if __name__ == "__main__":
    main()
