// The pure parts of the filter bar's state (src/lib/state/filter.svelte.ts): the saved list of
// recent filters and the word that field-name completion replaces.
import { describe, expect, it } from 'vitest';
import { MAX_RECENT, parseRecent, wordAt } from '../../../src/lib/state/filter.svelte.ts';

describe('filter bar state', () => {
  it('reads a saved recent list defensively', () => {
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent('not json')).toEqual([]);
    expect(parseRecent('{"a":1}')).toEqual([]);
    expect(parseRecent('["udp", 3, "", "tcp.port == 80"]')).toEqual(['udp', 'tcp.port == 80']);
    expect(parseRecent(JSON.stringify(Array.from({ length: 50 }, (_, i) => `frame.number == ${i}`))).length).toBe(MAX_RECENT);
  });

  it('finds the field name being typed', () => {
    expect(wordAt('ip.sr', 5)).toEqual({ start: 0, end: 5, word: 'ip.sr' });
    expect(wordAt('udp && vxlan.v == 5', 14)).toEqual({ start: 7, end: 14, word: 'vxlan.v' });
    expect(wordAt('ip.src == 10.0', 14)).toBeNull();
    expect(wordAt('eth.src == 00:50', 16)).toBeNull();
    expect(wordAt('tcp.fl and udp', 3)).toEqual({ start: 0, end: 6, word: 'tcp' });
  });
});
