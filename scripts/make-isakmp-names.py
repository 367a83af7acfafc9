#!/usr/bin/env python3
"""Write workers/dissectors/isakmp-names.ts: the names tshark gives IKEv2's values (RFC 7296) —
exchange types, transform IDs and DH groups from `tshark -G values` (a D-H transform's IDs are the
groups), and those packet-isakmp.c keeps in
version-2 tables `-G values` does not list (payload types, transform types, protocol IDs,
notify message types), read from the trees tshark prints for a message naming each candidate.

Usage: scripts/make-isakmp-names.py   (needs tshark; standard-library Python)
"""
import os
import re
import struct

import craft
from tshark_values import field_values, write_names_file, write_table

ROOT = os.path.join(os.path.dirname(__file__), '..')
FIELDS = {
    'isakmp.exchangetype': 'EXCHANGE_TYPES',
    'isakmp.tf.id.encr': 'ENCR_IDS',
    'isakmp.tf.id.prf': 'PRF_IDS',
    'isakmp.tf.id.integ': 'INTEG_IDS',
    'isakmp.key_exchange.dh_group': 'DH_GROUPS',
}


def message(first: int, body: bytes) -> bytes:
    return struct.pack('!8s8sBBBBII', bytes(range(1, 9)), bytes(8), first, 0x20, 34, 0x08, 0, 28 + len(body)) + body


def frame(k: int, msg: bytes) -> bytes:
    u = struct.pack('!HHHH', 500, 500, 8 + len(msg), 0) + msg
    return bytes(12) + b'\x08\x00' + craft.ipv4(bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]), 17, u, ident=k)


def probe(messages, pattern):
    """{value: name} from the first match of `pattern` (groups: name, value) in each message's tree."""
    tree = craft.tshark_tree([frame(k, m) for k, (_, m) in enumerate(messages)])
    blocks = tree.split('\nFrame ')
    out = {}
    for (value, _), block in zip(messages, blocks):
        m = re.search(pattern, block, re.M)
        if m and not m.group(1).isdigit():
            out[value] = m.group(1)
    return out


def payload_names():
    # the header's Next payload names each type (the payload itself is missing: tshark says so after)
    return probe([(n, message(n, b'')) for n in list(range(0, 55)) + [128, 129, 130, 131, 132, 133]],
                 r'^    Next payload: (.*) \((\d+)\)$')


def transform_types():
    def sa(ttype):
        t = struct.pack('!BBHBBH', 0, 0, 8, ttype, 0, 1)
        p = struct.pack('!BBBB', 1, 1, 0, 1) + t
        return message(33, struct.pack('!BBH', 0, 0, 4 + 4 + len(p)) + struct.pack('!BBH', 0, 0, 4 + len(p)) + p)
    return probe([(n, sa(n)) for n in range(0, 8)], r'^                Transform Type: (.*) \((\d+)\)$')


def protocol_ids():
    def sa(proto):
        p = struct.pack('!BBBB', 1, proto, 0, 0)
        return message(33, struct.pack('!BBH', 0, 0, 4 + 4 + len(p)) + struct.pack('!BBH', 0, 0, 4 + len(p)) + p)
    return probe([(n, sa(n)) for n in range(0, 8)], r'^            Protocol ID: (.*) \((\d+)\)$')


def notify_types():
    values = list(range(0, 64)) + list(range(16384, 16448))
    return probe([(n, message(41, struct.pack('!BBH', 0, 0, 8) + struct.pack('!BBH', 0, 0, n))) for n in values],
                 r'^        Notify Message Type: (.*) \((\d+)\)$')


values = field_values(FIELDS)
tables = {'PAYLOAD_TYPES': payload_names(), 'TRANSFORM_TYPES': transform_types(), 'PROTOCOL_IDS': protocol_ids(), 'NOTIFY_TYPES': notify_types()}


def extra(f):
    for const, table in tables.items():
        write_table(f, const, "%s, read from tshark's trees." % const, sorted(table.items()))
        f.write('\n')


path = os.path.join(ROOT, 'workers', 'dissectors', 'isakmp-names.ts')
write_names_file(path, 'scripts/make-isakmp-names.py', "The value names packet-isakmp.c gives IKEv2's fields.", FIELDS, values, '%d', extra)
print('wrote %s: %s, %s' % (os.path.normpath(path), ', '.join('%d %s' % (len(values[k]), v) for k, v in FIELDS.items()),
                            ', '.join('%d %s' % (len(t), k) for k, t in tables.items())))
