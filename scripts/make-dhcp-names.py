#!/usr/bin/env python3
"""Write workers/dissectors/dhcp-names.ts: the name Wireshark gives each DHCP option code (its
packet-dhcp.c option table, which `tshark -G values` does not list), read from the tree tshark
prints for DHCP Discovers that carry every code 1-254 once ("Option: (121) Classless Static
Route"). Codes whose empty value tshark cannot read cut a packet short, so the codes a first
pass misses are asked again one per packet. With them, the names tshark gives the enterprise
numbers vendors send in the V-I vendor options (124, 125) and relay agents in option 82's
vendor-specific suboption ("Enterprise: Broadband Forum (previously 'DSL Forum') (3561)", from
its enterprises file), and the OUIs TR-111 gateways send as text in option 125
("DeviceManufacturerOUI: 00:d0:9e (2Wire Inc)", from its manuf file), read from the trees of V-I
options of candidate numbers.

And workers/dissectors/dhcp-values.ts: the value names of packet-dhcp.c's fields, from
`tshark -G values`.

Usage: scripts/make-dhcp-names.py   (needs tshark; standard-library Python)
"""
import os
import re
import struct

import craft
from tshark_values import field_values, first_names, quote, tshark_version, write_names_file, write_table

ROOT = os.path.join(os.path.dirname(__file__), '..')
OUT = os.path.join(ROOT, 'workers', 'dissectors', 'dhcp-names.ts')
VALUES_OUT = os.path.join(ROOT, 'workers', 'dissectors', 'dhcp-values.ts')

VALUE_FIELDS = {
    'dhcp.hw.type': 'HARDWARE_TYPES',
    'dhcp.client_id.duid_type': 'DUID_TYPES',
    'dhcp.option.netbios_over_tcpip_node_type': 'NETBIOS_NODE_TYPES',
    'dhcp.option.dhcp_auto_configuration': 'AUTO_CONFIGURATION',
    'dhcp.option.client_system_architecture': 'CLIENT_ARCHITECTURES',
    'dhcp.option.forcerenew_nonce.algorithm': 'FORCERENEW_ALGORITHMS',
    'dhcp.option.slp_directory_agent.value': 'SLP_DIRECTORY_AGENT',
    'dhcp.option.slp_service_scope.value': 'SLP_SERVICE_SCOPE',
    'dhcp.option.bulk_lease.status_code': 'LEASEQUERY_STATUS_CODES',
    'dhcp.option.bulk_lease.dhcp_state': 'LEASEQUERY_STATES',
    'dhcp.option.agent_information_option.suboption': 'AGENT_SUBOPTIONS',
    'dhcp.option.vendor.pxeclient.suboption': 'PXE_SUBOPTIONS',
    'dhcp.option.vendor.pxeclient.boot_servers.type': 'PXE_BOOT_SERVER_TYPES',
    'dhcp.option.vendor.pxeclient.boot_menu.type': 'PXE_BOOT_MENU_TYPES',
    'dhcp.option.vendor.alu.suboption': 'ALCATEL_SUBOPTIONS',
    'dhcp.option.vendor.alu.app_type': 'ALCATEL_APPLICATION_TYPES',
    'dhcp.option.vi_class.cl_address_mode': 'CABLELABS_ADDRESS_MODES',
    'dhcp.option.vi.tr111.suboption': 'TR111_SUBOPTIONS',
    # (registered twice: its names, then the MIB Environment Indicator's, which share its name;
    # only the first registration's are its own)
    'dhcp.option.vi.cl.suboption': 'CABLELABS_SUBOPTIONS',
}

# Enterprise numbers seen in V-I vendor options and relay agents' vendor-specific suboptions: 0
# (reserved), IBM, Cisco, HP, Ericsson, Microsoft, Intel, Alcatel-Lucent (now Nokia), Dell, Huawei,
# Juniper, the Broadband Forum, ZTE, CableLabs, Juniper (Unisphere), Nokia, Fortinet, Aruba, Ruckus,
# Arista, RFC 5612's example number, Ubiquiti, and systemd (its DUID-EN client identifiers)
CANDIDATE_ENTERPRISES = [0, 2, 9, 11, 193, 311, 343, 637, 674, 2011, 2636, 3561, 3902, 4491, 4874, 6527, 12356, 14823,
                         25053, 30065, 32473, 41112, 43793]
# OUIs gateways send as DeviceManufacturerOUI: 2Wire, Cisco-Linksys, Huawei, D-Link, AVM, Technicolor /
# Thomson, ZyXEL, Sagemcom, Arcadyan, Netgear, Actiontec, Scientific-Atlanta; and 0, what text that
# is not hex reads as
CANDIDATE_OUIS = [0x000000, 0x00D09E, 0x0014BF, 0x00E0FC, 0x001E58, 0x00040E, 0x00147F, 0x0023F8, 0x001F95, 0x001A2A,
                  0x00146C, 0x001F90, 0x0001A6]


def discover(codes, extra=b''):
    """An Ethernet frame: a DHCP Discover with an empty option of each code, then the options `extra`."""
    opts = bytes([53, 1, 1]) + b''.join(bytes([t, 0]) for t in codes) + extra + bytes([255])
    bootp = bytes([1, 1, 6, 0, 0x12, 0x34, 0x56, 0x78]) + bytes(20) + bytes([2, 0, 0, 0, 0, 1]) + bytes(10 + 64 + 128)
    bootp += bytes([0x63, 0x82, 0x53, 0x63]) + opts
    udp = struct.pack('!HHHH', 68, 67, 8 + len(bootp), 0) + bootp
    return bytes([255] * 6) + bytes([2, 0, 0, 0, 0, 1]) + b'\x08\x00' + craft.ipv4(bytes(4), bytes([255] * 4), 17, udp)


def names_in(frames):
    """{code: name} of the option lines tshark prints for these frames."""
    tree = craft.tshark_tree(frames)
    found = {}
    for line in tree.splitlines():
        m = re.match(r'^    Option: \((\d+)\) (.*)$', line)
        if m and int(m.group(1)) not in (53, 255):
            found[int(m.group(1))] = m.group(2)
    return found


def enterprise_names():
    """[(number, name)] for the candidate enterprise numbers, as a V-I Vendor Class option (124) names them."""
    groups = b''.join(struct.pack('!IB', n, 0) for n in CANDIDATE_ENTERPRISES)
    tree = craft.tshark_tree([discover([], bytes([124, len(groups)]) + groups)])
    found = re.findall(r'^        Enterprise: (.*) \((\d+)\)$', tree, re.M)
    assert [int(n) for _, n in found] == CANDIDATE_ENTERPRISES, found
    return [(int(n), name) for name, n in found if name != 'Unknown']


def oui_names():
    """[(oui, name)] for the candidate OUIs, as a TR-111 DeviceManufacturerOUI in option 125 names them."""
    subs = b''.join(bytes([1, 6]) + b'%06X' % oui for oui in CANDIDATE_OUIS)
    tree = craft.tshark_tree([discover([], bytes([125, 5 + len(subs)]) + struct.pack('!IB', 3561, len(subs)) + subs)])
    # (the value is cut where Wireshark's 32-byte buffer for it ends, the name's ")" too: the names
    # are kept as far as tshark shows them)
    found = re.findall(r'DeviceManufacturerOUI: ([0-9a-f:]{8})(?: \((.*?)\)?)?$', tree, re.M)
    assert [int(h.replace(':', ''), 16) for h, _ in found] == CANDIDATE_OUIS, found
    return [(int(h.replace(':', ''), 16), name) for h, name in found if name]


def first_registration(pairs):
    """The names of a field's first registration, when `tshark -G values` lists the names of two
    fields of one name one after the other: up to where the values start over (fall back)."""
    out = pairs[:1]
    for v, name in pairs[1:]:
        if v < out[-1][0]:
            break
        out.append((v, name))
    return out


def main():
    codes = [t for t in range(1, 255) if t != 53]
    names = names_in([discover(c for c in codes if c < 128), discover(c for c in codes if c >= 128)])
    names.update(names_in([discover([t]) for t in codes if t not in names]))
    names[0] = 'Padding'
    names[53] = 'DHCP Message Type'
    names[255] = 'End'
    missing = [t for t in range(256) if t not in names]
    if missing:
        raise SystemExit('no name read for options %s' % missing)
    with open(OUT, 'w') as f:
        f.write('// Generated by scripts/make-dhcp-names.py from %s: do not edit.\n' % tshark_version())
        f.write('// The names of DHCP option codes, as packet-dhcp.c\'s option table has them, and the names tshark\n')
        f.write('// gives the enterprise numbers and OUIs of its vendor options.\n\n')
        f.write('export const DHCP_OPTION_NAMES: readonly (readonly [number, string])[] = [\n')
        for t in range(256):
            f.write('  [%d, %s],\n' % (t, quote(names[t])))
        f.write('];\n\n')
        write_table(f, 'ENTERPRISES', 'Enterprise numbers and the names tshark gives them (its enterprises file).', enterprise_names())
        f.write('\n')
        write_table(f, 'OUIS', 'OUIs and the names tshark gives them (its manuf file), as TR-111 gateways send them.', oui_names(), '0x%06x')
    values = field_values(VALUE_FIELDS)
    values['dhcp.option.vi.cl.suboption'] = first_registration(values['dhcp.option.vi.cl.suboption'])
    write_names_file(VALUES_OUT, 'scripts/make-dhcp-names.py', "The value names of packet-dhcp.c's fields.", VALUE_FIELDS,
                     first_names(values), '%d')


if __name__ == '__main__':
    main()
