// Share links: a profile in a URL fragment (deflate-raw + CRC-32 + base64url), and every way a
// link can arrive broken.

import { describe, expect, it } from 'vitest';
import { crc32, decodeProfilePayload, encodeProfilePayload, fromBase64Url, payloadOfFragment, profileLink, toBase64Url } from '../../../src/lib/profiles/share-link.ts';
import { defaultProfile, type Profile } from '../../../src/lib/profiles/schema.ts';

function team(): Profile {
  const p = defaultProfile('Overlay team');
  p.decodeAs.push({ table: 'udp.port', value: 4792, proto: 'vxlan' });
  p.columns.push({ type: 'custom', title: 'Outer source', field: 'ip.src', occurrence: 1 });
  p.coloringRules.push({ name: 'Überlay ✓', filter: 'vxlan', background: '#e0f0ff', foreground: '#000000' });
  p.filterButtons.push({ label: 'VNI 100', filter: 'vxlan.vni == 100' });
  return p;
}

async function errorOf(payload: string): Promise<string> {
  const r = await decodeProfilePayload(payload);
  if (r.ok) throw new Error('expected the link to be refused');
  return r.error;
}

describe('share links', () => {
  it('round-trip a profile, non-ASCII text included', async () => {
    const p = team();
    const payload = await encodeProfilePayload(p);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeProfilePayload(payload)).toEqual({ ok: true, value: p });
  });

  it('put the profile in the fragment only, replacing any fragment of the base address', async () => {
    const link = await profileLink(team(), 'https://example.org/decapod/?x=1#old');
    expect(link.startsWith('https://example.org/decapod/?x=1#profile=')).toBe(true);
    const url = new URL(link);
    expect(url.search).toBe('?x=1');
    const payload = payloadOfFragment(url.hash);
    expect(payload).not.toBeNull();
    expect(await decodeProfilePayload(payload as string)).toEqual({ ok: true, value: team() });
  });

  it('find the payload among other fragment parameters', () => {
    expect(payloadOfFragment('#a=1&profile=abc&b=2')).toBe('abc');
    expect(payloadOfFragment('#nothing')).toBeNull();
    expect(payloadOfFragment('')).toBeNull();
  });

  it('are compact', async () => {
    expect((await encodeProfilePayload(team())).length).toBeLessThan(600);
  });

  it('refuse a truncated link at every length', async () => {
    const payload = await encodeProfilePayload(team());
    for (let n = 0; n < payload.length - 1; n++) {
      const e = await errorOf(payload.slice(0, n));
      expect(e, `cut at ${n}`).toMatch(/^The profile link is damaged: /);
    }
  });

  it('refuse a tampered link', async () => {
    const payload = await encodeProfilePayload(team());
    for (const i of [6, 10, Math.floor(payload.length / 2), payload.length - 8]) {
      const c = payload[i] === 'A' ? 'B' : 'A';
      const e = await errorOf(payload.slice(0, i) + c + payload.slice(i + 1));
      expect(e).toMatch(/^The profile link is damaged: (its checksum does not match|its compressed data is cut short or corrupt)/);
    }
    expect(await errorOf(payload.slice(0, 20) + '%' + payload.slice(21))).toBe(
      'The profile link is damaged: it has characters that cannot be in a profile link (was it edited?). Ask for the link again, and copy all of it.',
    );
  });

  it('name an unknown encoding version', async () => {
    const bytes = fromBase64Url(await encodeProfilePayload(team())) as Uint8Array;
    bytes[0] = 2;
    expect(await errorOf(toBase64Url(bytes))).toMatch(/^The profile link uses encoding 2, which this Decapod does not read/);
  });

  it('validate the profile inside a well-formed link', async () => {
    const json = new TextEncoder().encode(JSON.stringify({ ...team(), version: 9 }));
    const packed = new Uint8Array(await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    const bytes = new Uint8Array(5 + packed.length);
    bytes[0] = 1;
    new DataView(bytes.buffer).setUint32(1, crc32(json));
    bytes.set(packed, 5);
    expect(await errorOf(toBase64Url(bytes))).toBe('The profile in the link is not valid: the profile has version 9, newer than this Decapod reads (version 1); update Decapod to open it');
  });

  it('refuse a deflate bomb', async () => {
    const big = new Uint8Array(8 << 20).fill(0x20);
    const packed = new Uint8Array(await new Response(new Blob([big]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    const bytes = new Uint8Array(5 + packed.length);
    bytes[0] = 1;
    bytes.set(packed, 5);
    expect(await errorOf(toBase64Url(bytes))).toMatch(/it unpacks to more than 4 MB/);
  });

  it('compute CRC-32 as zlib does', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('base64url round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (let n = 0; n < 6; n++) expect(fromBase64Url(toBase64Url(all.subarray(n)))).toEqual(all.subarray(n));
    expect(fromBase64Url('a')).toBeNull();
    expect(fromBase64Url('ab+c')).toBeNull();
  });
});
