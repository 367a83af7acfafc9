#!/usr/bin/env python3
"""Write workers/dissectors/afn-names.ts: the IANA address family numbers as Wireshark names them
(epan/afn.c's afn_vals), from the tshark the corpus was decoded with (`tshark -G values`). BGP's
AFI, LLDP's management address subtype and ICMP's interface identification object all name their
values from this one table; the script checks that tshark's three fields agree before writing it.

Usage: scripts/make-afn-names.py   (needs tshark; standard-library Python)
"""
import os
import sys

from tshark_values import field_values, write_names_file

ROOT = os.path.join(os.path.dirname(__file__), '..')
FIELDS = {'bgp.cap.mp.afi': 'ADDRESS_FAMILIES'}
USERS = ['lldp.network_address.subtype', 'lldp.mgn.address.subtype', 'icmp.int_ident.afi']

values = field_values({**FIELDS, **{u: u for u in USERS}})
for u in USERS:
    if values[u] != values['bgp.cap.mp.afi']:
        sys.exit('%s does not name its values as bgp.cap.mp.afi does: afn-names.ts cannot serve it' % u)
path = os.path.join(ROOT, 'workers', 'dissectors', 'afn-names.ts')
write_names_file(path, 'scripts/make-afn-names.py', "epan/afn.c's address family numbers (BGP's AFI, LLDP's address subtypes, ICMP's interface identification AFI).",
                 FIELDS, values, '%d')
