#!/usr/bin/env python3
"""Copy a classic pcap of Ethernet/IPv4/TCP frames with TCP port FROM changed to TO on both sides
(checksums untouched: tshark does not verify them by default). The TLS fixture moves its
sessions off port 443 with it, so that only TLS's heuristic can find them.

Usage: scripts/pcap-move-port.py IN.pcap OUT.pcap FROM TO   (standard-library Python)
"""
import struct
import sys

src, dst, old, new = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
d = bytearray(open(src, 'rb').read())
o = 24
while o + 16 <= len(d):
    incl = struct.unpack_from('<I', d, o + 8)[0]
    ip = o + 16 + 14
    if d[ip] >> 4 == 4 and d[ip + 9] == 6:
        t = ip + (d[ip] & 15) * 4
        for k in (0, 2):
            if struct.unpack_from('>H', d, t + k)[0] == old:
                struct.pack_into('>H', d, t + k, new)
    o += 16 + incl
open(dst, 'wb').write(d)
