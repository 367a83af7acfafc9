#!/usr/bin/env python3
"""Write workers/dissectors/kerberos-names.ts: the value names the Kerberos dissector shows
(message types, pre-authentication types, error codes as the tree names them, encryption types,
name and address types), as Wireshark's packet-kerberos.c has them, from the tshark the corpus
was decoded with (`tshark -G values`); and the error names its Info column uses ("KRB Error:
KRB5KDC_ERR_PREAUTH_REQUIRED"), read from tshark's Info for a KRB-ERROR of each code.

Usage: scripts/make-kerberos-names.py   (needs tshark; standard-library Python)
"""
import os
import struct
import subprocess
import tempfile

import craft
from tshark_values import field_values, first_names, write_names_file, write_table

ROOT = os.path.join(os.path.dirname(__file__), '..')
FIELDS = {
    'kerberos.msg_type': 'MESSAGE_TYPES',
    'kerberos.padata_type': 'PADATA_TYPES',
    'kerberos.error_code': 'ERROR_CODES',
    'kerberos.ENCTYPE': 'ENCTYPES',
    'kerberos.name_type': 'NAME_TYPES',
    'kerberos.addr_type': 'ADDRESS_TYPES',
}


def tlv(tag, v):
    return bytes([tag, len(v)]) + v


def info_names(codes):
    """[(code, Info)]: tshark's Info column for a KRB-ERROR of each code ("KRB Error: KRB5KDC_ERR_…")."""
    frames = []
    for k, code in enumerate(codes):
        err = tlv(0x7E, tlv(0x30, tlv(0xA0, tlv(2, b'\x05')) + tlv(0xA1, tlv(2, b'\x1e')) + tlv(0xA4, tlv(0x18, b'20231114221320Z'))
                         + tlv(0xA5, tlv(2, b'\x00')) + tlv(0xA6, tlv(2, bytes([code]))) + tlv(0xA9, tlv(0x1B, b'R'))
                         + tlv(0xAA, tlv(0x30, tlv(0xA0, tlv(2, b'\x01')) + tlv(0xA1, tlv(0x30, tlv(0x1B, b'x')))))))
        udp = struct.pack('!HHHH', 88, 40000 + k, 8 + len(err), 0) + err
        frames.append(bytes(12) + b'\x08\x00' + craft.ipv4(bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]), 17, udp, ident=k))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'errors.pcap')
        with open(path, 'wb') as fh:
            fh.write(craft.pcap(frames))
        out = subprocess.run(['tshark', '-n', '-r', path, '-T', 'fields', '-e', '_ws.col.Info'], capture_output=True, text=True).stdout
    return list(zip(codes, out.splitlines()))


values = first_names(field_values(FIELDS))
# (the fields are FT_INT32: tshark prints a negative value as its unsigned 32-bit form)
values = {k: [(v - 2 ** 32 if v >= 2 ** 31 else v, name) for v, name in vs] for k, vs in values.items()}
errors = info_names([v for v, _ in values['kerberos.error_code'] if 0 <= v < 128])


path = os.path.join(ROOT, 'workers', 'dissectors', 'kerberos-names.ts')
write_names_file(path, 'scripts/make-kerberos-names.py', "The value names of packet-kerberos.c, and its Info column's names of the error codes.",
                 FIELDS, values, '%d', lambda f: write_table(f, 'ERROR_INFO', 'The Info column of a KRB-ERROR of each code (krb5_error_codes).', errors))
print('wrote %s: %s, %d ERROR_INFO' % (os.path.normpath(path), ', '.join('%d %s' % (len(values[k]), v) for k, v in FIELDS.items()), len(errors)))
