// HTTP bodies and headers against tshark: test/fixtures/httpbody/httpbody-cases.pcap (written by
// scripts/make-httpbody-capture.py) holds one connection with Basic credentials ("Credentials:
// user:pass"), a chunked gzip HTML body ("Content-encoded entity body (gzip): 45 bytes -> 32
// bytes", then the page as text), a deflate JSON body, a UTF-8 text body ("café", an invalid byte
// as U+FFFD), a urlencoded form ("Form item: "password" =
// "s@cret 1""), a redirect, a 304, a 404 with a text body, and a gzip body that does not decompress
// (its Warning, the bytes as data). httpbody-lines.json beside it is tshark 4.0.17's reading
// (scripts/make-layer-lines.py httpbody).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('httpbody');
const TITLES = ['Hypertext Transfer Protocol', 'Line-based text data', 'JavaScript Object Notation', 'HTML Form URL Encoded', '[Malformed Packet'];

describe("HTTP bodies, as tshark shows them", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('httpbody', 'httpbody-cases.pcap');
    expect(packets).toBe(17);
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('httpbody', 'httpbody-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on the decoded body keep the frames tshark keeps', async () => {
    const { s } = await openFixture('httpbody', 'httpbody-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(10);
    await expectFilters(s, WANT);
  });
});
