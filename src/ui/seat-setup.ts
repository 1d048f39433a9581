import type { RoleId } from '../engine';
import { h } from './dom';

/**
 * The facilitator's set-up of a seat (src/server/room.ts, `assign`): people (one player or more,
 * the default), a team whose members each pick a sub-role, or the computer at a level. Shared by
 * the host's screen (src/ui/online) and the console's lobby (src/ui/facilitator).
 */
export type SeatAssignment = { mode: 'people' } | { mode: 'team' } | { mode: 'bot'; level: 'easy' | 'normal' | 'hard' };

export const SEAT_CHOICES: { value: string; label: string; assignment: SeatAssignment }[] = [
  { value: 'people', label: 'People (one or more players)', assignment: { mode: 'people' } },
  { value: 'team', label: 'A team with sub-roles', assignment: { mode: 'team' } },
  { value: 'bot-easy', label: 'Computer: easy', assignment: { mode: 'bot', level: 'easy' } },
  { value: 'bot-normal', label: 'Computer: normal', assignment: { mode: 'bot', level: 'normal' } },
  { value: 'bot-hard', label: 'Computer: hard', assignment: { mode: 'bot', level: 'hard' } },
];

export const choiceOf = (a: SeatAssignment | undefined): string => (!a ? 'people' : a.mode === 'bot' ? `bot-${a.level}` : a.mode);

/** A select of who plays `seat`; `assign` sends the choice to the room. */
export function seatSelect(seat: RoleId, name: string, current: SeatAssignment | undefined, assign: (seat: RoleId, a: SeatAssignment) => void, className = 'fac-lobby-assign'): HTMLSelectElement {
  return h(
    'select',
    {
      class: className,
      'data-assign': seat,
      'aria-label': `Who plays ${name}`,
      onchange: (e: Event) => {
        const picked = SEAT_CHOICES.find((c) => c.value === (e.target as HTMLSelectElement).value);
        if (picked) assign(seat, picked.assignment);
      },
    },
    SEAT_CHOICES.map((c) => h('option', { value: c.value, selected: c.value === choiceOf(current) }, c.label)),
  );
}
