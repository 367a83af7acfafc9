// Magic-byte sniffing and link-type names.

import { describe, expect, it } from 'vitest';
import { detect } from '../../../workers/formats/detect.ts';
import { linkTypeName } from '../../../workers/formats/link-types.ts';
import { blobOf, readAll } from './corpus.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('detect', () => {
  it('recognises pcap in both byte orders and both resolutions', () => {
    expect(detect(bytes(0xa1, 0xb2, 0xc3, 0xd4))).toEqual({ format: 'pcap', littleEndian: false, nanosecond: false });
    expect(detect(bytes(0xd4, 0xc3, 0xb2, 0xa1))).toEqual({ format: 'pcap', littleEndian: true, nanosecond: false });
    expect(detect(bytes(0xa1, 0xb2, 0x3c, 0x4d))).toEqual({ format: 'pcap', littleEndian: false, nanosecond: true });
    expect(detect(bytes(0x4d, 0x3c, 0xb2, 0xa1))).toEqual({ format: 'pcap', littleEndian: true, nanosecond: true });
  });

  it('recognises pcapng and gzip', () => {
    expect(detect(bytes(0x0a, 0x0d, 0x0d, 0x0a))).toEqual({ format: 'pcapng' });
    expect(detect(bytes(0x1f, 0x8b))).toEqual({ format: 'gzip' });
    expect(detect(bytes(0x1f, 0x8b, 0x08, 0x00))).toEqual({ format: 'gzip' });
  });

  it('says why anything else is not a capture', () => {
    expect(detect(bytes(0x12, 0x34, 0x56, 0x78))).toEqual({ format: 'unknown', error: 'not a capture file: unknown magic 0x12345678 at offset 0' });
    expect(detect(bytes())).toEqual({ format: 'unknown', error: 'not a capture file: the file is empty' });
    expect(detect(bytes(0xd4))).toEqual({ format: 'unknown', error: 'not a capture file: 1 byte long, too short for a magic number' });
    expect(detect(bytes(0xd4, 0xc3, 0xb2))).toEqual({ format: 'unknown', error: 'not a capture file: 3 bytes long, too short for a magic number' });
  });

  it('never goes by the file name', async () => {
    const file = new File([bytes(0x50, 0x4b, 0x03, 0x04, 0, 0)], 'capture.pcap');
    const { res } = await readAll(file);
    expect(res.error).toBe('not a capture file: unknown magic 0x504b0304 at offset 0');
    expect(res.format).toBe('unknown');
    expect((await readAll(blobOf(bytes()))).res.records).toBe(0);
  });
});

describe('link-type names', () => {
  it('are libpcap\'s, and unknown numbers stay numbers', () => {
    expect(linkTypeName(1)).toBe('ETHERNET');
    expect(linkTypeName(113)).toBe('LINUX_SLL');
    expect(linkTypeName(276)).toBe('LINUX_SLL2');
    expect(linkTypeName(127)).toBe('IEEE802_11_RADIOTAP');
    expect(linkTypeName(284)).toBe('DSA_TAG_DSA');
    expect(linkTypeName(0)).toBe('NULL');
    expect(linkTypeName(65000)).toBe('LINKTYPE_65000');
    expect(linkTypeName(208)).toBe('LINKTYPE_208');
  });
});
