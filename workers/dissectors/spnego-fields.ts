// The fields of GSS-API (packet-gssapi.c) and SPNEGO (packet-spnego.c, RFC 4178) with the
// Kerberos tokens SPNEGO carries (its krb5 fields: the token's OID and ID, and RFC 4121's wrap
// token of a Kerberos security layer), for spnego.ts.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import * as N from './spnego-names.ts';

const bytes = (name: string, label: string) => ({ name, label, type: FT.BYTES }) as const;
/** An OID: its dotted text as the value (Wireshark's FT_OID), its name after it in the line. */
const oid = (name: string, label: string) => ({ name, label, type: FT.STRING }) as const;

export const G = registerFields({
  gssapi: { name: 'gss-api', label: 'GSS-API Generic Security Service Application Program Interface', type: FT.PROTOCOL },
  oid: oid('gss-api.OID', 'OID'),
  spnego: { name: 'spnego', label: 'Simple Protected Negotiation', type: FT.PROTOCOL },
  negTokenInit: { name: 'spnego.negTokenInit_element', label: 'negTokenInit', type: FT.NONE },
  negTokenTarg: { name: 'spnego.negTokenTarg_element', label: 'negTokenTarg', type: FT.NONE },
  mechTypes: { name: 'spnego.mechTypes', label: 'mechTypes', type: FT.UINT },
  mechType: oid('spnego.MechType', 'MechType'),
  reqFlags: bytes('spnego.reqFlags', 'reqFlags'),
  mechToken: bytes('spnego.mechToken', 'mechToken'),
  mechListMic: bytes('spnego.mechListMIC', 'mechListMIC'),
  negResult: { name: 'spnego.negResult', label: 'negResult', type: FT.UINT, names: names(N.NEG_RESULTS) },
  supportedMech: oid('spnego.supportedMech', 'supportedMech'),
  responseToken: bytes('spnego.responseToken', 'responseToken'),
  krb5Oid: oid('spnego.krb5_oid', 'KRB5 OID'),
  krb5Blob: bytes('spnego.krb5.blob', 'krb5_blob'),
  krb5TokId: { name: 'spnego.krb5.tok_id', label: 'krb5_tok_id', type: FT.UINT, base: Base.HEX, bits: 16, names: names(N.KRB5_TOKEN_IDS) },
  krb5CfxFlags: { name: 'spnego.krb5.cfx_flags', label: 'krb5_cfx_flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  krb5AcceptorSubkey: { name: 'spnego.krb5.acceptor_subkey', label: 'AcceptorSubkey', type: FT.BOOLEAN, bits: 8, mask: 0x04, tf: ['Set', 'Not set'] },
  krb5Sealed: { name: 'spnego.krb5.sealed', label: 'Sealed', type: FT.BOOLEAN, bits: 8, mask: 0x02, tf: ['Set', 'Not set'] },
  krb5SendByAcceptor: { name: 'spnego.krb5.send_by_acceptor', label: 'SendByAcceptor', type: FT.BOOLEAN, bits: 8, mask: 0x01, tf: ['Set', 'Not set'] },
  krb5Filler: bytes('spnego.krb5.filler', 'krb5_filler'),
  krb5CfxEc: { name: 'spnego.krb5.cfx_ec', label: 'krb5_cfx_ec', type: FT.UINT, bits: 16 },
  krb5CfxRrc: { name: 'spnego.krb5.cfx_rrc', label: 'krb5_cfx_rrc', type: FT.UINT, bits: 16 },
  krb5CfxSeq: { name: 'spnego.krb5.cfx_seq', label: 'krb5_cfx_seq', type: FT.UINT, bits: 64 },
  krb5SgnCksum: bytes('spnego.krb5.sgn_cksum', 'krb5_sgn_cksum'),
});
