// The Info column of DNS (and mDNS), as packet-dns.c writes it.

import type { FieldList } from '../../fields/field-list.ts';
import { typeMnemonic } from '../../dissectors/dns-types.ts';
import { find, ids, named, num, text, valueText } from './fields.ts';

const [DNS, QRY_NAME, QRY_TYPE, RESP_NAME, SRV_SERVICE, RESP_TYPE, CUT_TYPE, RESP_LEN, QU, CACHE_FLUSH] = ids(
  'dns', 'dns.qry.name', 'dns.qry.type', 'dns.resp.name', 'dns.srv.service', 'dns.resp.type', 'dns.decapod.cut_record_type',
  'dns.resp.len', 'dns.qry.qu', 'dns.resp.cache_flush',
);

/** What packet-dns.c writes after a record's type (col_append_fstr in dissect_dns_answer), by the
 *  fields of its data: a `value` goes in at once ("A 192.0.2.1"); a `held` one waits for the
 *  record's `last` field, which packet-dns.c reads before it writes them all (SRV's priority,
 *  weight and port, then its target; HINFO's CPU, then its OS); a `lastOnly` field writes the held
 *  values but not its own (NAPTR writes order, preference and flags once its replacement is read). */
const enum Part {
  VALUE,
  HELD,
  LAST,
  LAST_ONLY,
}

const PARTS = new Map<number, Part>();
for (const [part, names] of [
  [Part.VALUE, ['dns.a', 'dns.aaaa', 'dns.ns', 'dns.cname', 'dns.ptr.domain_name', 'dns.soa.mname', 'dns.dname', 'dns.nsec.next_domain_name']],
  [Part.HELD, ['dns.mx.preference', 'dns.srv.priority', 'dns.srv.weight', 'dns.srv.port', 'dns.hinfo.cpu', 'dns.naptr.order',
    'dns.naptr.preference', 'dns.naptr.flags']],
  [Part.LAST, ['dns.mx.mail_exchange', 'dns.srv.target', 'dns.hinfo.os']],
  [Part.LAST_ONLY, ['dns.naptr.replacement']],
] as const) {
  for (const id of ids(...names)) PARTS.set(id, part);
}

/** The types whose record packet-dns.c follows in the Info column with its owner's name, when the
 *  record has data (MD, MF, MB, MG, MR, NULL, MINFO, RP, AFSDB, X25, ISDN, RT, NSAP, NSAP-PTR, PX,
 *  GPOS, APL, DHCID, NSEC3PARAM, TLSA, HIP): "TLSA _443._tcp.example.com". */
const OWNER_IN_INFO = new Set([3, 4, 7, 8, 9, 10, 14, 17, 18, 19, 20, 21, 22, 23, 26, 27, 42, 49, 51, 52, 55]);

/** Wireshark's DNS Info (packet-dns.c): the opcode, " response" for one, the ID, a reply code other
 *  than "No error", each question's type mnemonic and name, then every record's type (answers,
 *  authority and additional alike: "… NS nic.sandelman.ca … OPT") and, for the types it writes
 *  them for, parts of its data. */
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
  let owner = '';
  let type = -1;
  // a record's own type follows its name; the type bitmap of NSEC and NSEC3, whose entries are
  // dns.resp.type too, comes after its data
  let owned = false;
  let held = '';
  for (let i = from + 1; i < fl.count; i++) {
    const fid = fl.id[i] as number;
    if (fid === DNS) break;
    // a question's name comes before its type in the tree; Wireshark writes "A example.com"
    if (fid === QRY_NAME) name = valueText(fl, i);
    else if (fid === QRY_TYPE) s += ` ${typeMnemonic(fl.num[i] as number)} ${name}`;
    else if (fid === RESP_NAME || fid === SRV_SERVICE) {
      owner = valueText(fl, i);
      owned = true;
    } else if ((fid === RESP_TYPE && owned) || fid === CUT_TYPE) {
      type = fl.num[i] as number;
      s += ` ${typeMnemonic(type)}`;
      owned = false;
      held = '';
    } else if (fid === RESP_LEN && (fl.num[i] as number) > 0 && OWNER_IN_INFO.has(type)) s += ` ${owner}`;
    // mDNS: each question's unicast-response bit, each record's cache flush bit when set
    else if (fid === QU) s += `, "${fl.num[i] ? 'QU' : 'QM'}" question`;
    else if (fid === CACHE_FLUSH && fl.num[i]) s += ', cache flush';
    else {
      const part = PARTS.get(fid);
      if (part === Part.VALUE) s += ` ${valueText(fl, i)}`;
      else if (part === Part.HELD) held += ` ${valueText(fl, i)}`;
      else if (part === Part.LAST) s += `${held} ${valueText(fl, i)}`;
      else if (part === Part.LAST_ONLY) s += held;
    }
  }
  return s;
}
