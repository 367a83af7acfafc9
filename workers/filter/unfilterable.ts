// Fields a display filter cannot test, each with the reason the filter gives (and "Apply as
// Filter" offers no filter for them: table/match-filter.ts).

const UNFILTERABLE = new Map([
  // Wireshark's filtering pass counts it from the last packet the filter itself kept so far
  ['frame.time_delta_displayed', 'depends on which packets the filter displays: filter on frame.time_delta (since the previous captured packet) instead.'],
]);

/** Why a filter cannot test field `name`, or undefined when it can. */
export function unfilterable(name: string): string | undefined {
  return UNFILTERABLE.get(name);
}
