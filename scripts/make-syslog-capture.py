#!/usr/bin/env python3
"""Writes test/fixtures/syslog/syslog-cases.pcap: syslog datagrams (UDP 514) as hosts send them:
BSD syslog (RFC 3164) with its timestamp, host and tag, RFC 5424 with version, ISO timestamp, host,
app, process id and structured data (with and without a BOM before the message, and with NILVALUE
fields), a message without a priority, control characters, UTF-8 and characters GLib does not print (a soft hyphen, a tag character) in the text, odd priorities
(no digits, four digits, over 191), a message of zeros and one longer than a tree line, and two that are longer only in UTF-8 bytes. tshark's
reading of it is test/fixtures/syslog/syslog-lines.json (scripts/make-layer-lines.py syslog).
Standard library only; the same bytes every run.
"""
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/syslog/syslog-cases.pcap"

MESSAGES = [
    b"<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
    b'<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application"] An application event log entry',
    b"<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - \xef\xbb\xbf%% It's time to make the do-nuts.",
    b"<14>1 - - - - - -",
    b"<166>2024-05-02T10:11:12.123Z esx-01.corp Hostd: [Originator@6876 sub=Vimsvc.TaskManager opID=abc] Task Completed",
    b"hello world",
    b"\0" * 120,
    b"<13>hi\r\n\ttab\x7f caf\xc3\xa9",
    b"<999>x",
    b"<>x",
    b"<1234>four digits",
    b"<14>" + b"a" * 300,
    b"<30>Jan  5 01:02:03 host-b kernel[0]: eth0 link up",
    b"<30>Jan  5 01:02:03 host-b averyveryveryveryveryverylongprocessname here",
    b"<14>1 2003-10-11T22:14:15Z host app 77 ID1 - no fraction",
    b"<14>1 2003-10-11T22:14:15Z host",
    b"<14>Jan  5 01:02:03 host-b abc",
    b"<14>1 2024-13-45T99:00:00Z bad-date app - - - x",
    "<14>a\u00adb\U000E0001c\u200bd".encode(),
    # lines longer than a tree line in bytes, not in characters: proto.c's labels are 240-byte buffers
    ("<13>Nov 28 10:00:00 host app: " + "\u00e9" * 150 + " end").encode(),
    ("<13>Nov 28 10:00:00 host app: " + "x" * 100 + "\u2026" * 60).encode(),
]


def main() -> None:
    frames = [craft.ether_ipv4(bytes([10, 0, 0, 10 + k % 5]), bytes([10, 0, 0, 200]), 17, craft.udp(40000 + k, 514, m), ident=k + 1)
              for k, m in enumerate(MESSAGES)]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(craft.pcap(frames))


if __name__ == "__main__":
    main()
