// XML bodies against tshark: test/fixtures/xml/xml-cases.pcap (written by
// scripts/make-xml-capture.py) holds HTTP responses whose bodies are XML: a SOAP envelope, a
// document with a DOCTYPE, comments, CDATA, self-closing and empty elements, single-quoted and
// unquoted attributes, text with surrounding whitespace, another processing instruction, bodies left
// unclosed, closing tags out of order and one with nothing open (Error/Malformed), text that is not
// XML ("Unrecognized text"), SOAP 1.2's media type, a DOCTYPE with an internal subset.
// xml-lines.json beside it is tshark 4.0.17's reading (scripts/make-layer-lines.py xml).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('xml');
const TITLES = ['eXtensible Markup Language', '[Malformed Packet'];

describe("XML's tree, as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('xml', 'xml-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol (HTTP/XML), Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('xml', 'xml-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('xml', 'xml-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(15);
    await expectFilters(s, WANT);
  });
});
