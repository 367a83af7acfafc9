#!/usr/bin/env python3
"""Write workers/dissectors/oid-names.ts: the names tshark gives object identifiers (its OID
registry, which every dissector adds to: LDAP's controls and extended operations, Active
Directory's capabilities and policies, `1.2.840.113556.1.4.319 (pagedResultsControl)`), read
from the tree tshark prints for an LDAP extended request naming each candidate OID. An OID tshark
knows no name for is named from its longest known prefix (`iso.3.6.1.4.1.4203.1.11.3`, SNMP's
`iso.3.6.1.2.1.1.1.0` without MIBs): OID_PREFIXES holds what tshark prints for an unknown arc
below each prefix probed. workers/dissectors/oid-text.ts reads both.

Usage: scripts/make-oid-names.py   (needs tshark; standard-library Python)
"""
import os
import re
import struct

import craft
from tshark_values import quote, tshark_version

ROOT = os.path.join(os.path.dirname(__file__), '..')
CANDIDATES = (
    ['1.2.840.113556.1.4.%d' % n for n in range(1, 2400)]
    + ['2.16.840.1.113730.3.4.%d' % n for n in range(1, 40)]
    + ['1.3.6.1.4.1.4203.1.9.1.%d' % n for n in range(1, 5)]
    + ['1.3.6.1.4.1.4203.1.11.%d' % n for n in range(1, 4)]
    + ['1.3.6.1.4.1.4203.1.5.%d' % n for n in range(1, 6)]
    + ['1.3.6.1.4.1.4203.1.10.1', '1.3.6.1.4.1.4203.1.10.2', '1.3.6.1.4.1.4203.666.5.12']
    + ['1.3.6.1.1.%d' % n for n in range(1, 30)] + ['1.3.6.1.1.13.1', '1.3.6.1.1.13.2', '1.3.6.1.1.21.1', '1.3.6.1.1.21.3']
    + ['1.3.6.1.4.1.1466.20036', '1.3.6.1.4.1.1466.20037', '1.3.6.1.4.1.1466.101.119.1', '1.3.6.1.4.1.1466.29539.12']
    + ['1.3.6.1.4.1.42.2.27.8.5.1'] + ['1.3.6.1.4.1.42.2.27.9.5.%d' % n for n in range(1, 10)]
    + ['1.3.6.1.4.1.26027.1.5.%d' % n for n in range(1, 5)]
    + ['1.2.826.0.1.3344810.2.3', '2.16.840.1.113719.1.27.101.5']
    # GSS-API mechanisms SPNEGO negotiates (RFC 4178, MS-SPNG)
    + ['1.3.6.1.5.5.2', '1.2.840.48018.1.2.2', '1.2.840.113554.1.2.2', '1.2.840.113554.1.2.2.3', '1.3.6.1.4.1.311.2.2.10',
       '1.3.6.1.4.1.311.2.2.30', '1.3.6.1.5.2.5', '1.3.6.1.5.5.14']
    # X.509 (x509*.ts): name attributes, signature and key algorithms, named curves, extensions
    # (Microsoft's too), key purposes, access methods, policy qualifiers and the CA/Browser
    # Forum's policies
    + ['2.5.4.%d' % n for n in range(3, 13)] + ['2.5.4.%d' % n for n in (15, 17, 42, 43, 46, 65)] + ['1.2.840.113549.1.9.1']
    + ['0.9.2342.19200300.100.1.1', '0.9.2342.19200300.100.1.25'] + ['1.3.6.1.4.1.311.60.2.1.%d' % n for n in range(1, 4)]
    + ['1.2.840.113549.1.1.%d' % n for n in (1, 4, 5, 10, 11, 12, 13, 14)]
    + ['1.2.840.10045.2.1', '1.2.840.10045.4.1', '1.2.840.10045.4.3.1', '1.2.840.10045.4.3.2', '1.2.840.10045.4.3.3',
       '1.2.840.10045.4.3.4', '1.2.840.10045.3.1.7', '1.3.132.0.34', '1.3.132.0.35', '1.3.101.112']
    + ['2.5.29.%d' % n for n in range(9, 47)] + ['2.5.29.32.0', '2.5.29.37.0']
    + ['1.3.6.1.5.5.7.1.%d' % n for n in range(1, 25)] + ['1.3.6.1.4.1.11129.2.4.2', '1.3.6.1.4.1.11129.2.4.3']
    + ['1.3.6.1.5.5.7.3.%d' % n for n in range(1, 10)] + ['1.3.6.1.5.5.7.48.%d' % n for n in range(1, 6)]
    + ['1.3.6.1.5.5.7.2.%d' % n for n in range(1, 3)]
    + ['2.23.140.1.1', '2.23.140.1.2.1', '2.23.140.1.2.2', '2.23.140.1.2.3']
    + ['1.3.6.1.4.1.311.20.2', '1.3.6.1.4.1.311.21.1', '1.3.6.1.4.1.311.21.2', '1.3.6.1.4.1.311.21.7', '1.3.6.1.4.1.311.21.10']
)
PROBED_PREFIXES = ['0', '1', '2', '1.2', '1.3', '1.2.840', '1.2.840.113556', '1.2.840.113556.1', '1.2.840.113556.1.4',
                   '1.2.840.48018', '1.2.840.113554', '1.3.6.1.5', '1.3.6.1.5.5',
                   '1.3.6', '1.3.6.1', '1.3.6.1.1', '1.3.6.1.4', '1.3.6.1.4.1', '1.3.6.1.4.1.4203', '1.3.6.1.4.1.1466',
                   '1.3.6.1.4.1.42', '1.3.6.1.4.1.311', '2.5', '2.5.13', '2.16', '2.16.840', '2.16.840.1',
                   '2.16.840.1.113730', '2.16.840.1.113730.3.4', '1.2.840.10045', '1.3.6.1.5.5.7.1', '1.3.6.1.5.5.7.3',
                   '1.3.6.1.4.1.11129', '2.5.29', '2.5.4', '2.23', '2.23.140', '2.23.140.1']
UNKNOWN_ARC = '99999'


def tlv(tag, value):
    n = len(value)
    return bytes([tag]) + (bytes([n]) if n < 0x80 else bytes([0x81, n])) + value


def named(oids):
    """{oid: what tshark prints in parentheses after it (None: nothing)} for an extendedReq each."""
    frames = []
    for k, oid in enumerate(oids):
        msg = tlv(0x30, tlv(0x02, bytes([1])) + tlv(0x77, tlv(0x80, oid.encode())))
        tcp = struct.pack('!HHIIBBHHH', 40000 + k % 20000, 389, 1, 1, 5 << 4, 0x18, 1000, 0, 0) + msg
        frames.append(bytes(12) + b'\x08\x00' + craft.ipv4(bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]), 6, tcp, ident=k))
    out = {}
    for oid, m in zip(oids, re.finditer(r'^ +requestName: (\S+)(?: \((.*)\))?$', craft.tshark_tree(frames), re.M)):
        assert m.group(1) == oid, (oid, m.group(1))
        out[oid] = m.group(2)
    return out


def generic(oid, prefixes):
    """The name an OID gets from the longest probed prefix (None: none)."""
    arcs = oid.split('.')
    for n in range(len(arcs) - 1, 0, -1):
        p = '.'.join(arcs[:n])
        if p in prefixes:
            t = prefixes[p]
            return None if t is None else '.'.join([t] + arcs[n:])
    return None


probes = named(['%s.%s' % (p, UNKNOWN_ARC) for p in PROBED_PREFIXES])
prefixes = {}
for p in PROBED_PREFIXES:
    t = probes['%s.%s' % (p, UNKNOWN_ARC)]
    assert t is None or t.endswith('.' + UNKNOWN_ARC), (p, t)
    prefixes[p] = None if t is None else t[:-len(UNKNOWN_ARC) - 1]
names = {oid: t for oid, t in named(CANDIDATES).items() if t is not None and t != generic(oid, prefixes)}

path = os.path.join(ROOT, 'workers', 'dissectors', 'oid-names.ts')
with open(path, 'w') as f:
    f.write('// Generated by scripts/make-oid-names.py from tshark\'s trees (%s): do not edit.\n' % tshark_version())
    f.write("// tshark's names of object identifiers, and of the prefixes it names an unknown OID from.\n\n")
    f.write('/** Object identifiers and the names tshark gives them. */\n')
    f.write('export const OID_NAMES: readonly (readonly [string, string])[] = [\n')
    for oid, t in names.items():
        f.write('  [%s, %s],\n' % (quote(oid), quote(t)))
    f.write('];\n\n')
    f.write('/** What tshark prints for an OID below each prefix whose own arcs it does not name (null: nothing). */\n')
    f.write('export const OID_PREFIXES: readonly (readonly [string, string | null])[] = [\n')
    for p, t in prefixes.items():
        f.write('  [%s, %s],\n' % (quote(p), 'null' if t is None else quote(t)))
    f.write('];\n')
print('wrote %s: %d OID_NAMES, %d OID_PREFIXES' % (os.path.normpath(path), len(names), len(prefixes)))
