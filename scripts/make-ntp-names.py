#!/usr/bin/env python3
"""Write workers/dissectors/ntp-names.ts: the value names the NTP dissector shows (version numbers,
modes, leap indicators, control messages' opcodes and status words), as Wireshark's packet-ntp.c
has them, from the tshark the corpus was decoded with (`tshark -G values`); and the reference
sources it names in a stratum-1 server's Reference ID ("GPS" is "Global Position System"), read
from the tree tshark prints for a server packet with each candidate code (the IANA registry's and
the older unofficial ones): the codes it does not know print as "Unidentified reference source".

Usage: scripts/make-ntp-names.py   (needs tshark; standard-library Python)
"""
import os
import re
import struct

import craft
from tshark_values import field_values, quote, write_names_file, write_table

ROOT = os.path.join(os.path.dirname(__file__), '..')
FIELDS = {
    'ntp.flags.li': 'LEAP_INDICATORS',
    'ntp.flags.vn': 'VERSIONS',
    'ntp.flags.mode': 'MODES',
    'ntp.ctrl.flags2.opcode': 'OPCODES',
    'ntp.ctrl.sys_status.clksrc': 'CLOCK_SOURCES',
    'ntp.ctrl.sys_status.code': 'SYSTEM_EVENTS',
    'ntp.ctrl.peer_status.selection': 'PEER_SELECTIONS',
    'ntp.ctrl.peer_status.code': 'PEER_EVENTS',
    'ntp.ctrl.clock_status.status': 'CLOCK_STATUS',
    'ntp.ctrl.err_status': 'ERROR_STATUS',
}

CANDIDATES = ['GOES', 'GPS', 'GAL', 'PPS', 'IRIG', 'WWVB', 'DCF', 'HBG', 'MSF', 'JJY', 'LORC', 'TDF', 'CHU', 'WWV',
              'WWVH', 'NIST', 'ACTS', 'USNO', 'PTB', 'DFM', 'LCL', 'LOCL', 'CESM', 'RBDM', 'OMEG', 'DCN', 'TSP', 'DTS',
              'ATOM', 'VLF', '1PPS', 'OPPS', 'FREE', 'INIT', 'ROA', 'NMEA', 'GLN', 'GLON', 'BDS', 'SHM', 'GNSS',
              'UPPS', 'SOCK', 'MRS', 'AUTH', 'STEP', 'RATE', 'DENY', 'RSTR', 'XFAC']


def reference_sources():
    """[(code, name)] for the candidate codes tshark names, in the candidates' order."""
    frames = []
    for code in CANDIDATES:
        ntp = struct.pack('!BBBBII4s', 0x24, 1, 6, 0xEC, 0, 0, code.encode().ljust(4, b'\0')) + bytes(32)
        udp = struct.pack('!HHHH', 123, 123, 8 + len(ntp), 0) + ntp
        frames.append(bytes([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0]) + craft.ipv4(bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]), 17, udp))
    tree = craft.tshark_tree(frames)
    texts = re.findall(r'^    Reference ID: (.*)$', tree, re.M)
    if len(texts) != len(CANDIDATES):
        raise SystemExit('tshark printed %d Reference IDs for %d packets' % (len(texts), len(CANDIDATES)))
    return [(c, t) for c, t in zip(CANDIDATES, texts) if not t.startswith('Unidentified reference source')]


values = field_values(FIELDS)
sources = reference_sources()
path = os.path.join(ROOT, 'workers', 'dissectors', 'ntp-names.ts')
write_names_file(path, 'scripts/make-ntp-names.py', 'The value names of packet-ntp.c.', FIELDS, values, '%d',
                 lambda f: write_table(f, 'REFERENCE_SOURCES', 'Reference IDs of stratum-1 servers (the code, NUL-padded to 4 bytes) and their names.',
                                       [(quote(code), name) for code, name in sources], '%s', 'string'))
print('wrote %s: %s, %d REFERENCE_SOURCES' % (os.path.normpath(path), ', '.join('%d %s' % (len(values[k]), v) for k, v in FIELDS.items()), len(sources)))
