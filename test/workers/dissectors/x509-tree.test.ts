// X.509 certificates against tshark: test/fixtures/x509/x509-cases.pcap (written by
// scripts/make-x509-capture.py from the openssl-made certificates beside it) holds six TLS 1.2
// Server Hello / Certificate / Server Hello Done flights: an RSA leaf (subjectAltName of DNS names,
// IPv4 and IPv6 addresses, an email and a URI; keyUsage, extKeyUsage, CRL distribution point,
// authority information access, policies with a CPS qualifier) with its RSA CA; an EC P-256 leaf
// (ecdsa-with-SHA256, an SCT list of a log tshark names and an unknown one) with the EC P-384
// intermediate and root that signed it (ecdsa-with-SHA384); a CA certificate with a
// nameConstraints extension, which x509.ts does not read: that certificate keeps its one
// "Certificate: …" line; an EV-style RSA leaf (serialNumber, businessCategory, jurisdiction; TLS
// feature and issuerAltName extensions, user notices) and an EC P-521 leaf named by domain components, an
// email address, a street and a postal code (its authority key identifier naming its issuer and
// serial number too), an EC P-256 leaf with Active Directory Certificate Services' extensions, and
// one message of five certificates (frame 24: frame.protocols lists 79 protocols, the x509 ones of
// more than 48 calls among them), and a Server Hello without extensions (frame 28: its JA3S has none).
// x509-lines.json beside it is tshark 4.0.17's reading
// (scripts/make-layer-lines.py x509).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, type LayerFixture, openFixture, readFixture } from './layer-fixture.ts';

const TSHARK = readFixture('x509');
const TITLES = ['Transport Layer Security', '[Malformed Packet'];
/** The frame whose certificate has an extension x509.ts does not read. */
const UNREAD = '12';

/** tshark's reading with the unread certificate as Decapod shows it: its "Certificate: …" line
 *  without the subject tshark appends and without the tree under it, no x509sat / x509ce layers,
 *  and none of its fields for the filters. */
function withUnread(t: LayerFixture): LayerFixture {
  const lines: string[] = [];
  let cut: number | null = null;
  for (const line of t.layers[UNREAD] ?? []) {
    const indent = line.length - line.trimStart().length;
    if (cut !== null && indent > cut) continue;
    cut = null;
    if (line.trimStart().startsWith('Certificate: ')) {
      cut = indent;
      lines.push(line.replace(/ \(id-at-.*$/, ''));
    } else lines.push(line);
  }
  const [proto, info, protocols] = t.columns[UNREAD] as [string, string, string];
  const filters = Object.fromEntries(Object.entries(t.filters).map(([k, v]) => [k, v.filter((n) => String(n) !== UNREAD)]));
  return {
    layers: { ...t.layers, [UNREAD]: lines },
    columns: { ...t.columns, [UNREAD]: [proto, info, protocols.split(':').filter((p) => !p.startsWith('x509')).join(':')] },
    filters,
  };
}

const WANT = withUnread(TSHARK);

describe("X.509 certificates' trees, as tshark shows them", () => {
  it('line for line on every frame: extensions, EC keys and ECDSA signatures included', async () => {
    const { s, packets } = await openFixture('x509', 'x509-cases.pcap');
    expect(packets).toBe(28);
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('the fixture has the extension lines the tree must show', () => {
    const all = Object.values(TSHARK.layers).flat().map((l) => l.trim());
    for (const line of ['GeneralName: dNSName (2)', 'dNSName: www.example.com', 'iPAddress: 192.0.2.10', 'iPAddress: 2001:db8::10',
      'rfc822Name: admin@example.com', 'uniformResourceIdentifier: https://www.example.com/', 'KeyUsage: a0',
      '..1. .... = keyEncipherment: True', '0... .... = decipherOnly: False', 'KeyPurposeId: 1.3.6.1.5.5.7.3.1 (id-kp-serverAuth)',
      'BasicConstraintsSyntax [0 length]', 'namedCurve: 1.2.840.10045.3.1.7 (secp256r1)', 'namedCurve: 1.3.132.0.34 (secp384r1)',
      'Algorithm Id: 1.2.840.10045.4.3.3 (ecdsa-with-SHA384)', 'distributionPoint: fullName (0)', 'accessLocation: 6',
      'accessMethod: 1.3.6.1.5.5.7.48.2 (id-ad-caIssuers)', 'policyIdentifier: 2.23.140.1.2.2 (joint-iso-itu-t.23.140.1.2.2)',
      'Id: 1.3.6.1.5.5.7.2.1 (id-qt-cps)', 'DirectoryString: https://www.example.com/cps',
      "Signed Certificate Timestamp (Google 'Argon2017' log)", 'Signed Certificate Timestamp (Unknown Log)',
      'Extension (id-ce-nameConstraints)', 'PrintableString: 1234567', 'IA5String: example', 'CountryName: US',
      'Features item: status_request (5)', 'namedCurve: 1.3.132.0.35 (secp521r1)', 'uTF8String: Private Organization',
      'GeneralName: directoryName (4)', 'authorityCertSerialNumber: 0x1004', 'organization: visibleString (1)', 'noticeNumbers item: 2',
      'explicitText: bmpString (2)', 'bmpString: Two-byte text', 'BMPString: DomainController', 'Integer: 65537', 'templateMajorVersion: 100',
      'Extension (id-ms-application-certificate-policies)']) {
      expect(all, line).toContain(line);
    }
  });

  it('the certificate with an unread extension keeps its one line', () => {
    const tshark = TSHARK.layers[UNREAD] ?? [];
    const ours = WANT.layers[UNREAD] ?? [];
    expect(tshark.length - ours.length).toBeGreaterThan(40);
    expect(ours.filter((l) => l.trim().startsWith('Certificate: '))).toHaveLength(1);
  });

  it('Protocol, Info and frame.protocols (x509sat, x509ce, pkcs-1, pkix1implicit, pkix1explicit, tls) as tshark fills them', async () => {
    const { s, packets } = await openFixture('x509', 'x509-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on the extension, key and SCT fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('x509', 'x509-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(45);
    await expectFilters(s, WANT);
  });
});
