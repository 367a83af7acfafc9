#!/usr/bin/env python3
"""Write workers/dissectors/ldap-names.ts: the value names the LDAP dissector shows (operations,
result codes, filter and authentication choices, scopes), as Wireshark's packet-ldap.c has them,
from the tshark the corpus was decoded with (`tshark -G values`). The names of the OIDs LDAP
carries are scripts/make-oid-names.py's.

Usage: scripts/make-ldap-names.py   (needs tshark; standard-library Python)
"""
import os
from tshark_values import field_values, first_names, write_names_file

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
    'mscldap.netlogon.opcode': 'NETLOGON_OPCODES',
}

# (packet-ldap.c registers ldap.resultCode three times, for LDAPResult, BindResponse and
# ExtendedResponse, with the same names)
values = first_names(field_values(FIELDS))
path = os.path.join(ROOT, 'workers', 'dissectors', 'ldap-names.ts')
write_names_file(path, 'scripts/make-ldap-names.py', "The value names of packet-ldap.c (and its GSS-API wrap token's).", FIELDS, values, '%d')
print('wrote %s: %s' % (os.path.normpath(path), ', '.join('%d %s' % (len(values[k]), v) for k, v in FIELDS.items())))
