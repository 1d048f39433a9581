/**
 * The parts of the engine the bots use beyond its public index: the rules' own functions and
 * tables, so that a bot weighs a deal exactly as the engine will apply it. Read-only use: the bots
 * call them on their own copies of a state built from their view, never on the real game.
 */
export { cloneState, copyIslands, copyPowers } from '../../engine/state';
export { sign, cancel, conflictOf, funderOf, islandsOfDeal, partiesOf, funderPays, islandShares, dealRefusal, MAX_ISLAND_SHARE_PCT } from '../../engine/deals';
export { refreshNetworks, connectivityOf, buildRounds } from '../../engine/cables';
export { drift, economyTarget, legitimacyTarget, unrestTarget, revenueOf, yearsElapsed } from '../../engine/domestic';
export { levelsOf, partOf, SCORE_SWING } from '../../engine/scoring';
export { seedState } from '../../engine/rng';
export { totalDebt, debtByCreditor, dueThisRound, LOAN_LIMITS } from '../../engine/aid';
export { CLAUSE_EFFECTS, LEAK_EFFECTS } from '../../engine/security';
export { executeOrder, campaignEffect, orderRefusal, MIN_COST, MAX_ORDERS_PER_ROUND, CAMPAIGN_DETECTION } from '../../engine/orders';
export { MAX_COUNTERS, MAX_OPEN_OFFERS, MAX_REASON, MAX_WHY } from '../../engine/validate';
export { watchedIslands } from '../../engine/intel';
export { rivalsOf } from '../../engine/influence';
export { blocOf, rivalBloc } from '../../engine/diplomacy';
export { closeNegotiation, enterPhase, runBriefing, runResolution, runDomesticPhase, nextRound } from '../../engine/rules';
export { clamp, own } from '../../engine/util';
export { hasAnswered, packageDeals, shareOf } from '../../engine/packages';
export { completeNetworks } from '../../engine/telecom';
export { closeForums, initiativeText } from '../../engine/forum';
export { cofunderPays, policyBankOf, powerCofunders, refinanced, withScriptedCofunders, fundersText } from '../../engine/funding';
