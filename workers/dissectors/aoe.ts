// ATA over Ethernet (ethertype 0x88a2; the AoE protocol specification, Coraid, and Wireshark 4.0
// packet-aoe.c): the common header, with Info as Wireshark writes it ("Query Config Information
// Request"). The ATA and Query Config command bodies are not decoded.
//
//    0       4       8               16                              32
//   +-------+-------+---------------+-------------------------------+
//   |  Ver  | Flags |     Error     |             Major             |
//   +-------+-------+---------------+-------------------------------+
//   |     Minor     |    Command    |                               |
//   +---------------+---------------+          Tag (32 bits)        +
//   |                               |                               |

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { bind, registerDissector } from './tables.ts';

const COMMANDS = names([[0, 'Issue ATA Command'], [1, 'Query Config Information']]);
const FLAG_RESPONSE = 0x08;
const FLAG_ERROR = 0x04;

export const F = registerFields({
  aoe: { name: 'aoe', label: 'ATAoverEthernet', type: FT.PROTOCOL },
  version: { name: 'aoe.version', label: 'Version', type: FT.UINT, bits: 8 },
  response: { name: 'aoe.response', label: 'Response flag', type: FT.BOOLEAN, bits: 8, mask: FLAG_RESPONSE, tf: ['Response', 'Request'] },
  error: { name: 'aoe.flags_error', label: 'Error flag', type: FT.BOOLEAN, bits: 8, mask: FLAG_ERROR, tf: ['Error', 'No error'] },
  errorCode: { name: 'aoe.error', label: 'Error', type: FT.UINT, bits: 8, names: names([[1, 'Unrecognized command code'], [2, 'Bad argument parameter'], [3, 'Device unavailable'], [4, 'Config string present'], [5, 'Unsupported version']]) },
  major: { name: 'aoe.major', label: 'Major', type: FT.UINT, base: Base.HEX, bits: 16 },
  minor: { name: 'aoe.minor', label: 'Minor', type: FT.UINT, base: Base.HEX, bits: 8 },
  cmd: { name: 'aoe.cmd', label: 'Command', type: FT.UINT, bits: 8, names: COMMANDS, unknownName: true },
  tag: { name: 'aoe.tag', label: 'Tag', type: FT.UINT, base: Base.HEX },
});

function dissectAoe(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.colProtocol = 'AoE';
  c.proto(F.aoe, off, end);
  if (!c.has(off, 1, end)) return;
  const b = c.u8(off);
  f.add(F.version, off, 1, b >> 4);
  // "Flags:" then the set flags' names (a text line, as packet-aoe.c's)
  const flags = b & 0x0f;
  f.push(f.text(off, 1, `Flags:${flags & FLAG_RESPONSE ? ' Response' : ''}${flags & FLAG_ERROR ? ' Error' : ''}`));
  f.add(F.response, off, 1, flags & FLAG_RESPONSE ? 1 : 0);
  f.add(F.error, off, 1, flags & FLAG_ERROR ? 1 : 0);
  f.pop();
  if (flags & FLAG_ERROR) c.uint(F.errorCode, off + 1, 1, end);
  c.uint(F.major, off + 2, 2, end);
  c.uint(F.minor, off + 4, 1, end);
  const cmd = c.uint(F.cmd, off + 5, 1, end);
  if (cmd >= 0 && f.wanted === null) c.setInfo(`${COMMANDS.get(cmd) ?? `Unknown command<${cmd}>`} ${flags & FLAG_RESPONSE ? 'Response' : 'Request'}`);
  if (c.has(off + 6, 4, end)) c.uint(F.tag, off + 6, 4, end);
  f.pop();
}

registerDissector('aoe', dissectAoe);
bind('ethertype', 0x88a2, 'aoe');
