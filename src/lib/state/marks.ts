// Performance marks of the moments between a file being given to the page and its first rows
// drawn (issue #3): bench/browser.ts reads them back (performance.getEntriesByType('mark')) to
// print where the time goes. Only the first moments of each open are marked, and the previous
// open's marks are cleared, so that they do not pile up in the performance timeline.

const PREFIX = 'decapod:';
const seen = new Set<string>();

/** Clear the marks of the previous open. */
export function resetMarks(): void {
  for (const name of seen) performance.clearMarks(PREFIX + name);
  seen.clear();
}

/** Mark `name` once per open (later calls with the same name are ignored). */
export function markOnce(name: string): void {
  if (seen.has(name) || typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  seen.add(name);
  performance.mark(PREFIX + name);
}
