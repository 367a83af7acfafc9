// Profiles in IndexedDB through idb: database `decapod`, object store `profiles` (key `id`, one
// record per profile: { id, profile, updated }) and `meta` (key → value; `active` is the active
// profile's id). IndexedDB survives reloads and browser restarts, and each origin has its own.
// The rules about the records (default profile, unique names) are in library.ts.

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { MemoryBackend, type ProfileBackend, type StoredProfile } from './library.ts';

export const DB_NAME = 'decapod';
const DB_VERSION = 1;

interface DecapodDB extends DBSchema {
  profiles: { key: string; value: StoredProfile };
  meta: { key: string; value: string };
}

export class IdbBackend implements ProfileBackend {
  #db: Promise<IDBPDatabase<DecapodDB>>;

  constructor(name = DB_NAME) {
    this.#db = openDB<DecapodDB>(name, DB_VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          db.createObjectStore('profiles', { keyPath: 'id' });
          db.createObjectStore('meta');
        }
      },
      blocking(_current, _blocked, event) {
        // another tab opens a newer schema: let it (this tab picks it up when reloaded)
        (event.target as IDBDatabase).close();
      },
    });
  }

  async list(): Promise<unknown[]> {
    return (await this.#db).getAll('profiles');
  }

  async put(record: StoredProfile): Promise<void> {
    // $state proxies cannot be cloned into IndexedDB: store a plain copy
    await (await this.#db).put('profiles', JSON.parse(JSON.stringify(record)) as StoredProfile);
  }

  async remove(id: string): Promise<void> {
    await (await this.#db).delete('profiles', id);
  }

  async getActive(): Promise<string | null> {
    return (await (await this.#db).get('meta', 'active')) ?? null;
  }

  async setActive(id: string): Promise<void> {
    await (await this.#db).put('meta', id, 'active');
  }
}

/** IndexedDB when the browser offers it (private windows of some browsers do not). */
export async function openProfileBackend(): Promise<{ backend: ProfileBackend; persistent: boolean }> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    const b = new IdbBackend();
    await b.getActive();
    return { backend: b, persistent: true };
  } catch {
    return { backend: new MemoryBackend(), persistent: false };
  }
}
