#!/usr/bin/env python3
"""Write workers/dissectors/tls-names.ts: the value names the TLS dissector shows (cipher suites,
extension types, supported groups, versions, alert descriptions, signature algorithms), as Wireshark's packet-tls-utils.c
has them, from the tshark the corpus was decoded with (`tshark -G values`), and the application
protocol Wireshark names for encrypted data on each TCP port it decodes as TLS (`tshark -G
decodes`, each port measured on the TLS 1.3 sessions of test/fixtures/tls/tls.pcap moved to it).

Usage: scripts/make-tls-names.py   (needs tshark; standard-library Python)
"""
import os
import struct
import tempfile

from tshark_values import field_values, run, write_names_file, write_table

ROOT = os.path.join(os.path.dirname(__file__), '..')
FIELDS = {
    'tls.handshake.ciphersuite': 'CIPHER_SUITES',
    'tls.handshake.extension.type': 'EXTENSION_TYPES',
    'tls.handshake.extensions_supported_group': 'SUPPORTED_GROUPS',
    'tls.record.version': 'VERSIONS',
    'tls.alert_message.desc': 'ALERT_DESCRIPTIONS',
    'tls.handshake.sig_hash_alg': 'SIGNATURE_ALGORITHMS',
}


def app_protocols():
    """Port -> the protocol tshark names in tls.app_data_proto for the fixture's TLS 1.3 session
    (its first Application Data record) moved from port 443 to that port."""
    ports = sorted(int(p[1]) for p in (l.split('\t') for l in run('tshark', '-G', 'decodes').splitlines())
                   if len(p) == 3 and p[0] == 'tcp.port' and p[2] == 'tls')
    src = open(os.path.join(ROOT, 'test', 'fixtures', 'tls', 'tls.pcap'), 'rb').read()
    found = {}
    with tempfile.TemporaryDirectory() as tmp:
        for port in ports:
            d = bytearray(src)
            o = 24
            while o < len(d):
                incl = struct.unpack_from('<I', d, o + 8)[0]
                ip = o + 16 + 14  # Ethernet (tcpdump on lo)
                t = ip + (d[ip] & 15) * 4
                for k in (0, 2):
                    if struct.unpack_from('>H', d, t + k)[0] == 443:
                        struct.pack_into('>H', d, t + k, port)
                o += 16 + incl
            path = os.path.join(tmp, 'p.pcap')
            open(path, 'wb').write(d)
            out = run('tshark', '-n', '-r', path, '-2', '-Y', 'tls.app_data_proto', '-T', 'fields',
                      '-E', 'occurrence=f', '-e', 'tls.app_data_proto').split('\n')
            name = out[0].strip()
            if name:
                found[port] = name
    return found


values = field_values(FIELDS)
apps = app_protocols()
path = os.path.join(ROOT, 'workers', 'dissectors', 'tls-names.ts')
write_names_file(path, 'scripts/make-tls-names.py', 'The value names of packet-tls-utils.c, and the application protocol of each TLS port.', FIELDS, values,
                 extra=lambda f: write_table(f, 'APP_PROTOCOLS', 'TCP ports decoded as TLS, with the long name of the protocol its application data is for.',
                                             sorted(apps.items())),
                 source='`tshark -G values` and `-G decodes`')
print('wrote %s: %s, %d ports' % (os.path.normpath(path), ', '.join('%d %s' % (len(values[k]), v) for k, v in FIELDS.items()), len(apps)))
