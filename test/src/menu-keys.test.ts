// The keyboard of the app's menus (src/lib/format/menu-keys.ts): arrows wrap round, Home / End,
// Escape and Tab close, other keys are left alone.
import { describe, expect, it } from 'vitest';
import { menuKey } from '../../src/lib/format/menu-keys.ts';

describe('menu keys', () => {
  it('moves down and up, wrapping round the ends', () => {
    expect(menuKey('ArrowDown', 0, 3)).toBe(1);
    expect(menuKey('ArrowDown', 2, 3)).toBe(0);
    expect(menuKey('ArrowUp', 1, 3)).toBe(0);
    expect(menuKey('ArrowUp', 0, 3)).toBe(2);
  });

  it('starts from the first item when none has the focus', () => {
    expect(menuKey('ArrowDown', -1, 3)).toBe(0);
  });

  it('jumps to the ends with Home and End', () => {
    expect(menuKey('Home', 2, 3)).toBe(0);
    expect(menuKey('End', 0, 3)).toBe(2);
  });

  it('closes on Escape and Tab, ignores other keys', () => {
    expect(menuKey('Escape', 1, 3)).toBe('close');
    expect(menuKey('Tab', 1, 3)).toBe('close');
    expect(menuKey('Enter', 1, 3)).toBeNull();
    expect(menuKey('a', 1, 3)).toBeNull();
  });

  it('focuses nothing in an empty menu', () => {
    for (const k of ['ArrowDown', 'ArrowUp', 'Home', 'End']) expect(menuKey(k, -1, 0)).toBe(-1);
  });
});
