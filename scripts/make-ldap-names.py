#!/usr/bin/env python3
"""Write workers/dissectors/ldap-names.ts: the value names the LDAP dissector shows (operations,
result codes, filter and authentication choices, scopes), as Wireshark's packet-ldap.c has them,
from the tshark the corpus was decoded with (`tshark -G values`); and the names tshark gives the
object identifiers LDAP carries (controls, extended operations, Active Directory's capabilities
and policies: `controlType: 1.2.840.113556.1.4.319 (pagedResultsControl)`), read from the tree
tshark prints for an extended request naming each candidate OID. An OID tshark knows no name for
is named from its longest known prefix (`iso.3.6.1.4.1.4203.1.11.3`): the PREFIXES table holds
what tshark prints for an unknown arc below each prefix probed.

Usage: scripts/make-ldap-names.py   (needs tshark; standard-library Python)
"""
import os
import re
import struct

import craft
from tshark_values import field_values, quote, write_names_file

ROOT = os.path.join(os.path.dirname(__file__), '..')
FIELDS = {
    'ldap.protocolOp': 'PROTOCOL_OPS',
    'ldap.resultCode': 'RESULT_CODES',
    'ldap.filter': 'FILTERS',
    'ldap.authentication': 'AUTHENTICATIONS',
    'ldap.scope': 'SCOPES',
    'ldap.derefAliases': 'DEREF_ALIASES',
    'ldap.operation': 'OPERATIONS',
    'ldap.substrings_item': 'SUBSTRINGS',
    'spnego.krb5.tok_id': 'KRB5_TOKEN_IDS',
}

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
)
PROBED_PREFIXES = ['0', '1', '2', '1.2', '1.3', '1.2.840', '1.2.840.113556', '1.2.840.113556.1', '1.2.840.113556.1.4',
                   '1.3.6', '1.3.6.1', '1.3.6.1.1', '1.3.6.1.4', '1.3.6.1.4.1', '1.3.6.1.4.1.4203', '1.3.6.1.4.1.1466',
                   '1.3.6.1.4.1.42', '1.3.6.1.4.1.311', '2.5', '2.5.13', '2.16', '2.16.840', '2.16.840.1',
                   '2.16.840.1.113730', '2.16.840.1.113730.3.4']
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


values = field_values(FIELDS)
# (packet-ldap.c registers ldap.resultCode three times, for LDAPResult, BindResponse and
# ExtendedResponse, with the same names: keep each value once)
values = {k: list(dict(reversed(v)).items())[::-1] for k, v in values.items()}
probes = named(['%s.%s' % (p, UNKNOWN_ARC) for p in PROBED_PREFIXES])
prefixes = {}
for p in PROBED_PREFIXES:
    t = probes['%s.%s' % (p, UNKNOWN_ARC)]
    assert t is None or t.endswith('.' + UNKNOWN_ARC), (p, t)
    prefixes[p] = None if t is None else t[:-len(UNKNOWN_ARC) - 1]
names = {oid: t for oid, t in named(CANDIDATES).items() if t is not None and t != generic(oid, prefixes)}


def extra(f):
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


path = os.path.join(ROOT, 'workers', 'dissectors', 'ldap-names.ts')
write_names_file(path, 'scripts/make-ldap-names.py', "The value names of packet-ldap.c (and its GSS-API wrap token's), and tshark's names of the OIDs LDAP carries.",
                 FIELDS, values, '%d', extra)
print('wrote %s: %s, %d OID_NAMES, %d OID_PREFIXES' % (os.path.normpath(path), ', '.join('%d %s' % (len(values[k]), v) for k, v in FIELDS.items()), len(names), len(prefixes)))
