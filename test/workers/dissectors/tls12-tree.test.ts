// TLS 1.2 against tshark: test/fixtures/tls12/tls12-cases.pcap (written by
// scripts/make-tls12-capture.py with Python's ssl module) holds five TLS 1.2 handshakes with
// self-signed RSA certificates: ECDHE-RSA on x25519, on secp256r1 (a certificate of a
// four-attribute name, valid to 2059: a GeneralizedTime) and on secp384r1 (PrintableStrings, a
// path length constraint, SHA-384), the RSA key exchange and DHE-RSA, each with its Server /
// Client Key Exchange, Certificate (its X.509 contents), New Session Ticket and a line of
// application data each way. tls12-lines.json beside it is
// tshark 4.0.17's reading (scripts/make-layer-lines.py tls12).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('tls12');
const TITLES = ['Transport Layer Security', '[Malformed Packet'];

describe("TLS 1.2's tree, as tshark shows it", () => {
  it('line for line on every frame: key exchange messages and X.509 certificates included', async () => {
    const { s, packets } = await openFixture('tls12', 'tls12-cases.pcap');
    expect(packets).toBe(45);
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('the fixture has the key exchange and certificate lines the tree must show', () => {
    const all = Object.values(WANT.layers).flat().map((l) => l.trim());
    for (const line of ['EC Diffie-Hellman Server Params', 'EC Diffie-Hellman Client Params', 'Diffie-Hellman Server Params',
      'Diffie-Hellman Client Params', 'RSA Encrypted PreMaster Secret', 'Named Curve: secp256r1 (0x0017)', 'Signature Length: 256',
      'signedCertificate', 'CountryName: US', 'BasicConstraintsSyntax', 'publicExponent: 65537', 'pathLenConstraint: 0',
      'DirectoryString: printableString (1)', 'Algorithm Id: 1.2.840.113549.1.1.12 (sha384WithRSAEncryption)']) {
      expect(all, line).toContain(line);
    }
  });

  it('Protocol, Info and frame.protocols (an x509sat per name attribute, an x509ce per extension) as tshark fills them', async () => {
    const { s, packets } = await openFixture('tls12', 'tls12-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on the key exchange and certificate fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('tls12', 'tls12-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(29);
    await expectFilters(s, WANT);
  });
});
