// The filter each details-tree item carries (TreeNode.filter, Wireshark's "Apply as Filter ▸
// Selected"): exact texts on real corpus packets, checked against the bytes and tshark's decode,
// then every item of every corpus capture compiled by our engine and tested on its own packet.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../../workers/api.ts';
import { PacketDissector } from '../../../workers/dissect.ts';
import { EF } from '../../../workers/fields/field-list.ts';
import { fieldById } from '../../../workers/fields/registry.ts';
import { compileFilter, type CompiledFilter, type FilterError } from '../../../workers/filter/compile.ts';
import { readCapture } from '../../../workers/formats/open.ts';
import { buildTree } from '../../../workers/table/details.ts';
import { matchFilter, quote } from '../../../workers/table/match-filter.ts';
import { CAPTURES } from '../../golden/corpus.ts';

/** The details tree of frame `frame` of a corpus capture. */
async function treeOf(file: string, frame: number): Promise<TreeNode[]> {
  const d = new PacketDissector();
  let n = 0;
  let tree: TreeNode[] = [];
  await readCapture(new Blob([readFileSync(join(CAPTURES, file))]), (rec) => {
    const fl = d.dissect(rec, ++n);
    if (n === frame) tree = buildTree(fl);
  });
  return tree;
}

function all(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...all(n.children)]);
}

/** The filters of the items named `field`, in tree order. */
function filtersOf(tree: readonly TreeNode[], field: string): string[] {
  return all(tree)
    .filter((n) => n.field === field)
    .map((n) => n.filter ?? '');
}

describe('the filter of a tree item', () => {
  it('writes vxlan.pcap frame 1 as Wireshark does: protocols by name, fields as name == value', async () => {
    const t = await treeOf('vxlan.pcap', 1);
    // VNI bytes 46..48 are 00 00 64; tshark -T fields prints vxlan.vni 100
    expect(filtersOf(t, 'vxlan.vni')).toEqual(['vxlan.vni == 100']);
    expect(filtersOf(t, 'vxlan')).toEqual(['vxlan']);
    expect(filtersOf(t, 'eth')).toEqual(['eth', 'eth']);
    // tshark: eth.src 36:dc:85:1e:b3:40,00:16:3e:37:f6:04; ip.src 192.168.203.1,192.168.203.3; ip.id 0xd2c0,0x0000
    expect(filtersOf(t, 'eth.src')).toEqual(['eth.src == 36:dc:85:1e:b3:40', 'eth.src == 00:16:3e:37:f6:04']);
    expect(filtersOf(t, 'ip.src')).toEqual(['ip.src == 192.168.203.1', 'ip.src == 192.168.203.3']);
    expect(filtersOf(t, 'ip.id')).toEqual(['ip.id == 0xd2c0', 'ip.id == 0x0000']);
    expect(filtersOf(t, 'eth.type')).toEqual(['eth.type == 0x0800', 'eth.type == 0x0800']);
    expect(filtersOf(t, 'udp.dstport')).toEqual(['udp.dstport == 4789']);
    expect(filtersOf(t, 'icmp.type')).toEqual(['icmp.type == 8']);
    expect(filtersOf(t, 'vxlan.flags')).toEqual(['vxlan.flags == 0x0800']);
    // a flag bit: 1 or 0
    expect(filtersOf(t, 'ip.flags.df')).toEqual(['ip.flags.df == 1', 'ip.flags.df == 1']);
    expect(filtersOf(t, 'vxlan.flag_i')).toEqual(['vxlan.flag_i == 1']);
    // a byte string: colon hex (the 48 data bytes of the echo request start a6 f8 02 00)
    const data = filtersOf(t, 'data.data')[0] as string;
    expect(data.startsWith('data.data == a6:f8:02:00:00:00:00:00:10:11:12')).toBe(true);
    expect(data.slice('data.data == '.length).split(':')).toHaveLength(48);
    // the value alone, as the filter writes it, is kept beside it
    const vni = all(t).find((n) => n.field === 'vxlan.vni');
    expect(vni?.value).toBe('100');
  });

  it('quotes strings, and gives a text line no filter', async () => {
    const t = await treeOf('icmpv6.pcap', 1);
    // the DNS Search List option of the router advertisement names three domains
    expect(filtersOf(t, 'icmpv6.opt.dnssl')).toEqual(['icmpv6.opt.dnssl == "example.com"', 'icmpv6.opt.dnssl == "example.org"', 'icmpv6.opt.dnssl == "dom1.dom2.tld"']);
    // "Options: (4 bytes), Router Alert" under the inner IPv4 header of an IGMP report is a text line
    const igmp = await treeOf('vxlan-encapsulated-igmp-v2.pcap', 1);
    const text = all(igmp).find((n) => n.label === 'Options: (4 bytes), Router Alert');
    expect(text?.field).toBe('');
    expect(text?.filter).toBe('');
    expect(quote('a "b" \\c')).toBe('"a \\"b\\" \\\\c"');
    expect(quote('tab\there\x01')).toBe('"tab\\x09here\\x01"');
  });

  it('matches a field with no value by its bytes in the frame, as Wireshark does', async () => {
    // a PadN option (type 1, length 4, four zero bytes) in the IPv6 header quoted by an ICMPv6 error
    const t = await treeOf('icmp6-destunreach-ip6ext-udp.pcap', 1);
    const opt = all(t).find((n) => n.field === 'ipv6.opt');
    expect([opt?.offset, opt?.length]).toEqual([104, 6]);
    expect(opt?.filter).toBe('frame[104:6] == 01:04:00:00:00:00');
  });

  it('gives only the name when no literal spells the value', async () => {
    // BIG TCP: ip.len holds 80102, more than its 16 bits allow in a filter
    expect(filtersOf(await treeOf('bigtcp-ipv4-vxlan-ipv4.pcap', 1), 'ip.len')[0]).toBe('ip.len');
    // the transmit timestamp is kept as text: the engine does not compare it by value
    expect(filtersOf(await treeOf('ntp.pcap', 1), 'ntp.xmt')).toEqual(['ntp.xmt']);
  });
});

describe('every item of every corpus capture', () => {
  it('gives a filter that compiles, selects its own packet, and whose negation does not', async () => {
    const cache = new Map<string, CompiledFilter | FilterError>();
    const compiled = (text: string): CompiledFilter | FilterError => {
      let c = cache.get(text);
      if (c === undefined) {
        if (cache.size > 10_000) cache.clear();
        cache.set(text, (c = compileFilter(text)));
      }
      return c;
    };
    const failures: string[] = [];
    let items = 0;
    let textLines = 0;
    for (const file of readdirSync(CAPTURES).sort()) {
      const d = new PacketDissector();
      let n = 0;
      await readCapture(new Blob([readFileSync(join(CAPTURES, file))]), (rec) => {
        const fl = d.dissect(rec, ++n);
        for (let i = 0; i < fl.count; i++) {
          if ((fl.flags[i] as number) & EF.HIDDEN) continue;
          const text = matchFilter(fl, i, fieldById(fl.id[i] as number));
          if (text === '') {
            textLines++;
            continue;
          }
          items++;
          const c = compiled(text);
          const not = compiled(`!(${text})`);
          if (!c.ok) failures.push(`${file} #${n}: ${text}: ${c.error}`);
          else if (!c.matches(fl)) failures.push(`${file} #${n}: ${text} does not select its packet`);
          else if (!not.ok || not.matches(fl)) failures.push(`${file} #${n}: !(${text}) selects its packet`);
        }
      }).catch(() => undefined); // damaged captures: the packets before the damage were tested
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // the corpus holds some 56,000 shown items and about 700 text lines
    expect(items).toBeGreaterThan(50_000);
    expect(textLines).toBeGreaterThan(500);
  });
});
