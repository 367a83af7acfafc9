#!/usr/bin/env python3
"""Write workers/dissectors/nfs-names.ts: the value names the ONC-RPC, NFS v3, MOUNT and portmapper
dissectors show (message types, reply and accept states, authentication flavors, NFS v3 status
codes, file types, stable_how, create modes, the set_it and *_follow discriminants, procedures),
as Wireshark's packet-rpc.c, packet-nfs.c, packet-mount.c and packet-portmap.c have them, from the
tshark the fixtures were decoded with (`tshark -G values`). nfs.set_it is registered twice under
one name (a sattr3 value's and a time's), so its names are split by registration.

Usage: scripts/make-nfs-names.py   (needs tshark; standard-library Python)
"""
import os

from tshark_values import field_values, first_names, run, write_names_file

ROOT = os.path.join(os.path.dirname(__file__), '..')
FIELDS = {
    'rpc.msgtyp': 'MESSAGE_TYPES',
    'rpc.replystat': 'REPLY_STATES',
    'rpc.state_accept': 'ACCEPT_STATES',
    'rpc.state_reject': 'REJECT_STATES',
    'rpc.state_auth': 'AUTH_STATES',
    'rpc.auth.flavor': 'AUTH_FLAVORS',
    'nfs.procedure_v3': 'NFS3_PROCEDURES',
    'nfs.status3': 'NFS3_STATUS',
    'nfs.status': 'NFS_STATUS',
    'nfs.fattr3.type': 'FILE_TYPES',
    'nfs.write.stable': 'STABLE_HOW',
    'nfs.createmode': 'CREATE_MODES',
    'nfs.attributes_follow': 'VALUE_FOLLOWS',
    'nfs.sattrguard3': 'GUARD_CHECK',
    'mount.procedure_v3': 'MOUNT3_PROCEDURES',
    'mount.status': 'MOUNT3_STATUS',
    'portmap.procedure_v2': 'PORTMAP2_PROCEDURES',
}


def set_it(f):
    """nfs.set_it's two registrations in packet-nfs.c's order: a value's (0, 1), a time's (0, 1, 2)."""
    pairs = [(int(p[2], 0), p[3]) for p in (line.split('\t') for line in run('tshark', '-G', 'values').splitlines())
             if len(p) == 4 and p[0] == 'V' and p[1] == 'nfs.set_it']
    assert pairs[:5] == [(0, 'no value'), (1, 'value follows'), (0, "don't change"), (1, 'set to server time'), (2, 'set to client time')], pairs
    for const, part in (('SET_IT_VALUE', pairs[:2]), ('SET_IT_TIME', pairs[2:5])):
        f.write('/** nfs.set_it (%s) */\nexport const %s: readonly (readonly [number, string])[] = [\n' % (const.split('_')[-1].lower(), const))
        for v, name in part:
            f.write("  [%d, '%s'],\n" % (v, name.replace("'", "\\'")))
        f.write('];\n\n')


values = first_names(field_values(FIELDS))
path = os.path.join(ROOT, 'workers', 'dissectors', 'nfs-names.ts')
write_names_file(path, 'scripts/make-nfs-names.py', 'The value names of packet-rpc.c, packet-nfs.c (v3), packet-mount.c and packet-portmap.c.',
                 FIELDS, values, '%d', extra=set_it)
print('wrote %s: %s' % (os.path.normpath(path), ', '.join('%d %s' % (len(values[k]), v) for k, v in FIELDS.items())))
