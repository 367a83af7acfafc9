// The localStorage helpers of the UI's preferences (src/lib/state/stored.ts): what was saved comes
// back, and a missing, refusing or full storage gives null / false instead of throwing.
import { afterEach, describe, expect, it } from 'vitest';
import { browserStorage, readStored, writeStored } from '../../src/lib/state/stored.ts';

/** A Storage in memory; `refuse` makes getItem or setItem throw as a browser does. */
function memory(refuse: { get?: boolean; set?: boolean } = {}): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => {
      if (refuse.get) throw new DOMException('The operation is insecure.', 'SecurityError');
      return map.get(k) ?? null;
    },
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => {
      if (refuse.set) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      map.set(k, v);
    },
  };
}

describe('readStored / writeStored', () => {
  it('gives back what was saved under the key, null for another key', () => {
    const s = memory();
    expect(writeStored(s, 'decapod.view.v1', '{"timeFormat":"epoch"}')).toBe(true);
    expect(s.map.get('decapod.view.v1')).toBe('{"timeFormat":"epoch"}');
    expect(readStored(s, 'decapod.view.v1')).toBe('{"timeFormat":"epoch"}');
    expect(readStored(s, 'decapod.recentFilters.v1')).toBeNull();
  });

  it('reads null and writes nothing without a storage', () => {
    expect(readStored(null, 'decapod.view.v1')).toBeNull();
    expect(writeStored(null, 'decapod.view.v1', '[]')).toBe(false);
  });

  it('reads null when the storage refuses, and says a refused write failed, keeping the old text', () => {
    const locked = memory({ get: true });
    locked.map.set('k', 'saved');
    expect(readStored(locked, 'k')).toBeNull();
    const full = memory({ set: true });
    full.map.set('k', 'old');
    expect(writeStored(full, 'k', 'new')).toBe(false);
    expect(full.map.get('k')).toBe('old');
    expect(readStored(full, 'k')).toBe('old');
  });
});

describe('browserStorage', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('is null where there is no localStorage (Node)', () => {
    expect('localStorage' in globalThis).toBe(false);
    expect(browserStorage()).toBeNull();
  });

  it("is the page's localStorage, or null when touching it throws (storage disabled)", () => {
    const s = memory();
    Object.defineProperty(globalThis, 'localStorage', { value: s, configurable: true });
    expect(browserStorage()).toBe(s);
    Reflect.deleteProperty(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    expect(browserStorage()).toBeNull();
  });
});
