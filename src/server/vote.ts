import { legalActions, type Action, type GameView, type RoleId } from '../engine';
import { describeDeal, describeMove } from '../ui/describe';
import { phaseLabel, roleName } from '../ui/names';

/**
 * Class as one actor (docs/facilitator.md): the facilitator puts a seat's legal options to a
 * vote, the class votes on their phones, and the facilitator confirms the winner, which is
 * submitted as the seat's own action (the engine checks it like any other).
 */
export interface VoteOption {
  label: string;
  action: Action;
}

export interface ClassVote {
  id: number;
  seat: RoleId;
  round: number;
  phase: string;
  options: VoteOption[];
  /** One ballot per voter's connection: the option's index. */
  ballots: Map<string, number>;
}

/** The most options a vote may put: a phone's screen of buttons. */
export const MAX_VOTE_OPTIONS = 8;
/** The most moves the facilitator may write into one vote, beside the seat's answers to its offers. */
export const MAX_WRITTEN_OPTIONS = 6;

/**
 * The options of one seat with their terms filled in, from `legalActions` on the seat's own view:
 * accept or reject each offer made to it, and end the phase. Offers the facilitator composes come
 * as whole actions (checked by the engine when the winner is confirmed).
 */
export function voteOptions(v: GameView, seat: RoleId, composed: Action[] = []): VoteOption[] {
  const out: VoteOption[] = [];
  for (const a of composed) out.push({ label: describeMove(v, { ...a, role: seat } as Action), action: { ...a, role: seat } as Action });
  for (const t of legalActions(v, seat)) {
    const offer = t.offer ? v.offers.find((o) => o.id === t.offer) : undefined;
    if (t.type === 'accept' && offer) out.push({ label: `Accept ${roleName(v, offer.from)}’s offer: ${describeDeal(v, offer.deal)}`, action: { type: 'accept', role: seat, offer: offer.id } as Action });
    else if (t.type === 'reject' && offer)
      out.push({ label: `Reject ${roleName(v, offer.from)}’s offer: ${describeDeal(v, offer.deal)}`, action: { type: 'reject', role: seat, offer: offer.id, reason: 'The class voted against it.' } as Action });
    else if (t.type === 'endPhase') out.push({ label: `End ${phaseLabel(v.phase).toLowerCase()} for ${roleName(v, seat)}: no more moves this phase`, action: { type: 'endPhase', role: seat } });
  }
  return out.slice(0, MAX_VOTE_OPTIONS);
}

export function tally(vote: ClassVote): number[] {
  const counts = vote.options.map(() => 0);
  for (const i of vote.ballots.values()) counts[i] = (counts[i] ?? 0) + 1;
  return counts;
}

/**
 * What a screen is sent of the vote. The options' words go to the facilitator and the voters (the
 * class is the seat, and sees what the seat sees); the projector and everyone else get the
 * numbers and the tally only, so a private offer's terms never reach the room's screen.
 */
export function votePayload(vote: ClassVote | null, v: GameView, withWords: boolean): Record<string, unknown> {
  if (!vote) return { open: false };
  const counts = tally(vote);
  return {
    open: true,
    id: vote.id,
    seat: vote.seat,
    seatName: roleName(v, vote.seat),
    options: vote.options.map((o, i) => ({ n: i + 1, label: withWords ? o.label : `Option ${i + 1}`, votes: counts[i] ?? 0 })),
    ballots: vote.ballots.size,
  };
}
