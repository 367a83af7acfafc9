// The TCP subtree of the details tree against `tshark -2 -n -r tcp-handshake-nano.pcap -V`, frame
// 1 (a SYN with options): every line as tshark writes it (relative numbers marked so, the data
// offset as bits, the flags' line with their names, the expert info under the SYN bit with its
// severity and group, the unverified checksum, the options, the [Timestamps]).

import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../../workers/api.ts';
import { CaptureSession } from '../../../workers/session.ts';
import { CAPTURES } from '../../golden/corpus.ts';

const TSHARK = `Transmission Control Protocol, Src Port: 46656, Dst Port: 80, Seq: 0, Len: 0
    Source Port: 46656
    Destination Port: 80
    [Stream index: 0]
    [Conversation completeness: Incomplete, ESTABLISHED (7)]
    [TCP Segment Len: 0]
    Sequence Number: 0    (relative sequence number)
    Sequence Number (raw): 797190859
    [Next Sequence Number: 1    (relative sequence number)]
    Acknowledgment Number: 0
    Acknowledgment number (raw): 0
    1010 .... = Header Length: 40 bytes (10)
    Flags: 0x002 (SYN)
        000. .... .... = Reserved: Not set
        ...0 .... .... = Accurate ECN: Not set
        .... 0... .... = Congestion Window Reduced: Not set
        .... .0.. .... = ECN-Echo: Not set
        .... ..0. .... = Urgent: Not set
        .... ...0 .... = Acknowledgment: Not set
        .... .... 0... = Push: Not set
        .... .... .0.. = Reset: Not set
        .... .... ..1. = Syn: Set
            [Expert Info (Chat/Sequence): Connection establish request (SYN): server port 80]
                [Connection establish request (SYN): server port 80]
                [Severity level: Chat]
                [Group: Sequence]
        .... .... ...0 = Fin: Not set
        [TCP Flags: ··········S·]
    Window: 27200
    [Calculated window size: 27200]
    Checksum: 0x50c4 [unverified]
    [Checksum Status: Unverified]
    Urgent Pointer: 0
    Options: (20 bytes), Maximum segment size, SACK permitted, Timestamps, No-Operation (NOP), Window scale
        TCP Option - Maximum segment size: 1360 bytes
            Kind: Maximum Segment Size (2)
            Length: 4
            MSS Value: 1360
        TCP Option - SACK permitted
            Kind: SACK Permitted (4)
            Length: 2
        TCP Option - Timestamps: TSval 1131021154, TSecr 0
            Kind: Time Stamp Option (8)
            Length: 10
            Timestamp value: 1131021154
            Timestamp echo reply: 0
        TCP Option - No-Operation (NOP)
            Kind: No-Operation (1)
        TCP Option - Window scale: 7 (multiply by 128)
            Kind: Window Scale (3)
            Length: 3
            Shift count: 7
            [Multiplier: 128]
    [Timestamps]
        [Time since first frame in this TCP stream: 0.000000000 seconds]
        [Time since previous frame in this TCP stream: 0.000000000 seconds]`.split('\n');

describe('TCP in the details tree', () => {
  it("writes a SYN's subtree line for line as tshark -V", async () => {
    const s = new CaptureSession();
    await s.open([await openAsBlob(join(CAPTURES, 'tcp-handshake-nano.pcap'))], ['tcp-handshake-nano.pcap'], []);
    const tcp = (await s.getDetails(1)).tree.find((n) => n.field === 'tcp') as TreeNode;
    const lines: string[] = [];
    const walk = (n: TreeNode, indent: string): void => {
      lines.push(indent + n.label);
      for (const c of n.children) walk(c, `${indent}    `);
    };
    walk(tcp, '');
    expect(lines).toEqual(TSHARK);
  });
});
