#!/usr/bin/env python3
"""Write workers/dissectors/lldp-names.ts: the value names the LLDP dissector shows (TLV types,
chassis and port ID subtypes (the address families are in afn-names.ts), IEEE 802.1 and 802.3 subtypes, MAU types, power
classes), as Wireshark's packet-lldp.c has them, from the tshark the corpus was decoded with
(`tshark -G values`); and the names tshark gives the organisations whose TLVs switches send
(`Organization Unique Code: 00:1c:73 (Arista Networks)`), read from the tree tshark prints for an
organisation-specific TLV of each candidate OUI (Wireshark's manuf file).

Usage: scripts/make-lldp-names.py   (needs tshark; standard-library Python)
"""
import os
import re
import struct

import craft
from tshark_values import field_values, write_names_file, write_table

ROOT = os.path.join(os.path.dirname(__file__), '..')
FIELDS = {
    'lldp.tlv.type': 'TLV_TYPES',
    'lldp.chassis.subtype': 'CHASSIS_SUBTYPES',
    'lldp.port.subtype': 'PORT_SUBTYPES',
    'lldp.mgn.interface.subtype': 'INTERFACE_SUBTYPES',
    'lldp.ieee.802_1.subtype': 'IEEE_802_1_SUBTYPES',
    'lldp.ieee.802_3.subtype': 'IEEE_802_3_SUBTYPES',
    'lldp.ieee.802_3.pmd_mau_type': 'MAU_TYPES',
    'lldp.ieee.802_3.mdi_power_class': 'POWER_CLASSES',
    'lldp.ieee.802_1.aggregation_status.porttype': 'AGGREGATION_PORT_TYPES',
}

# OUIs whose TLVs data-centre switches and hypervisors send: Cisco, Arista, Juniper, Dell,
# Huawei, HPE / Aruba, Extreme, Mellanox / NVIDIA, Broadcom, VMware, Cumulus, Intel, Brocade
CANDIDATE_OUIS = [0x00000C, 0x000142, 0x001C73, 0x009069, 0x0001E8, 0x00E0FC, 0x001B21, 0x00E02B,
                  0x0002C9, 0x001018, 0x005056, 0x443839, 0x001B3F, 0x00052E, 0x000496, 0x0021F7]


def oui_names():
    """[(oui, name)] for the candidate OUIs, as tshark names them in an LLDP TLV's title."""
    frames = []
    for oui in CANDIDATE_OUIS:
        tlv = struct.pack('!H', (127 << 9) | 6) + struct.pack('!I', oui)[1:] + bytes([0xEE, 1, 2])
        pdu = b''.join([struct.pack('!H', (1 << 9) | 7), bytes([4]) + bytes(6), struct.pack('!H', (2 << 9) | 2), b'\x05x',
                        struct.pack('!H', (3 << 9) | 2), b'\x00\x78', tlv, b'\x00\x00'])
        frames.append(bytes([1, 0x80, 0xC2, 0, 0, 0x0E]) + bytes(6) + b'\x88\xcc' + pdu)
    tree = craft.tshark_tree(frames)
    out = []
    for oui, block in zip(CANDIDATE_OUIS, tree.split('Time To Live = 120 sec')[1:]):
        # (an organisation whose TLVs packet-lldp.c decodes itself titles an unknown subtype otherwise:
        # those are left out, Decapod does not decode them)
        m = re.search(r'^    (.*) - Unknown \(238\)$', block, re.M)
        if m:
            out.append((oui, m.group(1)))
    return out


values = field_values(FIELDS)
ouis = oui_names()
path = os.path.join(ROOT, 'workers', 'dissectors', 'lldp-names.ts')
write_names_file(path, 'scripts/make-lldp-names.py', 'The value names of packet-lldp.c, and the names tshark gives organisations in their TLVs.', FIELDS, values, '%d',
                 lambda f: write_table(f, 'ORGANISATIONS', 'Organisation names of the OUIs switches and hypervisors send TLVs under.', ouis, '0x%06x'),
                 source="`tshark -G values` and tshark's trees")
print('wrote %s: %s, %d ORGANISATIONS' % (os.path.normpath(path), ', '.join('%d %s' % (len(values[k]), v) for k, v in FIELDS.items()), len(ouis)))
