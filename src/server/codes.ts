import { randomBytes, randomUUID } from 'node:crypto';

/** Join-code letters: no 0/O, 1/I/L, 2/Z, 5/S or 8/B, which are read wrongly off a projector. */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;

export function newJoinCode(): string {
  const bytes = randomBytes(CODE_LENGTH * 2);
  let out = '';
  // Rejection sampling keeps every letter equally likely.
  for (let i = 0; out.length < CODE_LENGTH; i++) {
    const b = i < bytes.length ? bytes[i]! : randomBytes(1)[0]!;
    if (b < 250) out += CODE_ALPHABET[b % CODE_ALPHABET.length];
  }
  return out;
}

/** Upper-cased with spaces and dashes dropped; null unless it could be a join code. */
export function normaliseCode(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const code = text.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** An unguessable token for a seat or for the host. */
export function newToken(): string {
  return randomUUID();
}
