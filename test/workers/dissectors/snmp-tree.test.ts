// SNMP against tshark: test/fixtures/snmp/snmp-cases.pcap (written by scripts/make-snmp-capture.py)
// holds a monitoring station's polls of a switch and a hypervisor: version 1 get, get-next, set
// (an error response), a v1 trap; version 2c get and get-bulk with every value type in the
// responses (Counter64 past 2^53, noSuchObject / noSuchInstance / endOfMibView), a v2 trap, an
// inform and its response; version 3 discovery, report, signed and encrypted messages with engine
// IDs of several formats; and damaged or foreign datagrams. snmp-lines.json beside it is tshark
// 4.0.17's reading (scripts/make-layer-lines.py snmp, two passes as Decapod's details).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('snmp');
const TITLES = ['Simple Network Management Protocol', '[Malformed Packet'];

describe("SNMP's tree, as tshark shows it", () => {
  it('line for line on every frame', async () => {
    const { s, packets } = await openFixture('snmp', 'snmp-cases.pcap');
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('snmp', 'snmp-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('snmp', 'snmp-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(23);
    await expectFilters(s, WANT);
  });
});
