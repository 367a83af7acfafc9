// Spanning Tree BPDUs (workers/dissectors/stp.ts) against tshark 4.0.17: various_gre.pcap's
// 802.1D and Cisco PVST+ configuration BPDUs, and an RST, a TCN and an MST BPDU made for this test
// (bytes below; tshark -V's lines copied into the expectations). The whole STP subtree of all 63
// BPDUs of various_gre.pcap equals `tshark -V`'s (checked with scripts/tmp while building it; the
// Info column test pins their Info).

import { describe, expect, it } from 'vitest';
import { buildTree } from '../../../workers/table/details.ts';
import { checkCuts, frame, hex, treeLines } from './helpers.ts';
import { infoText } from '../../../workers/table/info.ts';
import { fieldByName } from '../../../workers/fields/registry.ts';

/** various_gre.pcap frame 9: 802.3 / LLC 0x42 / configuration BPDU. */
const CONFIG = '0180c2000000aabbcc0003100026424203000000000080' + '01aabbcc00030000000000800' + '1aabbcc0003008002000014000200' + '0f0000000000000000';
/** various_gre.pcap frame 10: SNAP, Cisco PID 0x010b (PVST+), a configuration BPDU and its
 *  Originating VLAN TLV. */
const PVST = '01000ccccccdaabbcc00031000' + '32aaaa0300000c010b00000000008001aabbcc0003000000000080' + '01aabbcc000300800200001400020' + '00f00000000000200010000000000000000000000';
/** RST BPDU: version 2, flags 0x3d (forwarding, learning, designated, TC), message age 1.5 s. */
const RST = '0180c20000000200000000010027424203000002023d800a00112233445500004e20700a00aabbccddee80030180140002000f0000';
const TCN = '0180c2000000020000000001000742420300000080';
/** MST BPDU: version 3, Version 1 Length 0, Version 3 Length 64, 102 octets or more. */
const MST = '0180c20000000200000000010069424203000003027c800000112233445500000000800000112233445580010000140002000f000000400000' + '00'.repeat(62);

/** The STP subtree as tshark -V prints it. */
function stpLines(bytes: Uint8Array): string[] {
  return treeLines(buildTree(frame(bytes).fl), 'stp');
}

function info(bytes: Uint8Array): string {
  return infoText(frame(bytes).fl, fieldByName('stp')?.id ?? -1);
}

describe('STP', () => {
  it("decodes various_gre.pcap's configuration BPDU as tshark does", () => {
    const f = frame(hex(CONFIG));
    expect(f.protocols).toBe('frame:eth:llc:stp');
    expect(stpLines(hex(CONFIG))).toEqual([
      'Spanning Tree Protocol',
      '    Protocol Identifier: Spanning Tree Protocol (0x0000)',
      '    Protocol Version Identifier: Spanning Tree (0)',
      '    BPDU Type: Configuration (0x00)',
      '    BPDU flags: 0x00',
      '        0... .... = Topology Change Acknowledgment: No',
      '        .... ...0 = Topology Change: No',
      '    Root Identifier: 32768 / 1 / aa:bb:cc:00:03:00',
      '        Root Bridge Priority: 32768',
      '        Root Bridge System ID Extension: 1',
      '        Root Bridge System ID: aa:bb:cc:00:03:00',
      '    Root Path Cost: 0',
      '    Bridge Identifier: 32768 / 1 / aa:bb:cc:00:03:00',
      '        Bridge Priority: 32768',
      '        Bridge System ID Extension: 1',
      '        Bridge System ID: aa:bb:cc:00:03:00',
      '    Port identifier: 0x8002',
      '    Message Age: 0',
      '    Max Age: 20',
      '    Hello Time: 2',
      '    Forward Delay: 15',
    ]);
    expect(info(hex(CONFIG))).toBe('Conf. Root = 32768/1/aa:bb:cc:00:03:00  Cost = 0  Port = 0x8002');
  });

  it("reads Cisco's PVST+ BPDU and its Originating VLAN TLV (various_gre.pcap frame 10)", () => {
    const f = frame(hex(PVST));
    expect(f.protocols).toBe('frame:eth:llc:stp');
    expect(f.v('stp.pvst.origvlan')).toBe('1');
    expect(stpLines(hex(PVST)).slice(-4)).toEqual([
      '    Originating VLAN (PVID): 1',
      '        Type: Originating VLAN (0x0000)',
      '        Length: 2',
      '        Originating VLAN: 1',
    ]);
    expect(f.status).toBe(0);
  });

  it('names the set flags and the port role of an RST BPDU, as tshark -V', () => {
    const lines = stpLines(hex(RST));
    expect(lines.slice(2, 12)).toEqual([
      '    Protocol Version Identifier: Rapid Spanning Tree (2)',
      '    BPDU Type: Rapid/Multiple Spanning Tree (0x02)',
      '    BPDU flags: 0x3d, Forwarding, Learning, Port Role: Designated, Topology Change',
      '        0... .... = Topology Change Acknowledgment: No',
      '        .0.. .... = Agreement: No',
      '        ..1. .... = Forwarding: Yes',
      '        ...1 .... = Learning: Yes',
      '        .... 11.. = Port Role: Designated (3)',
      '        .... ..0. = Proposal: No',
      '        .... ...1 = Topology Change: Yes',
    ]);
    expect(lines.slice(-6)).toEqual(['    Port identifier: 0x8003', '    Message Age: 1.5', '    Max Age: 20', '    Hello Time: 2', '    Forward Delay: 15', '    Version 1 Length: 0']);
    expect(lines).toContain('    Bridge Identifier: 28672 / 10 / 00:aa:bb:cc:dd:ee');
    expect(info(hex(RST))).toBe('RST. TC + Root = 32768/10/00:11:22:33:44:55  Cost = 20000  Port = 0x8003');
  });

  it('reads a Topology Change Notification and an MST BPDU (up to its Version 3 Length)', () => {
    expect(stpLines(hex(TCN))).toEqual([
      'Spanning Tree Protocol',
      '    Protocol Identifier: Spanning Tree Protocol (0x0000)',
      '    Protocol Version Identifier: Spanning Tree (0)',
      '    BPDU Type: Topology Change Notification (0x80)',
    ]);
    expect(info(hex(TCN))).toBe('Topology Change Notification');
    const mst = frame(hex(MST));
    expect(mst.labels('stp.flags')).toEqual(['BPDU flags: 0x7c, Agreement, Forwarding, Learning, Port Role: Designated']);
    expect(mst.v('mstp.version_3_length')).toBe('64');
    expect(info(hex(MST))).toBe('MST. Root = 32768/0/00:11:22:33:44:55  Cost = 0  Port = 0x8001');
  });

  it('never throws at any cut; a BPDU cut before its port identifier shows no STP item, as Wireshark reads that far first', () => {
    checkCuts(hex(RST), 1, 17 + 27, hex(RST).length, ['stp.type', 'stp.flags', 'stp.root.hw', 'stp.port', 'stp.msg_age']);
    expect(frame(hex(RST).subarray(0, 17 + 26)).v('stp.type')).toBe('');
  });
});
