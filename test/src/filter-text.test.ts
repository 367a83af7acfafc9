// Wireshark's Apply / Prepare as Filter sub-choices (ui/qt main window's filter action): the
// item's filter combined with the text in the filter bar. Every result compiles with our engine.
import { describe, expect, it } from 'vitest';
import { FILTER_ACTIONS, filterFor, type FilterAction } from '../../src/lib/format/filter-text.ts';
import '../../workers/dissectors/all.ts'; // registers the protocols and fields the filters name
import { checkFilter } from '../../workers/filter/compile.ts';

const cases: [FilterAction, string, string][] = [
  ['selected', 'vxlan.vni == 100', 'vxlan.vni == 100'],
  ['notSelected', 'vxlan.vni == 100', '!(vxlan.vni == 100)'],
  ['andSelected', 'vxlan.vni == 100', '(udp.dstport == 4789) && (vxlan.vni == 100)'],
  ['orSelected', 'vxlan.vni == 100', '(udp.dstport == 4789) || (vxlan.vni == 100)'],
  ['andNotSelected', 'vxlan.vni == 100', '(udp.dstport == 4789) && !(vxlan.vni == 100)'],
  ['orNotSelected', 'vxlan.vni == 100', '(udp.dstport == 4789) || !(vxlan.vni == 100)'],
];

describe('filterFor', () => {
  it('combines with the current filter as Wireshark does', () => {
    for (const [action, field, want] of cases) {
      const text = filterFor(action, field, 'udp.dstport == 4789');
      expect(text).toBe(want);
      expect(checkFilter(text as string)).toBeNull();
    }
  });

  it('with an empty bar, the "…" choices are Selected / Not Selected', () => {
    expect(filterFor('andSelected', 'vxlan', '')).toBe('vxlan');
    expect(filterFor('orSelected', 'vxlan', '  ')).toBe('vxlan');
    expect(filterFor('andNotSelected', 'vxlan', '')).toBe('!(vxlan)');
    expect(filterFor('orNotSelected', 'vxlan', '')).toBe('!(vxlan)');
    expect(filterFor('notSelected', 'vxlan', 'ip')).toBe('!(vxlan)');
    expect(filterFor('selected', 'vxlan', 'ip')).toBe('vxlan');
  });

  it('keeps a current filter with its own || inside the parentheses', () => {
    const text = filterFor('andSelected', 'ip.src == 10.0.0.1', 'arp || icmp') as string;
    expect(text).toBe('(arp || icmp) && (ip.src == 10.0.0.1)');
    expect(checkFilter(text)).toBeNull();
    expect(checkFilter(filterFor('orNotSelected', 'dns.qry.name == "a \\"b\\""', 'frame[104:6] == 01:04:00:00:00:00') as string)).toBeNull();
  });

  it('offers nothing for an item with no filter (a text line)', () => {
    for (const { action } of FILTER_ACTIONS) expect(filterFor(action, '', 'ip')).toBeNull();
  });

  it('names the choices as Wireshark does, in its order', () => {
    expect(FILTER_ACTIONS.map((a) => a.label)).toEqual(['Selected', 'Not Selected', '…and Selected', '…or Selected', '…and not Selected', '…or not Selected']);
  });
});
