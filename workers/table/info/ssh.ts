// The Info column of SSH, as packet-ssh.c writes it: each message of the segment ("Protocol
// (SSH-2.0-OpenSSH_5.3)", "Key Exchange Init", "Diffie-Hellman Group Exchange Reply", "Encrypted
// packet (len=48)") joined by ", ", after "Client: " or "Server: ".

import type { FieldList } from '../../fields/field-list.ts';
import { KEX_MESSAGES } from '../../dissectors/ssh.ts';
import { KexKind, kexKind } from '../../dissectors/ssh-state.ts';
import { find, ids, namedAt } from './fields.ts';

const [SSH, PROTOCOL, CODE, ENCRYPTED, DIRECTION, TEXT] = ids('ssh', 'ssh.protocol', 'ssh.message_code', 'ssh.encrypted_packet', 'ssh.direction', '_ws.text');
const METHOD = /^Key Exchange \(method:(.*)\)$/;

export function sshInfo(fl: FieldList): string {
  const top = find(fl, 'ssh');
  if (top < 0 || fl.id[top] !== SSH) return '';
  const end = (fl.off[top] as number) + (fl.len[top] as number);
  const parts: string[] = [];
  let side = '';
  for (let i = top + 1; i < fl.count; i++) {
    const id = fl.id[i];
    if (id === PROTOCOL) parts.push(`Protocol (${fl.str[i] ?? ''})`);
    else if (id === CODE) parts.push(messageName(fl, i));
    else if (id === ENCRYPTED) parts.push(`Encrypted packet (len=${end - ((fl.off[i] as number) - 4)})`);
    else if (id === DIRECTION) side = fl.num[i] ? 'Server: ' : 'Client: ';
  }
  return side + parts.join(', ');
}

/** A message code's name; codes 30-39 are named by the key exchange method, which the line of
 *  the message's Key Exchange subtree names ("Key Exchange (method:curve25519-sha256)"). */
function messageName(fl: FieldList, i: number): string {
  const v = fl.num[i] as number;
  if (v < 30 || v >= 40) return namedAt(fl, i, (x) => `Unknown (${x})`);
  const p = fl.parent[i] as number;
  const m = p >= 0 && fl.id[p] === TEXT ? METHOD.exec(fl.str[p] ?? '') : null;
  const kind = kexKind(m ? (m[1] as string) : null, KexKind.DH);
  return KEX_MESSAGES[kind].get(v) ?? `Unknown (${v})`;
}
