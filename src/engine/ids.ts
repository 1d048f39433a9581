import type { GameState } from './types';
import { sha256Hex } from './hash';

/**
 * Ids of what only some seats may see (offers, sealed orders, secret clauses). A sequential id
 * ("o14") tells a seat how many offers it was not shown; these ids are a keyed hash of the
 * counter, so a seat learns nothing from the ids it does see. The key is drawn from the seed into
 * the state (`idKey`, never in a view), so the same seed and actions give the same ids, and the
 * game's random numbers are not touched: events draw as before.
 */

/** Letters and digits that read unambiguously and spell no word: no vowels, no 0/1/l/o. */
const ALPHABET = '23456789bcdfghjkmnpqrstvwxz';
const LENGTH = 4;

/** The pattern of an id made here, after its one-letter prefix: the interface finds ids in text by it. */
export const HIDDEN_ID = `[${ALPHABET}]{${LENGTH}}`;

/** The id key of a new game: the seed's, kept apart from the random-number stream. */
export const idKeyOf = (seed: string): string => sha256Hex(`landing-rights ids|${seed}`).slice(0, 32);

/** Tokens already made: a token depends on nothing but its key and text, and the bots' what-ifs ask for the same ones again and again. */
const tokens = new Map<string, string>();
const TOKENS_KEPT = 4096;

function token(key: string, what: string): string {
  const text = `${key}|${what}`;
  const known = tokens.get(text);
  if (known !== undefined) return known;
  const made = makeToken(text);
  if (tokens.size >= TOKENS_KEPT) tokens.clear();
  tokens.set(text, made);
  return made;
}

function makeToken(text: string): string {
  const hex = sha256Hex(text);
  let n = BigInt(`0x${hex.slice(0, 16)}`);
  let out = '';
  for (let i = 0; i < LENGTH; i++) {
    out += ALPHABET[Number(n % BigInt(ALPHABET.length))];
    n /= BigInt(ALPHABET.length);
  }
  return out;
}

/**
 * The next id of a kind: `prefix` and a token from the kind's counter. A token already taken
 * (one in some hundred thousand) moves the counter on, so ids stay unique.
 */
export function nextHiddenId(g: GameState, kind: 'offer' | 'order', prefix: string, taken: (id: string) => boolean): string {
  for (;;) {
    const n = ++g.counters[kind];
    const id = `${prefix}${token(g.idKey, `${kind}#${n}`)}`;
    if (!taken(id)) return id;
  }
}

/**
 * The ids of an agreement's clauses, in order: its public clauses a5.c1, a5.c2, … counted among
 * themselves, its secret ones a5.k7mq, so that a clause a seat sees tells it of no other.
 */
export function clauseIds(g: Pick<GameState, 'idKey'>, agreement: string, secret: readonly boolean[]): string[] {
  const out: string[] = [];
  let shown = 0;
  secret.forEach((hidden, i) => {
    if (!hidden) {
      out.push(`${agreement}.c${++shown}`);
      return;
    }
    for (let salt = 0; ; salt++) {
      const id = `${agreement}.${token(g.idKey, `clause#${agreement}#${i}#${salt}`)}`;
      if (!out.includes(id)) {
        out.push(id);
        return;
      }
    }
  });
  return out;
}
