/**
 * The game state and the actions on it: plain JSON, integers for money (US$ thousands) and
 * metrics (0-100 unless a field says otherwise). Nothing here is a class, a Map or a Date.
 */

export const POWERS = ['beijing', 'canberra', 'washington'] as const;
export type PowerId = (typeof POWERS)[number];
/** An island government's role id is its country code, such as "SLB". */
export type IslandId = string;
export type RoleId = IslandId | PowerId;
export type ViewerId = RoleId | 'facilitator' | 'spectator';

export const PHASES = ['briefing', 'negotiation', 'decisions', 'resolution', 'domestic', 'over'] as const;
export type Phase = (typeof PHASES)[number];

export const ISLAND_OBJECTIVES = ['development', 'sovereignty', 'survival', 'resilience', 'balance', 'solvency'] as const;
export type IslandObjective = (typeof ISLAND_OBJECTIVES)[number];
export const POWER_OBJECTIVES = ['influence', 'access', 'vendorShare', 'reputation', 'denial'] as const;
export type PowerObjective = (typeof POWER_OBJECTIVES)[number];

export const EVENT_KINDS = [
  'eruption',
  'anchorDrag',
  'cyclone',
  'riots',
  'leak',
  'ransomware',
  'election',
  'debtDistress',
  'summit',
  'budgetCut',
  'changeOfGovernment',
  'pandemic',
  'securityReview',
  'satelliteService',
  'recognitionPush',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Who may see a piece of information: every role, or the listed roles only. */
export type Audience = 'all' | RoleId[];

// ---------------------------------------------------------------- scenario (input)

export interface ScenarioData {
  id: string;
  version: number;
  title: string;
  summary: string;
  /** YYYY-MM of round 1. */
  start: string;
  monthsPerRound: number;
  rounds: number;
  par: number;
  map: { west: number; east: number; south: number; north: number };
  islands: {
    id: IslandId;
    name: string;
    capital: { name: string; lat: number; lon: number };
    population: number;
    treasury: number;
    revenuePerRound: number;
    economy: number;
    legitimacy: number;
    democracy: number;
    sovereignty: number;
    cyber: number;
    satellite: number;
    alignment: Partial<Record<PowerId, number>>;
    recognises: 'PRC' | 'ROC';
    nextElection?: number | undefined;
    leaning?: PowerId | undefined;
  }[];
  powers: {
    id: PowerId;
    name: string;
    treasury: number;
    budgetPerRound: number;
    reputation: number;
    influence: Partial<Record<IslandId, number>>;
  }[];
  vendors: {
    id: string;
    name: string;
    origin: PowerId | 'other';
    trusted: boolean;
    pricePerKm: number;
    pricePerLanding: number;
    minBuildMonths: number;
  }[];
  landings: { id: string; name: string; island: IslandId | null; country: string; lat: number; lon: number }[];
  cables: {
    id: string;
    name: string;
    route: string[];
    vendor: string;
    financier: PowerId | 'other';
    status: 'building' | 'active';
    readyRound?: number | undefined;
    dataAccess: boolean;
  }[];
  debts: { id: string; debtor: IslandId; creditor: PowerId; amount: number; ratePct: number; years: number; graceYears: number; note?: string | undefined }[];
  objectives: {
    island: Partial<Record<IslandObjective, number>>;
    beijing?: Partial<Record<PowerObjective, number>> | undefined;
    canberra?: Partial<Record<PowerObjective, number>> | undefined;
    washington?: Partial<Record<PowerObjective, number>> | undefined;
  };
  deck: { chancePerRound: number; weights: Partial<Record<EventKind, number>> };
  scripted: { round: number; kind: EventKind; island?: IslandId | undefined; cable?: string | undefined; power?: PowerId | undefined; title?: string | undefined }[];
  sources: string[];
}

// ---------------------------------------------------------------- state

export interface Island {
  id: IslandId;
  name: string;
  capital: { name: string; lat: number; lon: number };
  population: number;
  /** US$ thousands, >= 0. */
  treasury: number;
  revenuePerRound: number;
  economy: number;
  legitimacy: number;
  democracy: number;
  sovereignty: number;
  cyber: number;
  /** Connectivity with no cable (satellite), 0-40. */
  satellite: number;
  /** Derived each time cables change: 0-100. */
  connectivity: number;
  /** Number of active cables landing here (route redundancy). */
  routes: number;
  alignment: Record<PowerId, number>;
  recognises: 'PRC' | 'ROC';
  leaning: PowerId | null;
  nextElection: number | null;
  /** Share of the island's network assets (active cables) by vendor origin, percent 0-100. */
  exposure: Record<PowerId | 'other', number>;
}

export interface Power {
  id: PowerId;
  name: string;
  /** Money in hand, US$ thousands, >= 0. */
  treasury: number;
  budgetPerRound: number;
  reputation: number;
  influence: Record<IslandId, number>;
}

export interface Landing {
  id: string;
  name: string;
  island: IslandId | null;
  country: string;
  lat: number;
  lon: number;
}

export interface Vendor {
  id: string;
  name: string;
  origin: PowerId | 'other';
  trusted: boolean;
  pricePerKm: number;
  pricePerLanding: number;
  minBuildMonths: number;
}

export type CableStatus = 'proposed' | 'building' | 'active' | 'cut';

export interface Cable {
  id: string;
  name: string;
  route: string[];
  vendor: string;
  financier: PowerId | 'other' | IslandId;
  status: CableStatus;
  /** Round in which a building cable becomes active, or a cut cable is repaired. */
  readyRound: number | null;
  dataAccess: boolean;
  /** The agreement that built it, if it was built in the game. */
  agreement: string | null;
}

// ---------------------------------------------------------------- deals

export type Financing =
  | { kind: 'grant'; by: PowerId }
  | { kind: 'loan'; by: PowerId; ratePct: number; years: number; graceYears: number };

export interface CableDeal {
  kind: 'cable';
  /** Landing ids in the order the cable runs, at least two. */
  route: string[];
  vendor: string;
  financing: Financing;
  buildMonths: number;
  /** Who operates the landing stations: the islands themselves or the vendor. */
  stationOperator: 'island' | 'vendor';
  /** The vendor's patron may read traffic at the landing station. */
  dataAccess: boolean;
  /** No other cable may land on these islands from another financier while this agreement stands. */
  exclusivity: boolean;
}

export interface AidDeal {
  kind: 'aid';
  island: IslandId;
  amount: number;
  financing: Financing;
}

export const PACT_TYPES = ['policing', 'cyber', 'port'] as const;
export type PactType = (typeof PACT_TYPES)[number];

export const CLAUSE_KINDS = ['unrestDeployment', 'incidentAccess', 'shipVisits', 'noThirdParty'] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

export interface Clause {
  kind: ClauseKind;
  secret: boolean;
}

export interface PactDeal {
  kind: 'pact';
  island: IslandId;
  power: PowerId;
  pact: PactType;
  clauses: Clause[];
}

export type Deal = CableDeal | AidDeal | PactDeal;
export type DealKind = Deal['kind'];

export type OfferStatus = 'open' | 'accepted' | 'rejected' | 'countered' | 'withdrawn' | 'expired' | 'signed' | 'void';

export interface Offer {
  id: string;
  round: number;
  from: RoleId;
  to: RoleId[];
  deal: Deal;
  status: OfferStatus;
  acceptedBy: RoleId[];
  /** Order of final acceptance within the round; resolution signs in this order. */
  acceptedSeq: number | null;
  /** How many counters led to this offer in this round (at most 3). */
  counterDepth: number;
  replaces: string | null;
  reason: string | null;
  /** Offers are private to their parties until a rule reveals them. */
  seenBy: RoleId[];
}

export interface AgreementClause extends Clause {
  id: string;
  seenBy: Audience;
}

export interface Agreement {
  id: string;
  offer: string;
  round: number;
  parties: RoleId[];
  deal: Deal;
  /** Secret clauses are kept here with their own audience; the deal's own clause list is public-only. */
  clauses: AgreementClause[];
  status: 'active' | 'ended';
}

export interface Debt {
  id: string;
  debtor: IslandId;
  creditor: PowerId;
  /** The agreement that made the loan, or null for a debt the scenario starts with. */
  agreement: string | null;
  principal: number;
  outstanding: number;
  ratePct: number;
  /** Instalments of principal still to pay, one per round after grace. */
  instalmentsLeft: number;
  /** First round in which principal falls due. */
  firstDueRound: number;
  arrears: number;
}

export type LedgerKind = 'opening' | 'budget' | 'budgetCut' | 'revenue' | 'vendor' | 'grant' | 'loan' | 'repayment' | 'interest' | 'campaign' | 'investment';

/** One movement of money. "world" stands for everyone outside the game (vendors, taxpayers). */
export interface LedgerEntry {
  round: number;
  from: RoleId | 'world';
  to: RoleId | 'world';
  amount: number;
  kind: LedgerKind;
  ref: string | null;
  seenBy: Audience;
}

// ---------------------------------------------------------------- orders (sealed, decisions phase)

export type Order =
  | { kind: 'campaign'; island: IslandId; amount: number }
  | { kind: 'buildCert'; amount: number }
  | { kind: 'repay'; debt: string; amount: number };
export type OrderKind = Order['kind'];

export interface SealedOrder {
  id: string;
  role: RoleId;
  round: number;
  order: Order;
}

// ---------------------------------------------------------------- events and log

export interface GameEvent {
  id: string;
  round: number;
  kind: EventKind;
  title: string;
  island: IslandId | null;
  cable: string | null;
  power: PowerId | null;
  scripted: boolean;
}

export interface LogEntry {
  round: number;
  phase: Phase;
  text: string;
  seenBy: Audience;
  /** Ids this entry is about (offer, agreement, clause), so that a view can hide it with them. */
  about: string[];
}

export interface Score {
  total: number;
  parts: Record<string, number>;
}

export interface GameState {
  rules: number;
  scenario: { id: string; version: number; hash: string; title: string; par: number; rounds: number; monthsPerRound: number; start: string };
  round: number;
  /** YYYY-MM of the current round. */
  date: string;
  phase: Phase;
  seats: RoleId[];
  islands: Record<IslandId, Island>;
  powers: Partial<Record<PowerId, Power>>;
  landings: Record<string, Landing>;
  vendors: Record<string, Vendor>;
  cables: Cable[];
  offers: Offer[];
  agreements: Agreement[];
  debts: Debt[];
  ledger: LedgerEntry[];
  orders: SealedOrder[];
  events: GameEvent[];
  log: LogEntry[];
  /** Roles that have ended the current phase. */
  ended: RoleId[];
  objectives: ScenarioData['objectives'];
  deck: ScenarioData['deck'];
  scripted: ScenarioData['scripted'];
  scores: Record<RoleId, Score>;
  /** Scores at the end of each round, for turning points. */
  history: { round: number; scores: Record<RoleId, number> }[];
  counters: { offer: number; agreement: number; accept: number; event: number; order: number };
  /** seedrandom's saved state: never shown to any viewer. */
  rng: RngState;
}

/** seedrandom's ARC4 state. */
export interface RngState {
  i: number;
  j: number;
  S: number[];
}

// ---------------------------------------------------------------- actions

export type Action =
  | { type: 'offer'; role: RoleId; to: RoleId[]; deal: Deal }
  | { type: 'accept'; role: RoleId; offer: string }
  | { type: 'reject'; role: RoleId; offer: string; reason: string }
  | { type: 'counter'; role: RoleId; offer: string; deal: Deal }
  | { type: 'withdraw'; role: RoleId; offer: string }
  | { type: 'order'; role: RoleId; order: Order }
  | { type: 'endPhase'; role: RoleId };
export type ActionType = Action['type'];

export type RefusalCode =
  | 'unknownRole'
  | 'wrongPhase'
  | 'gameOver'
  | 'alreadyEnded'
  | 'notYourOffer'
  | 'unknownOffer'
  | 'offerClosed'
  | 'tooManyCounters'
  | 'unaffordable'
  | 'illegalTerms'
  | 'badParty'
  | 'unknownTarget'
  | 'malformed';

export interface Refusal {
  code: RefusalCode;
  /** Path into the action's parameters, such as "deal.route[1]". */
  field?: string;
  message: string;
}
