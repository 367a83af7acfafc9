// The Info column of DNS (and mDNS), as packet-dns.c writes it.

import type { FieldList } from '../../fields/field-list.ts';
import { typeMnemonic } from '../../dissectors/dns-types.ts';
import { find, ids, named, num, text, valueText } from './fields.ts';

const [DNS, QRY_NAME, QRY_TYPE, RESP_TYPE, CUT_TYPE, A, AAAA, NS, CNAME, PTR, MX_PREF, MX_NAME, SOA_MNAME, QU, CACHE_FLUSH] = ids(
  'dns', 'dns.qry.name', 'dns.qry.type', 'dns.resp.type', 'dns.decapod.cut_record_type', 'dns.a', 'dns.aaaa', 'dns.ns', 'dns.cname',
  'dns.ptr.domain_name', 'dns.mx.preference', 'dns.mx.mail_exchange', 'dns.soa.mname', 'dns.qry.qu', 'dns.resp.cache_flush',
);
/** The records whose data Wireshark writes after their type in the Info column. */
const RR_DATA = new Set([A, AAAA, NS, CNAME, PTR, MX_PREF, MX_NAME, SOA_MNAME]);

/** Wireshark's DNS Info (packet-dns.c): the opcode, " response" for one, the ID, a reply code other
 *  than "No error", each question's type mnemonic and name, then every record's type (answers,
 *  authority and additional alike: "… NS nic.sandelman.ca … OPT") and, for the common types, its data. */
export function dnsInfo(fl: FieldList): string {
  // Wireshark's DNS dissector clears the column and fills it from the header: a message cut
  // before its ID leaves it empty (then "[Malformed Packet]", tshark on ipv6-hbh-routing0.pcap)
  const id = text(fl, 'dns.id');
  if (id === '') return '';
  const response = num(fl, 'dns.flags.response') === 1;
  let s = `${named(fl, 'dns.flags.opcode')}${response ? ' response' : ''} ${id}`;
  const rcode = num(fl, 'dns.flags.rcode');
  if (response && rcode > 0) s += ` ${named(fl, 'dns.flags.rcode')}`;
  const from = find(fl, 'dns');
  let name = '';
  for (let i = from + 1; i < fl.count; i++) {
    const fid = fl.id[i] as number;
    if (fid === DNS) break;
    // a question's name comes before its type in the tree; Wireshark writes "A example.com"
    if (fid === QRY_NAME) name = valueText(fl, i);
    else if (fid === QRY_TYPE) s += ` ${typeMnemonic(fl.num[i] as number)} ${name}`;
    else if (fid === RESP_TYPE || fid === CUT_TYPE) s += ` ${typeMnemonic(fl.num[i] as number)}`;
    // mDNS: each question's unicast-response bit, each record's cache flush bit when set
    else if (fid === QU) s += `, "${fl.num[i] ? 'QU' : 'QM'}" question`;
    else if (fid === CACHE_FLUSH && fl.num[i]) s += ', cache flush';
    else if (RR_DATA.has(fid)) s += ` ${valueText(fl, i)}`;
  }
  return s;
}
