import type { AidPurpose, Audience, ClauseKind, GameState, PactDeal, RoleId, TelecomProject } from './types';

export const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);
export const clampMetric = (v: number): number => clamp(Math.round(v), 0, 100);
export const clampAlignment = (v: number): number => clamp(Math.round(v), -100, 100);

/** Whole rounds needed for a duration in months: durations round up. */
export const roundsFor = (months: number, monthsPerRound: number): number => Math.max(1, Math.ceil(months / monthsPerRound));

export function canSee(audience: Audience, viewer: string): boolean {
  return audience === 'all' || audience.includes(viewer);
}

export function addAudience(audience: Audience, roles: readonly RoleId[]): Audience {
  if (audience === 'all') return 'all';
  const out = [...audience];
  for (const r of roles) if (!out.includes(r)) out.push(r);
  return out.sort();
}

/** "2017-01" plus n months. */
export function addMonths(yearMonth: string, months: number): string {
  const [y, m] = yearMonth.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Money in US$ thousands shown as players read it: "$66m", "$1.5m", "$750k". */
/** "Tonga's", "Solomon Islands'": the possessive of a name as the log and the reasons write it. */
export const possessive = (name: string): string => (name.endsWith('s') ? `${name}'` : `${name}'s`);

/** Each clause in a few plain words, as the log and the bots' reasons name it. */
export const CLAUSE_NAMES: Record<ClauseKind, string> = {
  unrestDeployment: 'unrest-deployment',
  incidentAccess: 'incident-access',
  shipVisits: 'ship-visits',
  noThirdParty: 'no-third-party',
};

/** A pact as the news names it: Washington's naval pacts are its shiprider and coast-guard agreements. */
export const pactName = (deal: Pick<PactDeal, 'power' | 'pact'>): string => (deal.power === 'washington' && deal.pact === 'naval' ? 'a shiprider and coast-guard agreement' : `a ${deal.pact} pact`);

/** Each telecom project as the log names it. */
export const TELECOM_PROJECT_TEXT: Record<TelecomProject, string> = {
  towers: 'a mobile tower network',
  carrier: 'the purchase of the national carrier',
  dataCentre: 'a national data centre',
  eGovernment: 'e-government and customs software',
  safeCity: 'a "safe city" surveillance system',
};

/** Each purpose of aid as the log, the packages and the bots' reasons name it. */
export const AID_PURPOSE_NAMES: Record<AidPurpose, string> = {
  budget: 'budget support',
  relief: 'disaster relief',
  infrastructure: 'infrastructure aid',
  banking: 'banking services',
};

export function formatMoney(thousands: number): string {
  const sign = thousands < 0 ? '-' : '';
  const a = Math.abs(thousands);
  if (a >= 1000) {
    const m = a / 1000;
    return `${sign}$${m >= 100 || Number.isInteger(m) ? Math.round(m) : m.toFixed(1)}m`;
  }
  return `${sign}$${a}k`;
}

/** Great-circle distance in km between two points given in degrees. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h))));
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/**
 * A record's own entry for an id that may have come from outside (an action, a record, a
 * scenario): a plain lookup would find JavaScript's built-ins for "constructor" or "__proto__".
 */
export function own<T>(record: Readonly<Record<string, T>> | Readonly<Partial<Record<string, T>>>, id: unknown): T | undefined {
  return typeof id === 'string' && Object.hasOwn(record, id) ? record[id] : undefined;
}

/** A seat's name as the news prints it ("Solomon Islands", "Beijing"); the id itself for a seat the game does not have. */
export const roleNameOf = (g: Pick<GameState, 'islands' | 'powers'>, role: string): string => own(g.islands, role)?.name ?? own(g.powers, role)?.name ?? role;

/** Scripted leaks that name an island or a power wait for the negotiation, when the round's drafts are on the table (drafts.ts). */
export const isDraftLeak = (e: { kind: string; island?: string | undefined; power?: string | undefined }): boolean => e.kind === 'leak' && (e.island !== undefined || e.power !== undefined);
