// Dropbox's LAN sync discovery on UDP 17500 (Wireshark 4.0's packet-db-lsp.c, "DB-LSP-DISC"): each
// datagram announces a Dropbox client as a JSON object, which JSON dissects under it; the column
// reads "DB-LSP-DISC/JSON", as JSON appends its name to the protocol that called it.

import { FT, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { dissectJson } from './json.ts';
import { bind, registerDissector } from './tables.ts';

export const F = registerFields({
  disc: { name: 'db-lsp-disc', label: 'Dropbox LAN sync Discovery Protocol', type: FT.PROTOCOL },
});

export function dissectDbLspDisc(c: Ctx, off: number, end: number): void {
  c.colProtocol = 'DB-LSP-DISC';
  if (c.f.wanted === null) c.setInfo('Dropbox LAN sync Discovery Protocol');
  c.proto(F.disc, off, end);
  if (dissectJson(c, off, end, null)) {
    c.colProtocol = 'DB-LSP-DISC/JSON';
    if (c.f.wanted === null) c.appendInfo('JavaScript Object Notation');
  } else dissectData(c, off, end);
  c.f.pop();
}

registerDissector('db-lsp-disc', dissectDbLspDisc);
bind('udp.port', 17500, 'db-lsp-disc');
