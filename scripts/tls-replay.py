#!/usr/bin/env python3
"""Replay the first TCP stream of a capture (its payloads, in order) over a new loopback
connection to port 443, each payload in segments of 120 bytes, then send 200 zero bytes on
another connection: the segmented and the non-TLS sessions of test/fixtures/tls (see
scripts/make-tls-fixture.sh, which captures them). Standard-library Python.

Usage: scripts/tls-replay.py CAPTURE.pcap
"""
import socket
import struct
import sys
import time

SEGMENT = 120


def payloads(path):
    """(from_client, bytes) of each non-empty TCP payload of the capture's first connection."""
    d = open(path, 'rb').read()
    link = struct.unpack_from('<I', d, 20)[0]
    o = 24
    first = None
    out = []
    while o + 16 <= len(d):
        incl = struct.unpack_from('<I', d, o + 8)[0]
        p = o + 16
        ip = p + (14 if link == 1 else 0)
        ihl = (d[ip] & 15) * 4
        total = struct.unpack_from('>H', d, ip + 2)[0]
        t = ip + ihl
        sport, dport = struct.unpack_from('>HH', d, t)
        hlen = (d[t + 12] >> 4) * 4
        data = d[t + hlen:ip + total]
        key = frozenset((sport, dport))
        if first is None:
            first = key
        if key == first and data:
            out.append((dport == 443, bytes(data)))
        o = p + incl
    return out


def main():
    msgs = payloads(sys.argv[1])
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(('127.0.0.1', 443))
    listener.listen(2)
    client = socket.create_connection(('127.0.0.1', 443))
    server, _ = listener.accept()
    for s in (client, server):
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    for from_client, data in msgs:
        tx, rx = (client, server) if from_client else (server, client)
        for k in range(0, len(data), SEGMENT):
            tx.sendall(data[k:k + SEGMENT])
            time.sleep(0.02)
            got = 0
            while got < len(data[k:k + SEGMENT]):
                got += len(rx.recv(65536))
    client.close()
    server.close()
    time.sleep(0.1)
    zeros = socket.create_connection(('127.0.0.1', 443))
    peer, _ = listener.accept()
    zeros.sendall(bytes(200))
    time.sleep(0.05)
    peer.recv(65536)
    zeros.close()
    peer.close()
    listener.close()


main()
