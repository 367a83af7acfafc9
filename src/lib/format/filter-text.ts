// The text of Wireshark's "Apply as Filter" / "Prepare as Filter" sub-choices: the selected item's
// own filter (TreeNode.filter, made by the engine: `vxlan.vni == 100`) combined with the text in the
// filter bar, word for word as Wireshark's MainWindow::setDisplayFilter combines them.

/** Wireshark's sub-choices, in its menu order. */
export type FilterAction = 'selected' | 'notSelected' | 'andSelected' | 'orSelected' | 'andNotSelected' | 'orNotSelected';

export const FILTER_ACTIONS: readonly { action: FilterAction; label: string }[] = [
  { action: 'selected', label: 'Selected' },
  { action: 'notSelected', label: 'Not Selected' },
  { action: 'andSelected', label: '…and Selected' },
  { action: 'orSelected', label: '…or Selected' },
  { action: 'andNotSelected', label: '…and not Selected' },
  { action: 'orNotSelected', label: '…or not Selected' },
];

/**
 * The filter for `action` on an item whose own filter is `field`, with `current` in the filter bar.
 * The "…" choices wrap both sides in parentheses (`(tcp) && (ip.ttl == 64)`); with an empty bar
 * they are Selected / Not Selected. Null when the item has no filter (a text line).
 */
export function filterFor(action: FilterAction, field: string, current: string): string | null {
  const f = field.trim();
  if (f === '') return null;
  const cur = current.trim();
  switch (action) {
    case 'selected':
      return f;
    case 'notSelected':
      return `!(${f})`;
    case 'andSelected':
      return cur === '' ? f : `(${cur}) && (${f})`;
    case 'orSelected':
      return cur === '' ? f : `(${cur}) || (${f})`;
    case 'andNotSelected':
      return cur === '' ? `!(${f})` : `(${cur}) && !(${f})`;
    case 'orNotSelected':
      return cur === '' ? `!(${f})` : `(${cur}) || !(${f})`;
  }
}
