#!/usr/bin/env python3
"""Writes test/fixtures/ipopts/ipopts-cases.pcap: IPv4 headers with each option packet-ip.c
dissects: NOP and EOL, record route, loose and strict source routes (the final destination is the
packet's, the header's the "Current Route", the title's "Via"), router alert, time stamps of each
flag (an address slot still zero reads "-"), RFC 791 security with each level's name, stream ID,
traceroute, MTU probe and reply, Quick-Start rate request, report and an unknown function, CIPSO,
and unknown, experimental and cut options. tshark's reading of it is
test/fixtures/ipopts/ipopts-lines.json (scripts/make-layer-lines.py ipopts). Standard library only;
the same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/ipopts/ipopts-cases.pcap"


def with_options(opts: bytes, payload: bytes, proto: int = 17) -> bytes:
    """An Ethernet frame of an IPv4 header with `opts` (padded to 32 bits) and its checksum."""
    opts += b"\0" * (-len(opts) % 4)
    ihl = 5 + len(opts) // 4
    hdr = struct.pack("!BBHHHBBH4s4s", 0x40 | ihl, 0, 20 + len(opts) + len(payload), 1, 0, 64, proto, 0,
                      bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])) + opts
    hdr = hdr[:10] + struct.pack("!H", craft.csum(hdr)) + hdr[12:]
    return bytes([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1]) + b"\x08\x00" + hdr + payload


def main() -> None:
    hop, far = bytes([10, 0, 0, 9]), bytes([10, 0, 0, 10])
    options = [
        bytes([1, 1, 0]),                                                    # NOP, NOP, EOL
        bytes([7, 11, 4]) + hop + bytes(4),                                  # record route, pointer at the first slot
        bytes([7, 11, 8]) + hop + bytes(4),                                  # ... at the second
        bytes([131, 11, 4]) + hop + far,                                     # loose source route
        bytes([137, 7, 4]) + hop,                                            # strict source route, one hop
        bytes([148, 4, 0, 0]),                                               # router alert
        bytes([68, 12, 5, 0]) + struct.pack("!II", 1000, 2000),              # time stamps only
        bytes([68, 20, 5, 1]) + hop + struct.pack("!I", 1000) + bytes(8),    # with addresses, one slot empty
        bytes([68, 12, 5, 3]) + hop + struct.pack("!I", 0),                  # prespecified
        bytes([130, 11]) + struct.pack("!HHH", 0, 0, 0) + bytes(3),          # security: unclassified, empty strings
        bytes([130, 11]) + struct.pack("!HH", 0xF135, 3) + b"\0\0AB\0",      # confidential
        bytes([130, 11]) + struct.pack("!HH", 0x789A, 0) + b"XYZW\0",        # EFTO
        bytes([136, 4, 0, 7]),                                               # stream ID
        bytes([82, 12, 0, 1, 0, 2, 0, 3]) + hop,                             # traceroute
        bytes([11, 4, 5, 0xDC]), bytes([12, 4, 5, 0xDC]),                    # MTU probe, reply
        bytes([25, 8, 0x05, 60]) + struct.pack("!I", 0x12345678),            # Quick-Start rate request
        bytes([25, 8, 0x83, 0]) + struct.pack("!I", 0x12345679),             # rate report
        bytes([25, 8, 0x12, 64, 0, 0, 0, 0]),                                # unknown function
        bytes([134, 10, 0, 0, 0, 1, 1, 4, 0, 0]),                            # CIPSO
        bytes([200, 4, 1, 2]),                                               # unknown
        bytes([30, 4, 0, 0]),                                                # experimental
        bytes([7, 3, 4]),                                                    # record route with no room
        bytes([68, 4, 5, 0]),                                                # an empty time stamp option
    ]
    frames = [with_options(o, craft.udp(1000, 2000, b"hi")) for o in options]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(craft.pcap(frames))
    print(f"wrote {len(frames)} frames to {OUT}")


if __name__ == "__main__":
    main()
