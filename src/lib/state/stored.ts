// The preferences the UI keeps in localStorage (the recent display filters, the view settings):
// reads and writes that never throw, since storage may be missing (Node), disabled by privacy
// settings (then even touching `localStorage` throws) or full. Without it the preference lasts
// for the session only.

/** The page's localStorage, or null when there is none or it may not be used. */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The text saved under `key`; null when nothing is, or the storage is missing or refuses. */
export function readStored(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Save `text` under `key`; false when the storage is missing or refuses (quota, privacy mode). */
export function writeStored(storage: Storage | null, key: string, text: string): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}
