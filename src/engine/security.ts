import type { AgreementClause, GameState, PactDeal, PactType } from './types';
import { bump } from './influence';
import { clampMetric, own } from './util';
import { propUp } from './domestic';

/** What each kind of pact does to the island on signing. */
export const PACT_EFFECTS: Record<PactType, { sovereignty: number; legitimacy: number; cyber: number; economy: number; alignment: number; influence: number }> = {
  // Police training and deployment: political security for the government (Solomons–China 2022, Australia 2017).
  policing: { sovereignty: -4, legitimacy: 5, cyber: 0, economy: 0, alignment: 8, influence: 12 },
  // CERT partnership: the partner sees the incidents and becomes the first call.
  cyber: { sovereignty: -2, legitimacy: 1, cyber: 15, economy: 0, alignment: 5, influence: 8 },
  // Port visits: fees for the port, a foothold for the navy.
  port: { sovereignty: -8, legitimacy: 0, cyber: 0, economy: 2, alignment: 4, influence: 10 },
  naval: { sovereignty: -10, legitimacy: -1, cyber: 0, economy: 2, alignment: 4, influence: 12 },
  // A base: rent and jobs, and the largest loss of control (the leaked 2022 draft raised the fear of one).
  base: { sovereignty: -15, legitimacy: -3, cyber: 0, economy: 3, alignment: 3, influence: 18 },
};

/** What a leak costs: the island government's standing, its goodwill towards the partner, the partner's reputation (a leaked clause, a leaked draft). */
export const LEAK_EFFECTS = { legitimacy: -10, alignment: -5, reputation: -6 } as const;

export const CLAUSE_EFFECTS: Record<AgreementClause['kind'], { sovereignty: number; legitimacy: number; democracy: number }> = {
  unrestDeployment: { sovereignty: -6, legitimacy: 4, democracy: -3 },
  incidentAccess: { sovereignty: -4, legitimacy: 0, democracy: 0 },
  shipVisits: { sovereignty: -3, legitimacy: 0, democracy: 0 },
  noThirdParty: { sovereignty: -6, legitimacy: 0, democracy: 0 },
};

/**
 * Apply (sign = 1) or undo (sign = -1) what clauses do to an island. A clause that comes out by a
 * leak (`leaked`) costs its sovereignty and democracy but brings none of the reassurance it would
 * have brought had it been announced: the leak is the scandal.
 */
export function applyClauses(g: GameState, island: string, kinds: readonly AgreementClause['kind'][], sign: 1 | -1, leaked = false): void {
  const isl = own(g.islands, island);
  if (!isl) return;
  for (const k of kinds) {
    const e = CLAUSE_EFFECTS[k];
    isl.sovereignty = clampMetric(isl.sovereignty + sign * e.sovereignty);
    if (!leaked) propUp(g, isl, sign * e.legitimacy);
    isl.democracy = clampMetric(isl.democracy + sign * e.democracy);
  }
}

/**
 * The clauses that weigh on an island's public figures: the public ones. A secret clause moves the
 * island's sovereignty, legitimacy and democracy only once it is known (a leak, a leaked draft), so
 * that no seat can read a clause it was not shown from the island's public figures; until then its
 * weight is felt only by the parties (their scores, section 9). (The 2022 Solomons–China pact: its
 * text was never published, and the domestic cost came with the leaked draft.)
 */
export const weighing = (clauses: readonly AgreementClause[]): AgreementClause['kind'][] => clauses.filter((c) => c.seenBy === 'all').map((c) => c.kind);

export function signPact(g: GameState, deal: PactDeal, clauses: AgreementClause[]): void {
  const island = own(g.islands, deal.island);
  if (!island) return;
  const e = PACT_EFFECTS[deal.pact];
  island.sovereignty = clampMetric(island.sovereignty + e.sovereignty);
  propUp(g, island, e.legitimacy);
  island.cyber = clampMetric(island.cyber + e.cyber);
  island.economy = clampMetric(island.economy + e.economy);
  applyClauses(g, deal.island, weighing(clauses), 1);
  bump(g, deal.island, deal.power, e.alignment, e.influence);
}
