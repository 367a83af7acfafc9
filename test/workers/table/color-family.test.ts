// The packet list's row colours by protocol family (protocol-names.ts colorFamily): a protocol with
// no family of its own takes its transport's, as Wireshark's default "TCP" and "UDP" colouring
// rules colour LDAP, Kerberos or SNMP rows; one over neither stays uncoloured.
import { describe, expect, it } from 'vitest';
import '../../../workers/dissectors/all.ts';
import { fieldByName } from '../../../workers/fields/registry.ts';
import { Status } from '../../../workers/dissectors/context.ts';
import { colorFamily } from '../../../workers/table/protocol-names.ts';

const id = (name: string): number => (fieldByName(name) as { id: number }).id;

describe('row colour family', () => {
  it("is the protocol's own family when it has one", () => {
    expect(colorFamily(id('dns'), 0, 0, false, 17)).toBe('dns');
    expect(colorFamily(id('arp'), 0, 0, false)).toBe('arp');
  });

  it("falls back to the transport's family", () => {
    expect(colorFamily(id('ldap'), 0, 0, false, 6)).toBe('tcp');
    expect(colorFamily(id('snmp'), 0, 0, false, 17)).toBe('udp');
    expect(colorFamily(id('kerberos'), 0, 0, true, 6)).toBe('tcp tunnelled');
    expect(colorFamily(id('esp'), 0, 0, false, 50)).toBe('other');
    expect(colorFamily(id('esp'), 0, 0, true, 50)).toBe('tunnel');
  });

  it('marks a damaged row first', () => {
    expect(colorFamily(id('ldap'), Status.MALFORMED, 0, false, 6)).toBe('bad');
  });
});
