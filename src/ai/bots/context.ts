import seedrandom from 'seedrandom';
import type { Action, GameView, Persona, PowerId, RoleId, ScenarioData } from '../../engine';
import { Model } from './model';

export type Level = 'easy' | 'normal' | 'hard';
export const LEVELS: readonly Level[] = ['easy', 'normal', 'hard'];

/** What a level changes in the same bot. */
export interface LevelParams {
  /** Spread of the error in the bot's appraisals, in points of score. */
  noise: number;
  /** Whether it projects effects to the end of the game (cables that come into service, the economy that follows) or sees only what signing does at once. */
  foresight: boolean;
  /** Offers (or requests) it makes in a round at most. */
  maxOffers: number;
  /** Whether it haggles: counter-offers with changed terms. */
  counters: boolean;
  /** How many variants of each deal's terms it weighs. */
  variants: 'few' | 'many';
  /** Sealed orders it gives in a round at most. */
  maxOrders: number;
}

export const LEVEL_PARAMS: Record<Level, LevelParams> = {
  easy: { noise: 1.2, foresight: false, maxOffers: 1, counters: false, variants: 'few', maxOrders: 1 },
  normal: { noise: 0, foresight: true, maxOffers: 3, counters: true, variants: 'many', maxOrders: 3 },
  hard: { noise: 0, foresight: true, maxOffers: 3, counters: true, variants: 'many', maxOrders: 3 },
};

export interface BotOptions {
  level: Level;
  /** The scenario, if the bot may know it: the hard bot samples events from its deck. Nothing secret is read from it. */
  scenario?: Pick<ScenarioData, 'deck'> | undefined;
  /** The hard bot's fixed search budget: rollouts per decision. */
  rollouts?: number | undefined;
}

export type Rand = () => number;

/** Everything one decision of one bot works from: its own view, its seat, its level, its seeded randomness. */
export class BotContext {
  private modelCache: Model | null = null;
  private randCache: Rand | null = null;
  readonly params: LevelParams;
  readonly round: number;

  constructor(
    readonly v: GameView,
    readonly role: RoleId,
    readonly level: Level,
    readonly seed: string,
    readonly pass: number,
    private readonly deck?: ScenarioData['deck'],
  ) {
    this.params = LEVEL_PARAMS[level];
    this.round = v.round;
  }

  /** The decision's seeded randomness, made when first drawn from (most decisions never draw). */
  get rand(): Rand {
    this.randCache ??= seedrandom(`${this.seed}|bot|${this.role}|${this.v.round}|${this.v.phase}|${this.pass}`);
    return this.randCache;
  }

  /** The bot's model of the game, built from its view when first needed. */
  get model(): Model {
    this.modelCache ??= new Model(this.v, `${this.seed}|model|${this.role}|${this.v.round}|${this.v.phase}`, this.deck);
    return this.modelCache;
  }

  /** Noise for easy bots: the same for the same question in the same decision. A key given as a function is worked out only when there is noise to draw. */
  noise(key: string | (() => string)): number {
    if (!this.params.noise) return 0;
    const r = seedrandom(`${this.seed}|noise|${this.role}|${this.v.round}|${this.v.phase}|${typeof key === 'string' ? key : key()}`);
    // Roughly normal: the mean of three uniforms, scaled.
    return (r() + r() + r() - 1.5) * 2 * this.params.noise;
  }

  persona(p: RoleId = this.role): Persona {
    return this.v.powers[p as PowerId]?.persona ?? 'balanced';
  }
}

export interface Decision {
  /** The actions chosen, in order. */
  actions: Action[];
  /** Alternatives the hard bot weighs: each a whole list of actions for this turn. */
  alternatives: Action[][];
}
