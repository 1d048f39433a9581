/**
 * Scenario files a teacher opened in this browser, kept until removed: the file's own text (so
 * it is checked again by the same loader each time it is listed), its name and when it was
 * opened. One entry per scenario id: opening a file with the same id again replaces the entry.
 * Its own IndexedDB database, so the saves' database (and its version) is left as it is.
 */
export interface OpenedFile {
  /** "file:<scenario id>". */
  key: string;
  /** The scenario's id, as the file gives it. */
  id: string;
  title: string;
  /** The file's name as the browser gave it. */
  fileName: string;
  text: string;
  openedAt: string;
}

const DB_NAME = 'landing-rights-scenarios';
const STORE = 'opened';

export const openedKey = (scenarioId: string): string => `file:${scenarioId}`;
export const isOpenedKey = (key: string): boolean => key.startsWith('file:');

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

export interface OpenedStore {
  list(): Promise<OpenedFile[]>;
  put(file: OpenedFile): Promise<void>;
  remove(key: string): Promise<void>;
}

class IndexedDbOpenedStore implements OpenedStore {
  private db: Promise<IDBDatabase> | null = null;

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const r = indexedDB.open(DB_NAME, 1);
      r.onupgradeneeded = () => {
        if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE, { keyPath: 'key' });
      };
      r.onsuccess = () => {
        // Another tab deleting or upgrading the database: let it.
        r.result.onversionchange = () => {
          r.result.close();
          this.db = null;
        };
        resolve(r.result);
      };
      r.onerror = () => reject(r.error ?? new Error('IndexedDB could not be opened'));
      r.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    });
    return this.db;
  }

  private async store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    return (await this.open()).transaction(STORE, mode).objectStore(STORE);
  }

  async list(): Promise<OpenedFile[]> {
    const all = (await request((await this.store('readonly')).getAll())) as OpenedFile[];
    return all.sort((a, b) => a.title.localeCompare(b.title) || a.key.localeCompare(b.key));
  }

  async put(file: OpenedFile): Promise<void> {
    const store = await this.store('readwrite');
    const done = new Promise<void>((resolve, reject) => {
      store.transaction.oncomplete = () => resolve();
      store.transaction.onerror = () => reject(store.transaction.error ?? new Error('IndexedDB write failed'));
      store.transaction.onabort = () => reject(store.transaction.error ?? new Error('IndexedDB write aborted'));
    });
    store.put({ ...file });
    await done;
  }

  async remove(key: string): Promise<void> {
    await request((await this.store('readwrite')).delete(key));
  }
}

class MemoryOpenedStore implements OpenedStore {
  private readonly files = new Map<string, OpenedFile>();
  async list(): Promise<OpenedFile[]> {
    return [...this.files.values()].sort((a, b) => a.title.localeCompare(b.title));
  }
  async put(file: OpenedFile): Promise<void> {
    this.files.set(file.key, { ...file });
  }
  async remove(key: string): Promise<void> {
    this.files.delete(key);
  }
}

let shared: OpenedStore | null = null;

/** IndexedDB when the browser has it (private windows may not), else kept in memory for this visit. */
export function openedStore(): OpenedStore {
  shared ??= typeof indexedDB === 'undefined' ? new MemoryOpenedStore() : new IndexedDbOpenedStore();
  return shared;
}
