// A profile in a link: `https://…/#profile=<payload>`. The fragment never leaves the browser (it is
// not sent in the HTTP request), so the profile reaches no server.
//
// payload = base64url( 0x01 | CRC-32 of the JSON (4 bytes, big-endian) | deflate-raw(JSON) )
//
// deflate-raw (RFC 1951) has no checksum of its own; the CRC-32 (the one of zlib and PNG) tells a
// tampered or cut link from a good one, and the leading format byte lets a later Decapod change the
// encoding. Decoding checks each layer in turn and says which one failed. Pure: it needs only
// CompressionStream/DecompressionStream, btoa/atob and TextEncoder, which browsers and Node share.

import { parseProfileJson, serializeProfile, type Profile, type Validated, type ValidateContext } from './schema.ts';

export const LINK_KEY = 'profile';
const LINK_FORMAT = 1;
const HEADER = 5;
/** A profile is a few kilobytes; refuse to inflate anything far bigger (a deflate bomb in a link). */
const MAX_JSON_BYTES = 4 << 20;

let crcTable: Uint32Array | null = null;

/** CRC-32 (ISO 3309, reflected polynomial 0xEDB88320), as zlib computes it. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = (crcTable[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** RFC 4648 §5 base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    return null;
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; the writer's promises are awaited there.
  const written = writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  written.catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new RangeError('too large');
    }
    chunks.push(value);
  }
  await written;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** The fragment's payload for a profile (without `#profile=`). */
export async function encodeProfilePayload(p: Profile): Promise<string> {
  const json = new TextEncoder().encode(serializeProfile(p));
  const packed = await pipe(json, new CompressionStream('deflate-raw'));
  const out = new Uint8Array(HEADER + packed.length);
  out[0] = LINK_FORMAT;
  new DataView(out.buffer).setUint32(1, crc32(json));
  out.set(packed, HEADER);
  return toBase64Url(out);
}

/** A share link: `base` (the app's address; any fragment is replaced) with `#profile=…`. */
export async function profileLink(p: Profile, base: string): Promise<string> {
  const hash = base.indexOf('#');
  return `${hash < 0 ? base : base.slice(0, hash)}#${LINK_KEY}=${await encodeProfilePayload(p)}`;
}

/** The payload of a `#profile=…` fragment (with or without the `#`), or null when it has none. */
export function payloadOfFragment(fragment: string): string | null {
  const f = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  for (const part of f.split('&')) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq) === LINK_KEY) return part.slice(eq + 1);
  }
  return null;
}

/** Decode and validate a link's payload; the error says which layer is wrong. */
export async function decodeProfilePayload(payload: string, ctx: ValidateContext = {}): Promise<Validated<Profile>> {
  const damaged = (why: string): Validated<Profile> => ({ ok: false, error: `The profile link is damaged: ${why}. Ask for the link again, and copy all of it.` });
  if (payload === '') return damaged('it holds no profile data');
  if (!/^[A-Za-z0-9_-]*$/.test(payload)) return damaged('it has characters that cannot be in a profile link (was it edited?)');
  const bytes = fromBase64Url(payload);
  if (!bytes) return damaged('it is cut short (its length is not possible)');
  if (bytes.length < HEADER + 1) return damaged('it is too short');
  if (bytes[0] !== LINK_FORMAT) {
    return { ok: false, error: `The profile link uses encoding ${bytes[0]}, which this Decapod does not read (it reads encoding ${LINK_FORMAT}); it may come from a newer Decapod.` };
  }
  const want = new DataView(bytes.buffer, bytes.byteOffset).getUint32(1);
  let json: Uint8Array;
  try {
    json = await pipe(bytes.subarray(HEADER), new DecompressionStream('deflate-raw'), MAX_JSON_BYTES);
  } catch (e) {
    if (e instanceof RangeError) return damaged(`it unpacks to more than ${MAX_JSON_BYTES >> 20} MB`);
    return damaged('its compressed data is cut short or corrupt');
  }
  if (crc32(json) !== want) return damaged('its checksum does not match (the link was changed or cut)');
  let textOut: string;
  try {
    textOut = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    return damaged('it is not UTF-8 text');
  }
  const r = parseProfileJson(textOut, ctx);
  return r.ok ? r : { ok: false, error: `The profile in the link is not valid: ${r.error}` };
}
