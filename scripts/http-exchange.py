#!/usr/bin/env python3
"""Play the HTTP exchanges of test/fixtures/http over loopback TCP (a client and a server socket in
one process, no HTTP library), each message written in the segments given, so that the capture
holds what the HTTP dissector must handle: bodies by Content-Length, headers and bodies that span
segments, a HEAD response's length with no body, chunked transfer coding, a POST, keep-alive,
bytes that are no HTTP message (in an HTTP stream, and in streams joined mid-way), and a second
port. scripts/make-http-fixture.sh
captures it. Standard-library Python; needs to bind ports 80 and 8080.
"""
import socket
import sys
import time

HTML = b'<html>\n<body>hello</body>\n</html>\n'
BIG = b''.join(b'line %04d of a long text body\n' % i for i in range(100))


def response(status, headers, body=b''):
    head = b'HTTP/1.1 ' + status + b'\r\n' + b''.join(h + b'\r\n' for h in headers) + b'\r\n'
    return head + body


def chunked(parts):
    return b''.join(b'%x\r\n' % len(p) + p + b'\r\n' for p in parts) + b'0\r\n\r\n'


def cut(data, sizes):
    """data in pieces of the given sizes (the last takes the rest)."""
    out, o = [], 0
    for s in sizes:
        out.append(data[o:o + s])
        o += s
    if o < len(data):
        out.append(data[o:])
    return [p for p in out if p]


CONVERSATION_80 = [
    (True, [b'GET /index.html HTTP/1.1\r\nHost: decapod.test\r\nUser-Agent: fixture/1.0\r\nAccept: */*\r\n\r\n']),
    (False, [response(b'200 OK', [b'Content-Type: text/html', b'Content-Length: %d' % len(HTML), b'Server: fixture'], HTML)]),
    (True, [b'GET /big.txt HTTP/1.1\r\nHost: decapod.test\r\n\r\n']),
    (False, cut(response(b'200 OK', [b'Content-Type: text/plain; charset=utf-8', b'Content-Length: %d' % len(BIG)], BIG), [1000, 1000, 1000])),
    (True, cut(b'GET /missing HTTP/1.1\r\nHost: decapod.test\r\nAccept-Language: en\r\nCookie: a=1; b=2\r\n\r\n', [20])),
    (False, [response(b'404 Not Found', [b'Content-Type: text/html', b'Content-Length: 9'], b'no such\r\n')]),
    (True, [b'HEAD / HTTP/1.1\r\nHost: decapod.test\r\n\r\n']),
    (False, [response(b'200 OK', [b'Content-Type: text/html', b'Content-Length: 1234'])]),
    (True, [b'GET /chunked HTTP/1.1\r\nHost: decapod.test\r\nAccept-Encoding: identity\r\n\r\n']),
    (False, cut(response(b'200 OK', [b'Content-Type: text/plain', b'Transfer-Encoding: chunked'], chunked([b'hello', b' world!\n'])), [70, 12])),
    (True, [b'POST /submit HTTP/1.1\r\nHost: decapod.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 11\r\n\r\nname=value\n']),
    (False, [response(b'201 Created', [b'Location: /submit/1', b'Content-Length: 0'])]),
    (True, [b'\x00\x01not an http message\r\n']),
]

CONVERSATION_8080 = [
    (True, [b'GET /search?q=1&r=two HTTP/1.0\r\nHost: decapod.test:8080\r\nReferer: http://decapod.test/\r\n\r\n']),
    (False, [response(b'301 Moved Permanently', [b'Location: http://decapod.test/search', b'Content-Type: text/html', b'Content-Length: 0', b'Connection: close'])]),
]


def play(port, conversation):
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(('127.0.0.1', port))
    listener.listen(1)
    client = socket.create_connection(('127.0.0.1', port))
    server, _ = listener.accept()
    for s in (client, server):
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    for from_client, pieces in conversation:
        tx, rx = (client, server) if from_client else (server, client)
        for piece in pieces:
            tx.sendall(piece)
            time.sleep(0.05)
            got = 0
            while got < len(piece):
                got += len(rx.recv(65536))
    client.close()
    time.sleep(0.05)
    server.close()
    listener.close()
    time.sleep(0.1)


# streams joined mid-way: no HTTP message before these bytes (Wireshark shows nothing for them, or
# waits for the end of a text line)
MID_STREAM = [
    [(False, [b'AAAA\r\n\tbackground: none\r\n'])],
    [(False, [b'\x00\x01binary'])],
    [(False, [b'AAAA no line end', b' until now\r\n'])],
]

JSON = (b'{"name": "vtep-1", "vni": 5001, "up": true, "peers": ["10.0.0.1", "10.0.0.2"],\n'
        b' "tags": [], "stats": {"rx": 1.5e3, "tx": -2, "drops": null}, "note": "a \\"quoted\\" \\u00e9"}\n')
CONVERSATION_JSON = [
    (True, [b'GET /api/vtep HTTP/1.1\r\nHost: decapod.test\r\nAccept: application/json\r\n\r\n']),
    (False, [response(b'200 OK', [b'Content-Type: application/json', b'Content-Length: %d' % len(JSON)], JSON)]),
    (True, [b'GET /api/list HTTP/1.1\r\nHost: decapod.test\r\n\r\n']),
    (False, [response(b'200 OK', [b'Content-Type: application/json; charset=utf-8', b'Content-Length: 16'], b'[1, [2, {}], ""]')]),
]

if len(sys.argv) > 1 and sys.argv[1] == 'json':
    play(80, CONVERSATION_JSON)
else:
    play(80, CONVERSATION_80)
    play(8080, CONVERSATION_8080)
    for conversation in MID_STREAM:
        play(80, conversation)
