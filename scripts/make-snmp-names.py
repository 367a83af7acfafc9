#!/usr/bin/env python3
"""Write workers/dissectors/snmp-names.ts: the value names the SNMP dissector shows (versions, PDU
types, error statuses, generic traps, v3 security models, engine ID formats), as Wireshark's
packet-snmp.c has them, from the tshark the corpus was decoded with (`tshark -G values`); and the
names tshark gives the enterprises of SNMPv3 engine IDs (`Engine Enterprise ID: ciscoSystems (9)`,
its enterprises file), read from the tree tshark prints for an engine ID of each candidate.

Usage: scripts/make-snmp-names.py   (needs tshark; standard-library Python)
"""
import os
import re
import struct

import craft
from tshark_values import field_values, write_names_file, write_table

ROOT = os.path.join(os.path.dirname(__file__), '..')
FIELDS = {
    'snmp.version': 'VERSIONS',
    'snmp.data': 'PDU_TYPES',
    'snmp.error_status': 'ERROR_STATUSES',
    'snmp.generic_trap': 'GENERIC_TRAPS',
    'snmp.msgVersion': 'MSG_VERSIONS',
    'snmp.msgSecurityModel': 'SECURITY_MODELS',
    'snmp.msgData': 'MSG_DATA',
    'snmp.engineid.format': 'ENGINE_ID_FORMATS',
    'snmp.engineid.cisco.type': 'CISCO_ENGINE_TYPES',
}

# the enterprises of the agents a data centre polls: network vendors, hypervisors, servers, SNMP stacks
CANDIDATE_ENTERPRISES = [2, 9, 11, 43, 171, 232, 311, 318, 674, 1588, 1916, 1991, 2011, 2021, 2636, 3076, 3375, 4413, 4526,
                         5624, 6027, 6486, 6527, 6876, 8072, 9148, 12356, 14179, 14823, 25461, 25506, 26543, 30065, 41891, 47196]


def tlv(tag, value):
    return bytes([tag, len(value)]) + value


def enterprise_names():
    """[(number, name)] for the candidates, as tshark names them in an SNMPv3 engine ID."""
    frames = []
    for k, number in enumerate(CANDIDATE_ENTERPRISES):
        engine = struct.pack('!I', 0x80000000 | number) + b'\x04x'
        usm = tlv(0x30, tlv(4, engine) + tlv(2, b'\x00') + tlv(2, b'\x00') + tlv(4, b'') + tlv(4, b'') + tlv(4, b''))
        header = tlv(0x30, tlv(2, b'\x01') + tlv(2, b'\x05\xdc') + tlv(4, b'\x04') + tlv(2, b'\x03'))
        body = tlv(0x30, tlv(4, b'') + tlv(4, b'') + tlv(0xA0, tlv(2, b'\x01') + tlv(2, b'\x00') + tlv(2, b'\x00') + tlv(0x30, b'')))
        msg = tlv(0x30, tlv(2, b'\x03') + header + tlv(4, usm) + body)
        udp = struct.pack('!HHHH', 40000 + k, 161, 8 + len(msg), 0) + msg
        frames.append(bytes(12) + b'\x08\x00' + craft.ipv4(bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]), 17, udp, ident=k))
    found = re.findall(r'^    msgAuthoritativeEngineID: .*\n.*\n +Engine Enterprise ID: (.*) \((\d+)\)$', craft.tshark_tree(frames), re.M)
    assert [int(n) for _, n in found] == CANDIDATE_ENTERPRISES, found
    return [(int(n), name) for name, n in found if name != n]


values = field_values(FIELDS)
enterprises = enterprise_names()


path = os.path.join(ROOT, 'workers', 'dissectors', 'snmp-names.ts')
write_names_file(path, 'scripts/make-snmp-names.py', "The value names of packet-snmp.c, and tshark's names of the enterprises engine IDs name.",
                 FIELDS, values, '%d', lambda f: write_table(f, 'ENTERPRISES', 'Enterprise numbers and the names tshark gives them.', enterprises))
print('wrote %s: %s, %d ENTERPRISES' % (os.path.normpath(path), ', '.join('%d %s' % (len(values[k]), v) for k, v in FIELDS.items()), len(enterprises)))
