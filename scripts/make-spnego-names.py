#!/usr/bin/env python3
"""Write workers/dissectors/spnego-names.ts: the value names of SPNEGO and of the Kerberos GSS-API
tokens it carries (negotiation results, krb5 token IDs), as Wireshark's packet-spnego.c has them,
from the tshark the corpus was decoded with (`tshark -G values`).

Usage: scripts/make-spnego-names.py   (needs tshark; standard-library Python)
"""
import os

from tshark_values import field_values, write_names_file

ROOT = os.path.join(os.path.dirname(__file__), '..')
FIELDS = {
    'spnego.negResult': 'NEG_RESULTS',
    'spnego.krb5.tok_id': 'KRB5_TOKEN_IDS',
}

values = field_values(FIELDS)
path = os.path.join(ROOT, 'workers', 'dissectors', 'spnego-names.ts')
write_names_file(path, 'scripts/make-spnego-names.py', "The value names of packet-spnego.c.", FIELDS, values, '%d')
print('wrote %s: %s' % (os.path.normpath(path), ', '.join('%d %s' % (len(values[k]), v) for k, v in FIELDS.items())))
