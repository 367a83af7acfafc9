#!/usr/bin/env python3
"""Write workers/dissectors/mysql-names.ts: the value names the MySQL dissector shows (commands,
MySQL's and MariaDB's collations, column types, session tracker types), as Wireshark's
packet-mysql.c has them, from the tshark the corpus was decoded with (`tshark -G values`).

Usage: scripts/make-mysql-names.py   (needs tshark; standard-library Python)
"""
import os

from tshark_values import field_values, write_names_file

ROOT = os.path.join(os.path.dirname(__file__), '..')
FIELDS = {
    'mysql.command': 'COMMANDS',
    'mysql.charset': 'COLLATIONS',
    'mariadb.charset': 'MARIADB_COLLATIONS',
    'mysql.field.type': 'FIELD_TYPES',
    'mysql.session_track.type': 'SESSION_TRACK_TYPES',
}


values = field_values(FIELDS)
path = os.path.join(ROOT, 'workers', 'dissectors', 'mysql-names.ts')
write_names_file(path, 'scripts/make-mysql-names.py', 'The value names of packet-mysql.c.', FIELDS, values, '%d')
print('wrote %s: %s' % (os.path.normpath(path), ', '.join('%d %s' % (len(values[k]), v) for k, v in FIELDS.items())))
