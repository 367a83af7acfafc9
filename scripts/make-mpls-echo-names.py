#!/usr/bin/env python3
"""Write workers/dissectors/mpls-echo-names.ts: the value names the MPLS Echo dissector shows
(return codes, TLV types, Target FEC Stack sub-TLV types), as Wireshark's packet-mpls-echo.c has
them, from the tshark the corpus was decoded with (`tshark -G values`).

Usage: scripts/make-mpls-echo-names.py   (needs tshark; standard-library Python)
"""
import os

from tshark_values import field_values, write_names_file

ROOT = os.path.join(os.path.dirname(__file__), '..')
FIELDS = {
    'mpls_echo.return_code': 'RETURN_CODES',
    'mpls_echo.tlv.type': 'TLV_TYPES',
    'mpls_echo.tlv.fec.type': 'FEC_TYPES',
}

values = field_values(FIELDS)
path = os.path.join(ROOT, 'workers', 'dissectors', 'mpls-echo-names.ts')
write_names_file(path, 'scripts/make-mpls-echo-names.py', 'The value names of packet-mpls-echo.c.', FIELDS, values, '%d')
print('wrote %s: %s' % (os.path.normpath(path), ', '.join('%d %s' % (len(values[k]), v) for k, v in FIELDS.items())))
