// The fields of Kerberos (Wireshark 4.0's packet-kerberos.c, generated from RFC 4120's ASN.1), with
// its names and labels, for kerberos.ts.

import { FT, names, registerFields, type FieldSpec } from '../fields/registry.ts';
import * as N from './kerberos-names.ts';

const int = (name: string, label: string, table?: readonly (readonly [number, string])[]) =>
  ({ name, label, type: FT.INT, ...(table ? { names: names(table) } : {}) }) as const;
const uint = (name: string, label: string) => ({ name, label, type: FT.UINT }) as const;
const none = (name: string, label: string) => ({ name, label, type: FT.NONE }) as const;
const str = (name: string, label: string) => ({ name, label, type: FT.STRING }) as const;
const bytes = (name: string, label: string) => ({ name, label, type: FT.BYTES }) as const;
const time = (name: string, label: string) => ({ name, label, type: FT.ABSOLUTE_TIME }) as const;
const bit = (name: string, label: string, mask: number) => ({ name, label, type: FT.BOOLEAN, bits: 8, mask }) as const;

export const F = registerFields({
  kerberos: { name: 'kerberos', label: 'Kerberos', type: FT.PROTOCOL },
  recordMark: none('kerberos.rm', 'Record Mark'),
  rmReserved: { name: 'kerberos.rm.reserved', label: 'Reserved', type: FT.BOOLEAN, bits: 32, mask: 0x80000000, tf: ['Set', 'Not set'] },
  rmLength: { name: 'kerberos.rm.length', label: 'Record Length', type: FT.UINT, bits: 32, mask: 0x7fffffff },
  asReq: none('kerberos.as_req_element', 'as-req'),
  asRep: none('kerberos.as_rep_element', 'as-rep'),
  tgsReq: none('kerberos.tgs_req_element', 'tgs-req'),
  tgsRep: none('kerberos.tgs_rep_element', 'tgs-rep'),
  apReq: none('kerberos.ap_req_element', 'ap-req'),
  apRep: none('kerberos.ap_rep_element', 'ap-rep'),
  krbError: none('kerberos.krb_error_element', 'krb-error'),
  pvno: uint('kerberos.pvno', 'pvno'),
  msgType: int('kerberos.msg_type', 'msg-type', N.MESSAGE_TYPES),
  padata: uint('kerberos.padata', 'padata'),
  paData: none('kerberos.PA_DATA_element', 'PA-DATA'),
  padataType: int('kerberos.padata_type', 'padata-type', N.PADATA_TYPES),
  padataValue: bytes('kerberos.padata_value', 'padata-value'),
  reqBody: none('kerberos.req_body_element', 'req-body'),
  kdcOptions: bytes('kerberos.kdc_options', 'kdc-options'),
  cname: none('kerberos.cname_element', 'cname'),
  sname: none('kerberos.sname_element', 'sname'),
  nameType: int('kerberos.name_type', 'name-type', N.NAME_TYPES),
  cnameString: uint('kerberos.cname_string', 'cname-string'),
  snameString: uint('kerberos.sname_string', 'sname-string'),
  cnameText: str('kerberos.CNameString', 'CNameString'),
  snameText: str('kerberos.SNameString', 'SNameString'),
  realm: str('kerberos.realm', 'realm'),
  crealm: str('kerberos.crealm', 'crealm'),
  from: time('kerberos.from', 'from'),
  till: time('kerberos.till', 'till'),
  rtime: time('kerberos.rtime', 'rtime'),
  nonce: uint('kerberos.nonce', 'nonce'),
  etypes: uint('kerberos.kdc-req-body.etype', 'etype'),
  enctype: int('kerberos.ENCTYPE', 'ENCTYPE', N.ENCTYPES),
  addresses: uint('kerberos.addresses', 'addresses'),
  hostAddress: none('kerberos.HostAddress_element', 'HostAddress'),
  addrType: int('kerberos.addr_type', 'addr-type', N.ADDRESS_TYPES),
  addrIp: { name: 'kerberos.addr_ip', label: 'IP Address', type: FT.IPV4 },
  addrIpv6: { name: 'kerberos.addr_ipv6', label: 'IPv6 Address', type: FT.IPV6 },
  addrNb: str('kerberos.addr_nb', 'NetBIOS Name'),
  address: bytes('kerberos.address', 'address'),
  encAuthorizationData: none('kerberos.enc_authorization_data_element', 'enc-authorization-data'),
  additionalTickets: uint('kerberos.additional_tickets', 'additional-tickets'),
  ticket: none('kerberos.ticket_element', 'ticket'),
  tktVno: uint('kerberos.tkt_vno', 'tkt-vno'),
  encPart: none('kerberos.enc_part_element', 'enc-part'),
  authenticator: none('kerberos.authenticator_element', 'authenticator'),
  etype: int('kerberos.etype', 'etype', N.ENCTYPES),
  kvno: uint('kerberos.kvno', 'kvno'),
  cipher: bytes('kerberos.cipher', 'cipher'),
  apOptions: bytes('kerberos.ap_options', 'ap-options'),
  ctime: time('kerberos.ctime', 'ctime'),
  cusec: uint('kerberos.cusec', 'cusec'),
  stime: time('kerberos.stime', 'stime'),
  susec: uint('kerberos.susec', 'susec'),
  errorCode: int('kerberos.error_code', 'error-code', N.ERROR_CODES),
  eText: str('kerberos.e_text', 'e-text'),
  eData: bytes('kerberos.e_data', 'e-data'),
  etypeInfo2Entry: none('kerberos.ETYPE_INFO2_ENTRY_element', 'ETYPE-INFO2-ENTRY'),
  salt: str('kerberos.info2_salt', 'salt'),
  s2kparams: bytes('kerberos.s2kparams', 's2kparams'),
  includePac: { name: 'kerberos.include_pac', label: 'include-pac', type: FT.BOOLEAN },
  pacFlags: bytes('kerberos.flags', 'flags'),
});

/** KDCOptions (RFC 4120 §5.4.1, with Microsoft's and RFC 6806's bits), one field per bit. */
const KDC_OPTION_NAMES = ['reserved', 'forwardable', 'forwarded', 'proxiable', 'proxy', 'allow-postdate', 'postdated', 'unused7',
  'renewable', 'unused9', 'unused10', 'opt-hardware-auth', 'unused12', 'unused13', 'constrained-delegation', 'canonicalize',
  'request-anonymous', 'unused17', 'unused18', 'unused19', 'unused20', 'unused21', 'unused22', 'unused23', 'unused24', 'unused25',
  'disable-transited-check', 'renewable-ok', 'enc-tkt-in-skey', 'unused29', 'renew', 'validate'];

function bitFields(prefix: string, labels: readonly string[]): number[] {
  const specs: Record<string, FieldSpec> = {};
  labels.forEach((label, k) => (specs[`b${k}`] = bit(`${prefix}.${label.replace(/-/g, '.')}`, label, 0x80 >> (k % 8))));
  const ids = registerFields(specs) as Record<string, number>;
  return labels.map((_, k) => ids[`b${k}`] as number);
}

/** The bit fields of each BIT STRING, bit k the k-th (the first byte's high bit is bit 0). */
export const KDC_OPTIONS = bitFields('kerberos.KDCOptions', KDC_OPTION_NAMES);
export const AP_OPTIONS = bitFields('kerberos.APOptions', ['reserved', 'use-session-key', 'mutual-required']);
export const PAC_OPTIONS = bitFields('kerberos.PAC.OPTIONS.FLAGS', ['claims', 'branch-aware', 'forward-to-full-dc', 'resource-based-constrained-delegation']);

