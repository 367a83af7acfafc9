// Keyboard of the app's ARIA menus (the profile menu, the column menu, the details tree's field
// menu and its submenus): the arrows move focus round the items, Home and End jump to the ends,
// Escape and Tab close the menu (WAI-ARIA APG menu pattern). menuKey is the arithmetic;
// onMenuKeydown applies it to a menu element.

/** What a key does in a menu of `count` items whose item `current` has focus (-1: none):
 *  the index to focus, 'close', or null when the key is not the menu's. */
export function menuKey(key: string, current: number, count: number): number | 'close' | null {
  switch (key) {
    case 'Escape':
    case 'Tab':
      return 'close';
    case 'ArrowDown':
      return count === 0 ? -1 : (current + 1) % count;
    case 'ArrowUp':
      return count === 0 ? -1 : (current - 1 + count) % count;
    case 'Home':
      return count === 0 ? -1 : 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The items of the [role="menu"] element `menu`: its enabled [role^="menuitem"] elements, not
 *  those of a submenu inside it. */
export function menuItems(menu: Element | null | undefined): HTMLElement[] {
  if (!menu) return [];
  return Array.from(menu.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([disabled])')).filter((el) => el.closest('[role="menu"]') === menu);
}

/** Handle a keydown in the [role="menu"] element `menu`; true when the key was the menu's (its
 *  default is then prevented). */
export function onMenuKeydown(e: KeyboardEvent, menu: Element | null | undefined, close: () => void): boolean {
  const items = menuItems(menu);
  const to = menuKey(e.key, items.indexOf(document.activeElement as HTMLElement), items.length);
  if (to === null) return false;
  e.preventDefault();
  if (to === 'close') close();
  else items[to]?.focus();
  return true;
}
