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

export const ISLAND_OBJECTIVES = ['development', 'sovereignty', 'survival', 'resilience', 'balance', 'solvency', 'democracy'] as const;
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
  'forum',
  'bankExit',
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
    /** US$ thousands a year that Taipei gives while the island recognises it (lost on a switch). */
    taipeiAid?: number | undefined;
    nextElection?: number | undefined;
    leaning?: PowerId | undefined;
    computer?: boolean | undefined;
    fictional?: boolean | undefined;
    parliament?: ParliamentData | undefined;
  }[];
  powers: {
    id: PowerId;
    name: string;
    treasury: number;
    budgetPerRound: number;
    reputation: number;
    influence: Partial<Record<IslandId, number>>;
    persona?: Persona | undefined;
    computer?: boolean | undefined;
  }[];
  vendors: {
    id: string;
    name: string;
    kind: VendorKind;
    origin: PowerId | 'other';
    trusted: boolean;
    pricePerKm?: number | undefined;
    pricePerLanding?: number | undefined;
    minBuildMonths?: number | undefined;
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
  debts: { id: string; debtor: IslandId; creditor: PowerId; lender?: ScriptedFunderId | undefined; amount: number; ratePct: number; years: number; graceYears: number; note?: string | undefined }[];
  objectives: {
    island: Partial<Record<IslandObjective, number>>;
    beijing?: Partial<Record<PowerObjective, number>> | undefined;
    canberra?: Partial<Record<PowerObjective, number>> | undefined;
    washington?: Partial<Record<PowerObjective, number>> | undefined;
  };
  deck: { chancePerRound: number; weights: Partial<Record<EventKind, number>> };
  scripted: { round: number; kind: EventKind; island?: IslandId | undefined; cable?: string | undefined; power?: PowerId | undefined; title?: string | undefined; initiative?: InitiativeKind | undefined }[];
  /** Offers the scenario puts on the table at a round's briefing (the tutorial's two cable bids, a historical package). */
  tabled?: { round: number; from: RoleId; deal: Deal; why?: string | undefined; amends?: string | undefined; ratify?: RatifyMark | undefined }[] | undefined;
  /** Agreements already in force when the game starts; the starting numbers already reflect them. */
  agreements?: StandingAgreementData[] | undefined;
  /** Funders with no seat (Tokyo, the World Bank, the ADB): a budget and a script of the deals they co-fund. */
  funders?: ScriptedFunderData[] | undefined;
  sources: string[];
  /** What really happened, for the debrief only: it plays no part in the game. */
  history?: ScenarioHistory | undefined;
  /** Injects the facilitator may fire during the game (src/engine/facilitator.ts), each with its source. */
  injects?: ScenarioInject[] | undefined;
  /** Shorter cuts for a lesson (src/scenario/lesson.ts): the host picks one when creating a game. */
  lessons?: { id: string; title: string; minutes: number; rounds: number; monthsPerRound?: number | undefined; buildPct?: number | undefined; negotiationMinutes: number; decisionsMinutes: number; objectives?: Partial<ScenarioData['objectives']> | undefined }[] | undefined;
  /** The members of a team (src/engine/subroles.ts): who may take which act, who must co-sign it. DEFAULT_SUB_ROLES when absent. */
  subRoles?: SubRoles | undefined;
}

/**
 * What a sub-role's rights are counted in: the kind of deal an offer, counter or acceptance
 * carries (and `loan` when any of its money is lent), a sealed order, a cancellation.
 */
export const SUB_ROLE_ACTS = ['cable', 'telecom', 'aid', 'pact', 'diplomatic', 'package', 'loan', 'order', 'cancel'] as const;
export type SubRoleAct = (typeof SUB_ROLE_ACTS)[number];
/** One member's part in a team: the acts it may take (all when `takes` is absent) and those it must co-sign when another member takes them. */
export interface SubRole {
  id: string;
  title: string;
  takes?: SubRoleAct[] | undefined;
  signs?: SubRoleAct[] | undefined;
}
/** The sub-roles of an island government's team and of a power's. */
export interface SubRoles {
  island: SubRole[];
  power: SubRole[];
}

/** A scripted inject a scenario offers its facilitator: an event that resolves at once, or a news item. */
export interface ScenarioInject {
  id: string;
  title: string;
  source: string;
  kind?: EventKind | undefined;
  island?: IslandId | undefined;
  power?: PowerId | undefined;
  news?: string | undefined;
  /** Who reads the news item; everyone when absent. */
  to?: RoleId[] | undefined;
}

export interface ScenarioHistory {
  entries: { date: string; kind: 'deal' | 'event' | 'outcome'; text: string; source: string }[];
  prompts: string[];
}

/** An agreement in force at the start (the 2017 Australia-Solomons treaty, a signed cable contract). */
export interface StandingAgreementData {
  id: string;
  /** YYYY-MM it was signed, before the game starts. */
  since: string;
  deal: Deal;
  /** Powers whose landing consent the deal already has (a cable landing on their territory). */
  consented?: PowerId[] | undefined;
  note?: string | undefined;
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
  /** US$ thousands a year of Taipei's aid, counted in the revenue while the island recognises Taipei and lost when it switches (diplomacy.ts). */
  taipeiAid?: number | undefined;
  leaning: PowerId | null;
  nextElection: number | null;
  /** Share of the island's network assets (active cables and telecom assets) by vendor origin, percent 0-100. */
  exposure: Record<PowerId | 'other', number>;
  /** Unrest 0-100: rises when legitimacy and the economy are low; high unrest brings riots. */
  unrest: number;
  /** Domestic mobile and broadband coverage 0-100 (towers). */
  coverage: number;
  /** Telecom assets on the island: who built, owns and operates them. */
  assets: Asset[];
  /** Programmes the island has joined. */
  blocs: Bloc[];
  /** A power's warning against a vendor: signing with that vendor before `until` costs the island that power's favour. */
  pressure: { vendor: string; by: PowerId; until: number }[];
  /** Times the government has delayed an election. */
  delays: number;
  /** Governments that have fallen during the game (lost an election or a no-confidence vote). */
  falls: number;
  /** Times the island has diversified its network vendors: each time brings less than the last. */
  diversifications: number;
  /** Set when the scenario marks the island as a fictional composite (the tutorial). */
  fictional: boolean;
  /** Where the island stood at the start: the economy and the government's standing drift back towards it, moved by what changed since. */
  norm: { economy: number; legitimacy: number; connectivity: number; coverage: number; democracy: number };
  /** Set while the island's last commercial bank is leaving and no other has taken its place (events.ts bankExit; aid for `banking` ends it). */
  bankLeaving?: boolean | undefined;
  /** Set when the scenario gives the island a parliament that must ratify some kinds of deal (ratify.ts). */
  parliament?: Parliament | undefined;
}

export const TELECOM_PROJECTS = ['towers', 'carrier', 'dataCentre', 'eGovernment', 'safeCity'] as const;
export type TelecomProject = (typeof TELECOM_PROJECTS)[number];

export interface Asset {
  id: string;
  kind: TelecomProject | 'port';
  vendor: string | null;
  /** Who controls it: the island, or a creditor that seized it, or the power that bought it. */
  owner: RoleId;
  agreement: string | null;
  /** A network still being built: it serves nobody until this round's resolution. */
  readyRound?: number | undefined;
}

export const BLOCS = ['trustedNetwork', 'dataSecurity'] as const;
/** trustedNetwork: the US-led "clean network" / trusted-vendor programme; dataSecurity: Beijing's Global Initiative on Data Security. */
export type Bloc = (typeof BLOCS)[number];

export const PERSONAS = ['balanced', 'cautious', 'assertive', 'distracted'] as const;
export type Persona = (typeof PERSONAS)[number];

export interface Power {
  id: PowerId;
  name: string;
  persona: Persona;
  /** Islands whose secrets a cyber intrusion lets it read, until the given round. */
  intrusions: { island: IslandId; until: number }[];
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

/** Cable makers lay cables; network vendors build towers, data centres and safe-city systems; carriers run networks. */
export const VENDOR_KINDS = ['cable', 'network', 'carrier'] as const;
export type VendorKind = (typeof VENDOR_KINDS)[number];

export interface Vendor {
  id: string;
  name: string;
  kind: VendorKind;
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
  /** Who operates its landing stations. */
  operator: 'island' | 'vendor';
  /** Who controls it: 'other' for a commercial or consortium cable, a creditor after a default. */
  owner: RoleId | 'other';
  /** The agreement that built it, if it was built in the game. */
  agreement: string | null;
}

// ---------------------------------------------------------------- deals

export const COLLATERALS = ['none', 'cable', 'port', 'towers'] as const;
/** What a creditor takes control of if the loan defaults. */
export type Collateral = (typeof COLLATERALS)[number];

export type Financing =
  | { kind: 'grant'; by: PowerId }
  | { kind: 'loan'; by: PowerId; ratePct: number; years: number; graceYears: number; collateral?: Collateral | undefined };

/** A string attached to a deal: broken while the agreement stands, it is a breach. */
export type Condition = { kind: 'noVendor'; vendor: string } | { kind: 'noPact'; power: PowerId };

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
  /** Share of the price the islands on the route pay from their own treasuries (Coral Sea: up to a third). */
  islandSharePct?: number | undefined;
  conditions?: Condition[] | undefined;
  /** Other funders paying a share of the price, each on its own terms (see funding.ts). */
  cofunders?: Cofunder[] | undefined;
}

export const AID_PURPOSES = ['budget', 'relief', 'infrastructure', 'banking'] as const;
export type AidPurpose = (typeof AID_PURPOSES)[number];

export interface AidDeal {
  kind: 'aid';
  island: IslandId;
  amount: number;
  financing: Financing;
  /** Budget support helps the government; relief after a disaster buys the most goodwill; infrastructure grows the economy. */
  purpose?: AidPurpose | undefined;
  conditions?: Condition[] | undefined;
  cofunders?: Cofunder[] | undefined;
}

export interface TelecomDeal {
  kind: 'telecom';
  island: IslandId;
  project: TelecomProject;
  /** For a carrier purchase, the vendor is the seller's network kit; for the rest, who builds it. */
  vendor: string;
  amount: number;
  financing: Financing;
  conditions?: Condition[] | undefined;
  cofunders?: Cofunder[] | undefined;
}

export const DIPLOMATIC_ACTS = ['switchRecognition', 'joinBloc'] as const;
export type DiplomaticAct = (typeof DIPLOMATIC_ACTS)[number];

export interface DiplomaticDeal {
  kind: 'diplomatic';
  island: IslandId;
  power: PowerId;
  /** switchRecognition: from Taipei to Beijing (with Beijing only); joinBloc: the power's programme. */
  act: DiplomaticAct;
}

export const PACT_TYPES = ['policing', 'cyber', 'port', 'naval', 'base'] as const;
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

/** A part of a package: a deal that names no island, signed once for each island that takes the package. */
export type PackagePart = Omit<AidDeal, 'island'> | Omit<TelecomDeal, 'island'> | Omit<PactDeal, 'island'> | Omit<DiplomaticDeal, 'island'>;

/**
 * Several parts offered together by one power to one or several islands (Beijing's May 2022
 * "Common Development Vision": policing, cyber, data governance, customs software). Each island
 * signs or refuses it for itself; each part then binds that island exactly as it would alone.
 */
export interface PackageDeal {
  kind: 'package';
  /** The power offering every part. */
  power: PowerId;
  islands: IslandId[];
  parts: PackagePart[];
  /** True: it binds only if every island signs. False: it stands for the islands that sign. */
  allMustSign: boolean;
}

export type Deal = CableDeal | AidDeal | PactDeal | TelecomDeal | DiplomaticDeal | PackageDeal;
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
  /** An active agreement this offer would replace when signed (a renegotiation). */
  amends: string | null;
  reason: string | null;
  /** Offers are private to their parties until a rule reveals them. */
  seenBy: RoleId[];
  /** A package's refusals, island by island (and a consenting power's): who refused and why. */
  refusals?: { by: RoleId; reason: string }[] | undefined;
  /** Set when the scenario marks the deal for ratification by the islands' parliaments (ratify.ts). */
  ratify?: true | undefined;
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
  status: 'active' | 'ended' | 'cancelled' | 'breached';
  /** Why it ended, when it did. */
  reason: string | null;
  /** Who cancelled it and in which round, if a party did. */
  cancelled?: { by: RoleId; round: number } | undefined;
}

export interface Debt {
  id: string;
  debtor: IslandId;
  creditor: FunderId;
  /**
   * The bank that lent the money and is repaid (China Exim), when it is not the creditor state: a
   * policy bank's repayments refill its own lending, never the state's grant budget. Absent: the
   * creditor is repaid.
   */
  lender?: ScriptedFunderId | undefined;
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
  /** Rounds in a row with arrears; at 2 the loan is in default and the collateral passes to the creditor. */
  missed: number;
  collateral: Collateral;
  defaulted: boolean;
}

export type LedgerKind = 'opening' | 'budget' | 'budgetCut' | 'revenue' | 'vendor' | 'grant' | 'loan' | 'repayment' | 'interest' | 'campaign' | 'investment' | 'cofinancing' | 'purchase' | 'intrusion' | 'forum' | 'absorption' | 'override';

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
  // powers
  | { kind: 'campaign'; island: IslandId; amount: number }
  | { kind: 'intrusion'; island: IslandId; amount: number }
  | { kind: 'leakDraft'; clause: string; amount: number }
  | { kind: 'vendorPressure'; island: IslandId; vendor: string; amount: number }
  // islands
  | { kind: 'buildCert'; amount: number }
  | { kind: 'repay'; debt: string; amount: number }
  | { kind: 'crackdown'; amount: number }
  | { kind: 'delayElection'; amount: number }
  | { kind: 'holdElection'; amount: number }
  | { kind: 'diversifyVendors'; amount: number }
  | { kind: 'callForum'; amount: number; initiative?: InitiativeKind | undefined; power?: PowerId | undefined }
  | { kind: 'renegotiateDebt'; debt: string; amount: number };
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
  /** Fired by the facilitator (an inject), not drawn or scheduled by the scenario. */
  injected?: boolean | undefined;
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
  /** 0-100: the scenario-weighted mean of the parts. */
  total: number;
  /** Each objective 0-100, 50 meaning as at the start of the game. */
  parts: Record<string, number>;
  /** Each objective's absolute level 0-100, for the breakdown. */
  levels: Record<string, number>;
}

/** One viewer's picture of the scores: the baseline and scores worked out without what it may not know. */
export interface SeenFigures {
  baseline: Record<RoleId, Record<string, number>>;
  scores: Record<RoleId, Score>;
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
  tabled: NonNullable<ScenarioData['tabled']>;
  scores: Record<RoleId, Score>;
  /** Each role's objectives measured at the start: a score of 50 on an objective means "as at the start". */
  baseline: Record<RoleId, Record<string, number>>;
  /** Scores at the end of each round, for turning points; `seen` as in `seen` below. */
  history: { round: number; scores: Record<RoleId, number>; seen?: Partial<Record<ViewerId, Record<RoleId, number>>> }[];
  /**
   * The scores as a viewer can work them out from what it may see (view.ts, known.ts), kept for
   * each viewer from whom a clause is hidden; the others' picture is the truth.
   */
  seen: Partial<Record<ViewerId, SeenFigures>>;
  /** The key of the ids of what only some seats see (ids.ts): never in a view. */
  idKey: string;
  /** Ids handed out so far, and regional forums held (each brings less than the last). */
  counters: { offer: number; agreement: number; accept: number; event: number; order: number; asset: number; forum: number };
  /** The round from which the region's repair ship is free again. */
  repairShipFree: number;
  /** Seats the scenario gives to the computer unless someone takes them. */
  computerSeats: RoleId[];
  /** seedrandom's saved state: never shown to any viewer. */
  rng: RngState;
  /** Funders with no seat and their scripts, when the scenario names any (absent otherwise). */
  funders?: Partial<Record<ScriptedFunderId, ScriptedFunder>> | undefined;
  /** The scenario's scripted injects, when it has any: the facilitator's, never in a view. */
  injects?: ScenarioInject[] | undefined;
  /** Signed deals waiting for a parliament's vote; present once a deal has needed one (ratify.ts). */
  ratifications?: Ratification[] | undefined;
  /** How the scenario scripts a parliament's vote on an offer, by offer id: never shown to any viewer. */
  votes?: Record<string, 'pass' | 'refuse'> | undefined;
  /** Pacific Islands Forum meetings; present once one has been called (forum.ts). */
  forums?: ForumMeeting[] | undefined;
  /** The scenario's sub-roles, when it declares them (subroles.ts); DEFAULT_SUB_ROLES otherwise. */
  subRoles?: SubRoles | undefined;
  /** The sub-roles the facilitator gave a team seat (an override of kind "team"); a seat absent has them all. */
  teams?: Partial<Record<RoleId, string[]>> | undefined;
  /** Injects the facilitator scheduled for a later round (facilitator.ts); present once one has been. The facilitator's only. */
  schedule?: ScheduledInject[] | undefined;
}

/** An inject the facilitator set for the start of a later round's events. */
export interface ScheduledInject {
  id: string;
  /** The round at whose briefing it resolves, before the scenario's events. */
  round: number;
  inject: Exclude<Inject, { kind: 'cancel' }>;
  status: 'waiting' | 'fired' | 'cancelled';
  /** The round it was scheduled in. */
  madeIn: number;
}

// ---------------------------------------------------------------- ratification and the Forum

/** How a scenario marks a tabled deal: `true`, a vote decided by chance; `pass` or `refuse`, the vote as history had it. */
export type RatifyMark = true | 'pass' | 'refuse';

/** What a scenario says of an island's parliament. */
export interface ParliamentData {
  /** Kinds of deal the parliament must ratify before they take effect (Vanuatu: pacts); a package's parts are judged by their own kinds. */
  ratifies: Exclude<DealKind, 'package'>[];
  /** The power the opposition leans to, if any; by default, the power the islanders favour most after the government's. */
  opposition?: PowerId | undefined;
}

export interface Parliament {
  ratifies: DealKind[];
  opposition: PowerId | null;
}

/** A deal signed at a resolution, waiting with no effect for the parliaments' vote at the next domestic phase. */
export interface Ratification {
  id: string;
  /** The signed offer: its deal takes effect if every parliament ratifies it. */
  offer: string;
  /** Round it was signed in. */
  round: number;
  /** The islands whose parliaments vote, in order. */
  islands: IslandId[];
  /** The power on the other side (the funder, or the pact's partner). */
  partner: PowerId;
  /** The deal as the public knows it (secret clauses left out). */
  deal: Deal;
  status: 'pending' | 'ratified' | 'refused' | 'lapsed';
  /** Each parliament's vote so far, and its chance in percent (null when scripted). */
  result: { island: IslandId; passed: boolean; chance: number | null }[];
}

/** What the Forum is asked to endorse: a regional policing initiative backed by a power, a statement on a power's conduct, or the islands' common word on sovereignty over their networks and seas. */
export const INITIATIVES = ['policing', 'conduct', 'sovereignty'] as const;
export type InitiativeKind = (typeof INITIATIVES)[number];

export interface ForumMeeting {
  id: string;
  /** The round whose negotiation the meeting sits in. */
  round: number;
  /** As the scenario's author or the calling island wrote it. */
  title: string;
  initiative: InitiativeKind;
  /** policing: the power backing it; conduct: the power whose conduct the statement addresses. */
  power: PowerId | null;
  /** The island that called it, or null when scripted. */
  calledBy: IslandId | null;
  endorsed: IslandId[];
  rejected: IslandId[];
  status: 'open' | 'adopted' | 'failed';
}

/** seedrandom's ARC4 state. */
export interface RngState {
  i: number;
  j: number;
  S: number[];
}

// ---------------------------------------------------------------- actions

/**
 * `why` is an optional one-line explanation (a computer player's reason, a delegate's note): it
 * goes into the log for exactly the viewers who may see the action itself.
 */
export type Action = (
  | { type: 'offer'; role: RoleId; to: RoleId[]; deal: Deal; amends?: string | undefined }
  | { type: 'accept'; role: RoleId; offer: string }
  | { type: 'reject'; role: RoleId; offer: string; reason: string }
  | { type: 'counter'; role: RoleId; offer: string; deal: Deal }
  | { type: 'withdraw'; role: RoleId; offer: string }
  | { type: 'cancel'; role: RoleId; agreement: string; reason: string }
  | { type: 'order'; role: RoleId; order: Order }
  | { type: 'endPhase'; role: RoleId }
  | { type: 'endorse'; role: RoleId; initiative: string }
  | { type: 'oppose'; role: RoleId; initiative: string }
  | InjectAction
  | MessageAction
  | OverrideAction
) & {
  why?: string | undefined;
  /** The acting member's sub-role, when the seat is a team with sub-roles (src/engine/subroles.ts). */
  by?: string | undefined;
  /** The sub-roles that co-signed the action; checked against the sub-roles' rules, in play and on replay. */
  cosigned?: string[] | undefined;
};

/** Figures a facilitator may set, with a reason: an island's metrics and treasury, a power's reputation and treasury. */
export const OVERRIDE_FIGURES = ['treasury', 'economy', 'legitimacy', 'unrest', 'sovereignty', 'cyber', 'democracy', 'reputation'] as const;
export type OverrideFigure = (typeof OVERRIDE_FIGURES)[number];
/** A facilitator's ruling: void a signed deal, or set a figure; each with the reason the players concerned read. */
export type Override =
  | { kind: 'void'; agreement: string; reason: string }
  | { kind: 'set'; target: RoleId; figure: OverrideFigure; value: number; reason: string }
  /** Which of its sub-roles a team seat has (a team of two has no minister of foreign affairs): set-up, in the record. */
  | { kind: 'team'; seat: RoleId; subRoles: string[]; reason: string };
export interface OverrideAction {
  type: 'override';
  role: 'facilitator';
  override: Override;
}

/** What the facilitator injects into the game (src/engine/facilitator.ts). */
export type Inject =
  | { kind: 'event'; event: EventKind; island?: IslandId | undefined; power?: PowerId | undefined; title?: string | undefined }
  | { kind: 'news'; text: string; to: 'all' | RoleId[] }
  | { kind: 'scripted'; id: string }
  /** Call off a scheduled inject before it fires. */
  | { kind: 'cancel'; id: string };
/** Only the facilitator injects. */
export interface InjectAction {
  type: 'inject';
  role: 'facilitator';
  inject: Inject;
  /** Resolve at the start of this (later) round's events instead of now. */
  at?: number | undefined;
}
/** The facilitator writes to all or chosen seats; a seat writes a private question to the facilitator. */
export interface MessageAction {
  type: 'message';
  role: RoleId | 'facilitator';
  to: 'all' | 'facilitator' | RoleId[];
  text: string;
}
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
  | 'notParty'
  | 'malformed'
  /** A per-seat, per-round limit on a repeatable action is used up. */
  | 'limitReached'
  /** Only the facilitator may do that. */
  | 'notFacilitator'
  /** The member's sub-role may not take that act, or a co-signer's signature is missing (subroles.ts). */
  | 'needsSignature';

export interface Refusal {
  code: RefusalCode;
  /** Path into the action's parameters, such as "deal.route[1]". */
  field?: string;
  message: string;
}

// ---------------------------------------------------------------- joint funding

/**
 * Funders with no seat and no view, acting by the scenario's script: Tokyo (Japan's grant to the
 * East Micronesia Cable), the World Bank and the Asian Development Bank (the grants behind the
 * Tonga, Samoa and East Micronesia cables), and China Exim Bank, Beijing's policy bank (the
 * preferential buyer's credits behind PNG's Kumul cable and the Solomons' 161 towers).
 */
export const SCRIPTED_FUNDERS = ['tokyo', 'worldBank', 'adb', 'chinaExim'] as const;
export type ScriptedFunderId = (typeof SCRIPTED_FUNDERS)[number];
/** Whoever can put money into a deal, lend it, and be owed. */
export type FunderId = PowerId | ScriptedFunderId;

/** A co-funder of a deal: its share of the price (percent) and its own terms. */
export type Cofunder =
  | { kind: 'grant'; by: FunderId; sharePct: number }
  | { kind: 'loan'; by: FunderId; sharePct: number; ratePct: number; years: number; graceYears: number; collateral?: Collateral | undefined };

/** What a scripted funder will co-fund: deals of a kind reaching one of the islands, with a fitting vendor, for a share on its terms, within some rounds. */
export interface FundingPledge {
  deal: 'cable' | 'aid' | 'telecom';
  /** The deal must reach at least one of these islands. */
  islands: IslandId[];
  /** Only vendors trusted by the Canberra-Washington programme (Tokyo's condition). */
  trustedVendor?: boolean | undefined;
  /** Only vendors from this power (China Exim's credits are tied to Chinese contractors). */
  vendorFrom?: PowerId | undefined;
  /** Only aid for this purpose (a policy bank lends for works, not for a government's wage bill). */
  purpose?: AidPurpose | undefined;
  /** The largest share it pays, percent of the price. */
  sharePct: number;
  terms: { kind: 'grant' } | { kind: 'loan'; ratePct: number; years: number; graceYears: number };
  /** Rounds in which it stands (inclusive); absent means the whole game. */
  fromRound?: number | undefined;
  untilRound?: number | undefined;
  note?: string | undefined;
}

export interface ScriptedFunderData {
  id: ScriptedFunderId;
  name: string;
  /** Money it can commit over the whole game, US$ thousands. */
  budget: number;
  /**
   * A state's policy bank: it lends only beside that power's own loan, and what it lends is owed
   * to that power (China Exim's credits are debts to Beijing).
   */
  of?: PowerId | undefined;
  pledges: FundingPledge[];
}

export interface ScriptedFunder {
  id: ScriptedFunderId;
  name: string;
  /** Money left to commit, US$ thousands. */
  treasury: number;
  of?: PowerId | undefined;
  pledges: FundingPledge[];
}
