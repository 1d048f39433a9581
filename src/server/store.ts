import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';

/**
 * Where online games are kept: every game, every accepted action (with who in a team made it and
 * when), every seat token and every move held for a team's co-signature. One set of Kysely queries serves both the embedded PGlite database
 * (a data folder, the default) and PostgreSQL (`DATABASE_URL`).
 */
interface GamesTable {
  code: string;
  scenario_id: string;
  scenario_text: string;
  scenario_hash: string;
  seed: string;
  host_token: string;
  /** JSON: the host's settings (deadlines, bot level, lock). */
  settings: string;
  over: boolean;
  created_at: string;
}

interface ActionsTable {
  code: string;
  seq: number;
  /** JSON of the engine action, exactly as the MatchHost accepted it. */
  action: string;
  seat: string;
  /** Who in the seat's team sent it ('' for the server: a deadline or a bot). */
  person: string;
  /** 'person', 'deadline' or 'bot'. */
  source: string;
  at: string;
}

interface SeatsTable {
  token: string;
  code: string;
  seat: string;
  person: string;
  /** The member's sub-role in a team (src/engine/subroles.ts), or null. */
  sub_role: string | null;
  created_at: string;
}

/** Actions a facilitator's undo took out of the game: kept, branch by branch, for the debrief. */
interface BranchesTable extends ActionsTable {
  /** 1 for the first undo of the game, 2 for the next… */
  branch: number;
  /** The round the game went back to the start of. */
  round: number;
  made_at: string;
}

/**
 * A team member's move held for a teammate's co-signature (src/server/room.ts), kept so that a
 * restarted server still has it. Rows are closed, not deleted, so a game's hold ids never repeat.
 */
interface SignaturesTable {
  code: string;
  /** The room's id of the hold: what a member's `sign { id }` names. */
  id: number;
  seat: string;
  /** JSON of the move as the member made it (with `by`). */
  action: string;
  /** The sender's sub-role. */
  by: string;
  person: string;
  /** JSON: the sub-roles that still have to sign. */
  needs: string;
  /** JSON: the signatures given so far, `{ subRole, person, at }`. */
  signed: string;
  round: number;
  phase: string;
  /** 'waiting', then 'made', 'failed', 'declined', 'withdrawn' or 'dropped'. */
  status: string;
  /** Set at the last signature: the seq the signed move takes in lr_actions, if it gets stored. */
  applying_seq: number | null;
  created_at: string;
  updated_at: string;
}

interface Database {
  lr_games: GamesTable;
  lr_actions: ActionsTable;
  lr_seats: SeatsTable;
  lr_branches: BranchesTable;
  lr_signatures: SignaturesTable;
}

/** A held move as the room keeps it; `signed` carries when each signature was given. */
export interface StoredSignature {
  id: number;
  seat: string;
  action: unknown;
  by: string;
  person: string;
  needs: string[];
  signed: { subRole: string; person: string; at?: number | undefined }[];
  round: number;
  phase: string;
  /** Set when the last signature was given and the move was being made. */
  applyingSeq: number | null;
}

export type SignatureEnd = 'made' | 'failed' | 'declined' | 'withdrawn' | 'dropped';

/** An abandoned branch: what was played after the round the facilitator took the game back to. */
export interface AbandonedBranch {
  branch: number;
  round: number;
  at: number;
  actions: StoredAction[];
}

export interface StoredGame {
  code: string;
  scenarioId: string;
  scenarioText: string;
  scenarioHash: string;
  seed: string;
  hostToken: string;
  settings: Record<string, unknown>;
  over: boolean;
}

export interface StoredAction {
  seq: number;
  action: unknown;
  seat: string;
  person: string;
  source: 'person' | 'deadline' | 'bot' | 'facilitator';
  at: number;
}

export interface SeatToken {
  token: string;
  code: string;
  seat: string;
  person: string;
  /** The member's sub-role in a team, if it chose one. */
  subRole?: string | null | undefined;
}

/** The most actions one group-commit insert writes. */
const MAX_BATCH = 500;

export class GameStore {
  private constructor(
    private readonly db: Kysely<Database>,
    /** 'pglite' or 'postgres', for logs and the tests. */
    readonly kind: 'pglite' | 'postgres',
    private readonly closeDriver: () => Promise<void>,
  ) {}

  /** PostgreSQL when a URL is given, else PGlite in `dataDir` (created if missing). */
  static async open(opts: { databaseUrl?: string | undefined; dataDir?: string | undefined }): Promise<GameStore> {
    let store: GameStore;
    if (opts.databaseUrl) {
      const pg = await import('pg');
      const pool = new pg.default.Pool({ connectionString: opts.databaseUrl, max: 5 });
      const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
      store = new GameStore(db, 'postgres', async () => {});
    } else {
      const dir = opts.dataDir ?? './data';
      mkdirSync(dir, { recursive: true });
      const { PGlite } = await import('@electric-sql/pglite');
      const { KyselyPGlite } = await import('kysely-pglite');
      const client = await PGlite.create(dir);
      const db = new Kysely<Database>({ dialect: new KyselyPGlite(client).dialect });
      store = new GameStore(db, 'pglite', async () => {
        if (!client.closed) await client.close();
      });
    }
    await store.migrate();
    return store;
  }

  private async migrate(): Promise<void> {
    await this.db.schema
      .createTable('lr_games')
      .ifNotExists()
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('scenario_id', 'text', (c) => c.notNull())
      .addColumn('scenario_text', 'text', (c) => c.notNull())
      .addColumn('scenario_hash', 'text', (c) => c.notNull())
      .addColumn('seed', 'text', (c) => c.notNull())
      .addColumn('host_token', 'text', (c) => c.notNull())
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('over', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await this.db.schema
      .createTable('lr_actions')
      .ifNotExists()
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('seat', 'text', (c) => c.notNull())
      .addColumn('person', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('lr_actions_pk', ['code', 'seq'])
      .execute();
    await this.db.schema
      .createTable('lr_seats')
      .ifNotExists()
      .addColumn('token', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('seat', 'text', (c) => c.notNull())
      .addColumn('person', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    // Added with sub-roles: a database made before them gains the column, empty.
    try {
      await sql`ALTER TABLE lr_seats ADD COLUMN IF NOT EXISTS sub_role text`.execute(this.db);
    } catch {
      // Another process added it at the same moment.
    }
    await this.db.schema
      .createTable('lr_branches')
      .ifNotExists()
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('branch', 'integer', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('seat', 'text', (c) => c.notNull())
      .addColumn('person', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('made_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('lr_branches_pk', ['code', 'branch', 'seq'])
      .execute();
    await this.db.schema
      .createTable('lr_signatures')
      .ifNotExists()
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('id', 'integer', (c) => c.notNull())
      .addColumn('seat', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('person', 'text', (c) => c.notNull())
      .addColumn('needs', 'text', (c) => c.notNull())
      .addColumn('signed', 'text', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('phase', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('applying_seq', 'integer')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('lr_signatures_pk', ['code', 'id'])
      .execute();
  }

  async createGame(g: StoredGame): Promise<void> {
    await this.db
      .insertInto('lr_games')
      .values({
        code: g.code,
        scenario_id: g.scenarioId,
        scenario_text: g.scenarioText,
        scenario_hash: g.scenarioHash,
        seed: g.seed,
        host_token: g.hostToken,
        settings: JSON.stringify(g.settings),
        over: g.over,
        created_at: String(Date.now()),
      })
      .execute();
  }

  async codeTaken(code: string): Promise<boolean> {
    const row = await this.db.selectFrom('lr_games').select('code').where('code', '=', code).executeTakeFirst();
    return row !== undefined;
  }

  async game(code: string): Promise<StoredGame | undefined> {
    const r = await this.db.selectFrom('lr_games').selectAll().where('code', '=', code).executeTakeFirst();
    return r && toGame(r);
  }

  /** Games not yet over: the rooms to reopen after a restart. */
  async unfinished(): Promise<StoredGame[]> {
    const rows = await this.db.selectFrom('lr_games').selectAll().where('over', '=', false).orderBy('created_at').execute();
    return rows.map(toGame);
  }

  async setSettings(code: string, settings: Record<string, unknown>): Promise<void> {
    await this.db.updateTable('lr_games').set({ settings: JSON.stringify(settings) }).where('code', '=', code).execute();
  }

  async finish(code: string): Promise<void> {
    await this.db.updateTable('lr_games').set({ over: true }).where('code', '=', code).execute();
  }

  /**
   * Resolves once the action is durably stored (its commit is done). Group commit: the actions that
   * arrive in one turn of the event loop, or while an insert is being written (from all the rooms of
   * this process), go in one insert together, one statement and one commit for them all. A batch that fails is written again
   * one row at a time, so one bad row refuses only its own action.
   */
  append(code: string, a: StoredAction): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row: { code, seq: a.seq, action: JSON.stringify(a.action), seat: a.seat, person: a.person, source: a.source, at: String(a.at) }, resolve, reject });
      // The insert waits for the end of this turn of the event loop, so that every action read in it joins.
      this.flushing ??= new Promise<void>((r) => setImmediate(r)).then(() => this.flush());
    });
  }

  private pending: { row: ActionsTable; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;
  /** Rows written by each insert so far (batch sizes), for the load test's report. */
  readonly batches = { inserts: 0, rows: 0 };

  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, MAX_BATCH);
        try {
          await this.db.insertInto('lr_actions').values(batch.map((b) => b.row)).execute();
          this.batches.inserts++;
          this.batches.rows += batch.length;
          for (const b of batch) b.resolve();
        } catch (e) {
          if (batch.length === 1) batch[0]!.reject(e);
          else
            for (const b of batch) {
              try {
                await this.db.insertInto('lr_actions').values(b.row).execute();
                b.resolve();
              } catch (e1) {
                b.reject(e1);
              }
            }
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  async actions(code: string): Promise<StoredAction[]> {
    const rows = await this.db.selectFrom('lr_actions').selectAll().where('code', '=', code).orderBy('seq').execute();
    return rows.map((r) => ({ seq: r.seq, action: JSON.parse(r.action) as unknown, seat: r.seat, person: r.person, source: r.source as StoredAction['source'], at: Number(r.at) }));
  }

  /**
   * Take the game back to its first `keep` actions (the start of `round`): the actions after them
   * move, in one transaction, to a new abandoned branch, kept for the debrief.
   */
  async branchFrom(code: string, keep: number, round: number): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom('lr_branches').select((eb) => eb.fn.max('branch').as('top')).where('code', '=', code).executeTakeFirst();
      const branch = Number(last?.top ?? 0) + 1;
      const rows = await trx.selectFrom('lr_actions').selectAll().where('code', '=', code).where('seq', '>', keep).orderBy('seq').execute();
      const madeAt = String(Date.now());
      if (rows.length) await trx.insertInto('lr_branches').values(rows.map((r) => ({ ...r, branch, round, made_at: madeAt }))).execute();
      await trx.deleteFrom('lr_actions').where('code', '=', code).where('seq', '>', keep).execute();
      return branch;
    });
  }

  async branches(code: string): Promise<AbandonedBranch[]> {
    const rows = await this.db.selectFrom('lr_branches').selectAll().where('code', '=', code).orderBy('branch').orderBy('seq').execute();
    const out: AbandonedBranch[] = [];
    for (const r of rows) {
      let b = out.at(-1);
      if (!b || b.branch !== r.branch) out.push((b = { branch: r.branch, round: r.round, at: Number(r.made_at), actions: [] }));
      b.actions.push({ seq: r.seq, action: JSON.parse(r.action) as unknown, seat: r.seat, person: r.person, source: r.source as StoredAction['source'], at: Number(r.at) });
    }
    return out;
  }

  async addSeat(t: SeatToken): Promise<void> {
    await this.db.insertInto('lr_seats').values({ token: t.token, code: t.code, seat: t.seat, person: t.person, sub_role: t.subRole ?? null, created_at: String(Date.now()) }).execute();
  }

  async seat(token: string): Promise<SeatToken | undefined> {
    const r = await this.db.selectFrom('lr_seats').select(['token', 'code', 'seat', 'person', 'sub_role']).where('token', '=', token).executeTakeFirst();
    return r ? { token: r.token, code: r.code, seat: r.seat, person: r.person, subRole: r.sub_role } : undefined;
  }

  async moveSeat(token: string, seat: string): Promise<void> {
    await this.db.updateTable('lr_seats').set({ seat }).where('token', '=', token).execute();
  }

  async releaseSeat(code: string, seat: string): Promise<void> {
    await this.db.deleteFrom('lr_seats').where('code', '=', code).where('seat', '=', seat).execute();
  }

  /** A move held for a co-signature: stored before the team is told it waits. */
  async holdSignature(code: string, p: StoredSignature): Promise<void> {
    const now = String(Date.now());
    await this.db
      .insertInto('lr_signatures')
      .values({
        code,
        id: p.id,
        seat: p.seat,
        action: JSON.stringify(p.action),
        by: p.by,
        person: p.person,
        needs: JSON.stringify(p.needs),
        signed: JSON.stringify(p.signed),
        round: p.round,
        phase: p.phase,
        status: 'waiting',
        applying_seq: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  /** A signature given (who still has to sign, who has), or the last one given: the move about to be made as action `applyingSeq`. */
  async updateSignature(code: string, id: number, change: { needs: string[]; signed: StoredSignature['signed'] } | { applyingSeq: number | null }): Promise<void> {
    const set = 'applyingSeq' in change ? { applying_seq: change.applyingSeq } : { needs: JSON.stringify(change.needs), signed: JSON.stringify(change.signed) };
    await this.db
      .updateTable('lr_signatures')
      .set({ ...set, updated_at: String(Date.now()) })
      .where('code', '=', code)
      .where('id', '=', id)
      .execute();
  }

  /** Holds that wait no longer, and why. */
  async endSignatures(code: string, ids: number[], status: SignatureEnd): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('lr_signatures')
      .set({ status, updated_at: String(Date.now()) })
      .where('code', '=', code)
      .where('id', 'in', ids)
      .execute();
  }

  /** The game's moves still waiting for a signature, and the highest hold id it has used (0 for none). */
  async signatures(code: string): Promise<{ waiting: StoredSignature[]; lastId: number }> {
    const top = await this.db.selectFrom('lr_signatures').select((eb) => eb.fn.max('id').as('top')).where('code', '=', code).executeTakeFirst();
    const rows = await this.db.selectFrom('lr_signatures').selectAll().where('code', '=', code).where('status', '=', 'waiting').orderBy('id').execute();
    return {
      lastId: Number(top?.top ?? 0),
      waiting: rows.map((r) => ({
        id: r.id,
        seat: r.seat,
        action: JSON.parse(r.action) as unknown,
        by: r.by,
        person: r.person,
        needs: JSON.parse(r.needs) as string[],
        signed: JSON.parse(r.signed) as StoredSignature['signed'],
        round: r.round,
        phase: r.phase,
        applyingSeq: r.applying_seq,
      })),
    };
  }

  /** A quick round trip, for health checks and tests. */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.db.destroy();
    await this.closeDriver();
  }
}

function toGame(r: GamesTable): StoredGame {
  return {
    code: r.code,
    scenarioId: r.scenario_id,
    scenarioText: r.scenario_text,
    scenarioHash: r.scenario_hash,
    seed: r.seed,
    hostToken: r.host_token,
    settings: JSON.parse(r.settings) as Record<string, unknown>,
    over: r.over,
  };
}
