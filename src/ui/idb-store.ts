import { MemoryGameStore, sortSaves, summaryOf, type GameStore, type SavedGame, type SaveSummary } from '../host/storage';

const DB_NAME = 'landing-rights';
const STORE = 'games';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** Saved games in the browser's IndexedDB: one object per save, keyed by its id. */
export class IndexedDbGameStore implements GameStore {
  private db: Promise<IDBDatabase> | null = null;

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const r = indexedDB.open(DB_NAME, 1);
      r.onupgradeneeded = () => {
        if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE, { keyPath: 'id' });
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('IndexedDB could not be opened'));
      r.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    });
    return this.db;
  }

  private async store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    return (await this.open()).transaction(STORE, mode).objectStore(STORE);
  }

  async list(): Promise<SaveSummary[]> {
    const all = (await request((await this.store('readonly')).getAll())) as SavedGame[];
    return sortSaves(all.map(summaryOf));
  }

  async get(id: string): Promise<SavedGame | null> {
    return ((await request((await this.store('readonly')).get(id))) as SavedGame | undefined) ?? null;
  }

  async put(game: SavedGame): Promise<void> {
    const store = await this.store('readwrite');
    const done = new Promise<void>((resolve, reject) => {
      store.transaction.oncomplete = () => resolve();
      store.transaction.onerror = () => reject(store.transaction.error ?? new Error('IndexedDB write failed'));
      store.transaction.onabort = () => reject(store.transaction.error ?? new Error('IndexedDB write aborted'));
    });
    // A plain JSON copy: nothing of the live game is shared with what is stored.
    store.put(JSON.parse(JSON.stringify(game)) as SavedGame);
    await done;
  }

  async remove(id: string): Promise<void> {
    await request((await this.store('readwrite')).delete(id));
  }
}

/** IndexedDB when the browser has it (private windows may not), else saves in memory for this visit. */
export function browserStore(): GameStore {
  return typeof indexedDB === 'undefined' ? new MemoryGameStore() : new IndexedDbGameStore();
}
