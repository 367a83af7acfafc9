import { describe, expect, it } from 'vitest';
import { fieldByName } from '../../../workers/fields/registry.ts';
import '../../../workers/dissectors/all.ts';
import { fromString, fromWord, parseBytes, parseEther, parseInteger, parseIpv6 } from '../../../workers/filter/values.ts';
import { Time } from '../../../workers/fields/time.ts';

const def = (n: string) => fieldByName(n) ?? null;
const msg = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
};

describe('literals', () => {
  it('parses integers as Wireshark does', () => {
    expect(parseInteger('80')).toBe(80);
    expect(parseInteger('0x1bb')).toBe(443);
    expect(parseInteger('010')).toBe(8);
    expect(parseInteger('0b1010')).toBe(10);
    expect(parseInteger('08')).toBeNull();
    expect(parseInteger('1e3')).toBeNull();
  });

  it('checks the width of the field and knows value names', () => {
    expect(fromWord('65535', 'uint', def('udp.port')).v).toBe(65535);
    expect(msg(() => fromWord('70000', 'uint', def('udp.port')))).toBe('"70000" too big for this field, maximum 65535.');
    expect(fromWord('udp', 'uint', def('ip.proto')).v).toBe(17);
    expect(fromString(new TextEncoder().encode('TCP'), 'uint', def('ip.proto')).v).toBe(6);
    expect(msg(() => fromWord('foo', 'uint', def('ip.proto')))).toBe('"foo" cannot be found among the possible values for ip.proto.');
    expect(msg(() => fromString(new TextEncoder().encode('53'), 'uint', def('udp.port')))).toBe('Unsigned integer (2 bytes) cannot be converted from a string ("53").');
  });

  it('reads booleans', () => {
    expect(fromWord('True', 'bool', def('tcp.flags.syn')).v).toBe(1);
    expect(fromWord('5', 'bool', def('tcp.flags.syn')).v).toBe(1);
    expect(fromWord('FALSE', 'bool', def('tcp.flags.syn')).v).toBe(0);
    expect(msg(() => fromWord('true', 'bool', def('tcp.flags.syn')))).toBe('"true" cannot be found among the possible values for tcp.flags.syn.');
  });

  it('reads IPv4 and IPv6 with prefixes', () => {
    expect(fromWord('10.1.2.3/8', 'ipv4', null)).toEqual({ type: 'ipv4', v: 0x0a010203, prefix: 8 });
    expect(msg(() => fromWord('10.1.2.3/33', 'ipv4', null))).toBe('Netmask bits in a CIDR IPv4 address should be <= 32, not 33');
    expect(msg(() => fromWord('10.1.2', 'ipv4', null))).toBe('"10.1.2" is not a valid hostname or IPv4 address.');
    expect(Array.from(parseIpv6('2001:db8::1') ?? [])).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(Array.from(parseIpv6('::ffff:10.0.0.1') ?? []).slice(10)).toEqual([0xff, 0xff, 10, 0, 0, 1]);
    expect(parseIpv6('1::2::3')).toBeNull();
    expect(fromWord('fe80::/10', 'ipv6', null).prefix).toBe(10);
  });

  it('reads MAC addresses and byte strings', () => {
    const mac = [0x00, 0x50, 0x56, 0xaa, 0xbb, 0xcc];
    for (const s of ['00:50:56:aa:bb:cc', '00-50-56-aa-bb-cc', '00.50.56.aa.bb.cc', '0050.56aa.bbcc', '005056aabbcc']) expect(Array.from(parseEther(s) ?? [])).toEqual(mac);
    expect(msg(() => fromWord('00:50:56', 'ether', null))).toBe('"00:50:56" contains too few bytes to be a valid Ethernet address.');
    expect(Array.from(parseBytes('00:50:56') ?? [])).toEqual([0, 0x50, 0x56]);
    expect(Array.from(parseBytes('0x0f') ?? [])).toEqual([15]);
    expect(Array.from(parseBytes('7') ?? [])).toEqual([7]);
    expect(parseBytes('0x100')).toBeNull();
    expect(parseBytes('3:dc')).toBeNull();
  });

  it('reads times as seconds and nanoseconds', () => {
    expect(fromWord('1700000000.5', 'time', null).v).toEqual(new Time(1700000000, 500000000));
    expect(fromWord('12', 'time', null).v).toEqual(new Time(12, 0));
  });
});
