/**
 * Views over the network as patches (docs/deploy.md, "Views as patches"). An online room sends a
 * client its whole view message once (on joining, claiming a seat, reconnecting, or when the client
 * asks), then only what changed: RFC 6902 JSON Patch operations from the last message of the
 * client's own viewer to the new one. Each message carries a revision; a patch names the revision
 * it applies to (`base`), so a client that missed one asks for the whole message again instead of
 * drawing a wrong view.
 *
 * A patch is the difference between two views of the same viewer, so it holds nothing that viewer's
 * own views do not: no other seat's secret can travel in one.
 *
 * Patches are applied copy-on-write: the objects of earlier messages are never changed, so a screen
 * that kept last round's view still has it as it was.
 */

/** One RFC 6902 operation of the kinds a diff of two views makes. */
export interface PatchOp {
  op: 'add' | 'remove' | 'replace';
  path: string;
  value?: unknown;
}

/** The whole view message of a viewer: its revision, and for the client whose action made it, the id it sent. */
export interface FullViewMessage {
  rev: number;
  ack?: number;
  [key: string]: unknown;
}

/** What changed since revision `base`: apply `ops` to that message to get revision `rev`. */
export interface ViewPatchMessage {
  base: number;
  rev: number;
  ops: PatchOp[];
  ack?: number;
}

type Container = Record<string, unknown> | unknown[];

const isContainer = (x: unknown): x is Container => typeof x === 'object' && x !== null;

function unescapeKey(k: string): string {
  return k.includes('~') ? k.replace(/~1/g, '/').replace(/~0/g, '~') : k;
}

/**
 * `doc` with `ops` applied, leaving `doc` and everything in it unchanged: each container on a
 * changed path is copied once, the rest is shared. Throws on an operation that does not fit the
 * document (the caller then asks for the whole message).
 */
export function applyPatch<T>(doc: T, ops: readonly PatchOp[]): T {
  const copies = new Set<Container>();
  const own = (x: Container): Container => {
    if (copies.has(x)) return x;
    const c: Container = Array.isArray(x) ? x.slice() : { ...x };
    copies.add(c);
    return c;
  };
  let root: unknown = doc;
  for (const op of ops) {
    if (op.path === '') {
      if (op.op === 'remove') throw new Error('A patch cannot remove the whole document.');
      root = op.value;
      continue;
    }
    if (!op.path.startsWith('/')) throw new Error(`Not a JSON pointer: ${op.path}`);
    const keys = op.path.slice(1).split('/').map(unescapeKey);
    if (!isContainer(root)) throw new Error(`Nothing at ${op.path}`);
    root = own(root);
    let parent = root as Container;
    for (let i = 0; i < keys.length - 1; i++) {
      const k = keys[i]!;
      const child = (parent as Record<string, unknown>)[k];
      if (!isContainer(child)) throw new Error(`Nothing at ${op.path}`);
      const copy = own(child);
      (parent as Record<string, unknown>)[k] = copy;
      parent = copy;
    }
    const last = keys[keys.length - 1]!;
    if (Array.isArray(parent)) {
      const at = last === '-' ? parent.length : Number(last);
      if (!Number.isInteger(at) || at < 0 || at > parent.length || (op.op !== 'add' && at >= parent.length)) throw new Error(`No index ${last} at ${op.path}`);
      if (op.op === 'add') parent.splice(at, 0, op.value);
      else if (op.op === 'remove') parent.splice(at, 1);
      else parent[at] = op.value;
    } else {
      if (op.op !== 'add' && !Object.prototype.hasOwnProperty.call(parent, last)) throw new Error(`Nothing at ${op.path}`);
      if (op.op === 'remove') delete parent[last];
      else parent[last] = op.value;
    }
  }
  return root as T;
}

const escapeKey = (k: string): string => (k.includes('~') || k.includes('/') ? k.replace(/~/g, '~0').replace(/\//g, '~1') : k);
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * The RFC 6902 operations that turn `a` into `b` (plain JSON data; an undefined field counts as
 * absent, as in JSON). Views share what did not change with the state they came from (src/engine/
 * view.ts), so a subtree that is the same object on both sides is skipped without a look inside:
 * a change costs about what it touched, not the size of the view. Values are not copied: the
 * operations are for encoding at once, not for keeping.
 */
export function diff(a: unknown, b: unknown, path = '', ops: PatchOp[] = []): PatchOp[] {
  if (a === b) return ops;
  if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) {
    ops.push({ op: 'replace', path, value: b === undefined ? null : b });
    return ops;
  }
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    const common = Math.min(a.length, bb.length);
    for (let i = 0; i < common; i++) if (a[i] !== bb[i]) diff(a[i], bb[i], `${path}/${i}`, ops);
    for (let i = a.length - 1; i >= bb.length; i--) ops.push({ op: 'remove', path: `${path}/${i}` });
    for (let i = a.length; i < bb.length; i++) ops.push({ op: 'add', path: `${path}/${i}`, value: bb[i] === undefined ? null : bb[i] });
    return ops;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k in ao) {
    if (!own(ao, k)) continue;
    const av = ao[k];
    const bv = own(bo, k) ? bo[k] : undefined;
    if (av === bv) continue;
    if (bv === undefined) ops.push({ op: 'remove', path: `${path}/${escapeKey(k)}` });
    else if (av === undefined) ops.push({ op: 'add', path: `${path}/${escapeKey(k)}`, value: bv });
    else diff(av, bv, `${path}/${escapeKey(k)}`, ops);
  }
  for (const k in bo) if (own(bo, k) && !own(ao, k) && bo[k] !== undefined) ops.push({ op: 'add', path: `${path}/${escapeKey(k)}`, value: bo[k] });
  return ops;
}

/** The part of a Colyseus room (client side) that following views needs. */
export interface ViewSource {
  onMessage<T>(type: string, callback: (message: T) => void): unknown;
  send(type: string, message?: unknown): void;
}

/**
 * Follow a room's views: `onView` is called with the whole, current view message after every full
 * message and every patch (with `ack` set when it answers the action this client sent with that id).
 * A patch that does not apply to what this client holds is dropped and the whole message asked for.
 */
export function followViews<M extends object>(room: ViewSource, onView: (m: M) => void): { current(): M | null } {
  type Held = M & { rev: number; ack?: number };
  let last: Held | null = null;
  let asked = false;
  room.onMessage('view', (m: Held) => {
    last = m;
    asked = false;
    onView(m);
  });
  room.onMessage('viewPatch', (p: ViewPatchMessage) => {
    if (!last || last.rev !== p.base) {
      if (!asked) room.send('resync');
      asked = true;
      return;
    }
    let next: Held;
    try {
      // The top level is always a copy of its own: revision and ack are set on it below.
      next = { ...applyPatch(last, p.ops) };
    } catch {
      last = null;
      asked = true;
      room.send('resync');
      return;
    }
    next.rev = p.rev;
    if (p.ack === undefined) delete next.ack;
    else next.ack = p.ack;
    last = next;
    onView(next);
  });
  return { current: () => last };
}
