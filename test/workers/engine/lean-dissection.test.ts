// A lean dissection (FieldList.wanted) must keep exactly the wanted entries of the full one: same
// fields, in the same order, with the same bytes and values, each under its nearest kept ancestor.
// Checked packet by packet on every corpus capture, for several masks, so that no dissector
// depends on an entry that a mask leaves out.
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PacketDissector } from '../../../workers/dissect.ts';
import { FT, fieldById, fieldByName } from '../../../workers/fields/registry.ts';
import { leanMask } from '../../../workers/fields/lean-mask.ts';
import { EF, type FieldList } from '../../../workers/fields/field-list.ts';
import { readCapture } from '../../../workers/formats/open.ts';
import { CAPTURES, REPO, goldenCases } from '../../golden/corpus.ts';

interface Entry {
  id: number;
  parent: number;
  off: number;
  len: number;
  num: number;
  aux: number;
  src: number;
  str: string | undefined;
}

/** The entries of `fl` that `mask` keeps, with each parent mapped to its nearest kept ancestor. */
function keptEntries(fl: FieldList, mask: Uint8Array | null): Entry[] {
  const keptIndex = new Int32Array(fl.count).fill(-1);
  const out: Entry[] = [];
  for (let i = 0; i < fl.count; i++) {
    const id = fl.id[i] as number;
    if (mask !== null && mask[id] === 0) continue;
    let p = fl.parent[i] as number;
    while (p >= 0 && keptIndex[p] === -1) p = fl.parent[p] as number;
    keptIndex[i] = out.length;
    // a value field's string is its value (EF.STR) or text appended to its tree label, which only
    // a full dissection, the one that builds the tree, writes (FieldList.appendLabel)
    const def = fieldById(id);
    const label = def.type !== FT.NONE && def.type !== FT.PROTOCOL && !((fl.flags[i] as number) & EF.STR);
    out.push({ id, parent: p < 0 ? -1 : (keptIndex[p] as number), off: fl.off[i] as number, len: fl.len[i] as number, num: fl.num[i] as number, aux: fl.aux[i] as number, src: fl.src[i] as number, str: label ? undefined : fl.str[i] });
  }
  return out;
}

const ids = (names: string[]): number[] => names.map((n) => {
  const def = fieldByName(n);
  if (def === undefined) throw new Error(`no field ${n}: a mask names only registered fields`);
  return def.id;
});

const MASKS: Record<string, string[]> = {
  'protocols only': [],
  'the benchmark fields': 'frame.number frame.len eth.src eth.dst eth.type vlan.id ip.src ip.dst ip.proto ip.ttl ipv6.src ipv6.dst tcp.srcport tcp.dstport tcp.flags tcp.seq_raw tcp.len udp.srcport udp.dstport vxlan.vni geneve.vni arp.opcode icmp.type dns.id dns.qry.name gre.proto mpls.label'.split(' '),
  'sub-items without their parents': 'tcp.flags.syn tcp.options.mss_val ip.flags.df dns.resp.name dns.a vxlan.flag_i ipv6.addr icmp.checksum.status eth.src.ig eth.addr_resolved'.split(' '),
  'one field of each block a lean dissection may skip': 'tcp.flags.str eth.dst.oui ip.dsfield.ecn ip.flags.mf ip.dst_host data.len frame.time_relative frame.encap_type udp.port tcp.port vxlan.flags_reserved'.split(' '),
  'labelled TLS and HTTP items': 'http.chat tls.record tls.handshake tls.handshake.ciphersuites tls.alert_message x509af.signedCertificate_element x509ce.dNSName x509ce.KeyUsage http.request.line http.file_data http.request_number json.object json.path json.value.string'.split(' '),
  'labelled RPC, NFS and iSCSI items': 'iscsi.time iscsi.keyvalue iscsi.scsiresponse.status scsi_sbc.opcode scsi.sns.key rpc.time rpc.xid rpc.program rpc.procedure rpc.auth.machinename nfs.name nfs.fh.hash nfs.status nfs.mode3 nfs.readdir.entry nfs.atime mount.export.entry portmap.port'.split(' '),
  'labelled MySQL items': 'mysql.request mysql.login_request mysql.connattrs.attr mysql.session_track mysql.row.text mariadb.prefix mysql.caps.sc mysql.field.flags.not_null mysql.packet_length'.split(' '),
};

/** The project's own captures of what the corpus lacks (TLS on 443 and by its heuristic, HTTP, JSON,
 *  MySQL, the benchmark mix's segments of zeros to MySQL's port, ONC-RPC with NFS, X.509
 *  certificates in TLS 1.2 handshakes, and iSCSI with SCSI). */
const OWN = ['tls/tls.pcap', 'tls/tls-4433.pcap', 'http/http.pcap', 'http/json.pcap', 'mysql/mysql.pcap', 'mysql/zeros.pcap', 'nfs/nfs-cases.pcap', 'x509/x509-cases.pcap', 'tls12/tls12-cases.pcap', 'iscsi/iscsi-cases.pcap'].map((f) => join(REPO, 'test', 'fixtures', f));

describe('lean dissection keeps exactly the wanted entries of the full one', () => {
  for (const [label, names] of Object.entries(MASKS)) {
    it(`on every corpus capture, mask: ${label}`, async () => {
      const mask = leanMask(ids(names));
      let compared = 0;
      const paths = goldenCases().filter((c) => c.decodeAs.length === 0).map((c) => join(CAPTURES, c.capture));
      for (const path of [...paths, ...OWN]) {
        const blob = await openAsBlob(path);
        const full = new PacketDissector();
        const lean = new PacketDissector([], mask);
        let n = 0;
        await readCapture(blob, (rec) => {
          n++;
          const want = keptEntries(full.dissect(rec, n), mask);
          const got = keptEntries(lean.dissect(rec, n), null);
          expect(lean.status, `${path} frame ${n}: status`).toBe(full.status);
          expect(got, `${path} frame ${n}`).toEqual(want);
          compared++;
        });
      }
      expect(compared).toBeGreaterThan(1100); // the corpus holds 815 frames, the own captures 752
    }, 120_000);
  }
});
