import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerBalances } from '../../src/engine';
import { MatchHost } from '../../src/host/match';
import { loadScenario, playedGame } from '../helpers';

const run = (script: string, args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], { encoding: 'utf8', cwd: process.cwd() });

/** A CSV file as rows of named cells (quotes and commas inside cells as RFC 4180 writes them). */
export function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries((header ?? []).map((k, i) => [k, r[i] ?? ''])));
}

let host: MatchHost;
let dir: string;
let files: { rounds: Record<string, string>[]; deals: Record<string, string>[]; events: Record<string, string>[]; html: string };

beforeAll(() => {
  host = playedGame('3', undefined, 'honiara');
  dir = mkdtempSync(join(tmpdir(), 'lr-export-'));
  writeFileSync(join(dir, 'game.json'), JSON.stringify(host.record));
  const out = run('export', [join(dir, 'game.json'), '--out', join(dir, 'out')]);
  expect(out.stderr).toBe('');
  expect(out.status).toBe(0);
  const read = (f: string) => readFileSync(join(dir, 'out', f), 'utf8');
  files = { rounds: readCsv(read('rounds.csv')), deals: readCsv(read('deals.csv')), events: readCsv(read('events.csv')), html: read('debrief.html') };
});

describe('npm run export', () => {
  it('rounds.csv has one row for every round (0 = the start) and every role, ending at the final scores and the ledger balances', () => {
    const g = host.state;
    expect(files.rounds).toHaveLength((g.scenario.rounds + 1) * g.seats.length);
    for (let r = 0; r <= g.scenario.rounds; r++) for (const role of g.seats) expect(files.rounds.filter((x) => x.round === String(r) && x.role === role)).toHaveLength(1);
    const balances = ledgerBalances(g);
    for (const role of g.seats) {
      const last = files.rounds.find((x) => x.round === String(g.scenario.rounds) && x.role === role);
      expect(Number(last?.score)).toBe(g.scores[role]?.total);
      expect(Number(last?.treasury)).toBe(balances[role]);
      for (const [k, v] of Object.entries(g.scores[role]?.parts ?? {})) expect(Number(last?.[k])).toBe(v);
    }
    // Each round's money is the ledger's as the next round opens: play the record again and add the ledger up at each new round.
    const { scenario, hash } = loadScenario('honiara');
    const again = new MatchHost(scenario, hash, host.record.seed);
    let checked = 0;
    for (const a of host.record.actions) {
      const before = again.state.round;
      again.submit(a);
      if (again.state.round === before) continue;
      const balances = ledgerBalances(again.state);
      for (const role of g.seats) expect(Number(files.rounds.find((x) => x.round === String(before) && x.role === role)?.treasury)).toBe(balances[role]);
      checked++;
    }
    expect(checked).toBe(g.scenario.rounds - 1);
    const slb = files.rounds.find((x) => x.round === '0' && x.role === 'SLB');
    expect(Number(slb?.connectivity)).toBeGreaterThan(0);
    expect(slb?.alignment_beijing).not.toBe('');
  });

  it('deals.csv lists every signing, with the money paid under each agreement matching the ledger', () => {
    const g = host.state;
    expect(g.agreements.length).toBeGreaterThan(0);
    expect(files.deals.map((d) => d.agreement).sort()).toEqual(g.agreements.map((a) => a.id).sort());
    // Agreements in force from the start (the Huawei Marine contract in Coral Sea) are listed too, with no offer of the game behind them.
    const signedOffers = [...g.offers.filter((o) => g.agreements.some((a) => a.offer === o.id)).map((o) => o.id), ...g.agreements.filter((a) => a.offer === 'standing').map((a) => a.offer)];
    expect(files.deals.map((d) => d.offer).sort()).toEqual(signedOffers.sort());
    let total = 0;
    for (const d of files.deals) {
      const fromLedger = g.ledger.filter((e) => e.ref === d.agreement).reduce((s, e) => s + e.amount, 0);
      expect(Number(d.paid)).toBe(fromLedger);
      total += Number(d.paid);
    }
    const ids = new Set(g.agreements.map((a) => a.id));
    expect(total).toBe(g.ledger.filter((e) => e.ref !== null && ids.has(e.ref)).reduce((s, e) => s + e.amount, 0));
    expect(total).toBeGreaterThan(0);
  });

  it('events.csv lists every event of the game, scripted and drawn', () => {
    const g = host.state;
    expect(files.events.map((e) => [e.event, e.round, e.kind, e.title])).toEqual(g.events.map((e) => [e.id, String(e.round), e.kind, e.title]));
    expect(files.events.some((e) => e.scripted === 'true')).toBe(true);
  });

  it('debrief.html is a printable page with the final scores, the charts, what really happened and the five prompts', () => {
    const g = host.state;
    expect(files.html).toContain('<svg');
    expect(files.html).toContain('@media print');
    for (const role of g.seats) expect(files.html).toContain(`Final score <strong>${g.scores[role]?.total}</strong>`);
    expect(files.html).toContain('What really happened');
    expect(files.html).toContain('The real security agreement was kept secret until a draft leaked.');
    expect((files.html.match(/<ol class="prompts">/g) ?? []).length).toBe(1 + g.seats.length);
  });

  it('refuses a changed record with a message, and a missing --out with the usage', () => {
    const rec = JSON.parse(JSON.stringify(host.record)) as { actions: unknown[] };
    rec.actions = rec.actions.slice(0, -3);
    writeFileSync(join(dir, 'cut.json'), JSON.stringify(rec));
    const cut = run('export', [join(dir, 'cut.json'), '--out', join(dir, 'cut')]);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toMatch(/does not reach the same game|action details do not match its actions/);
    expect(cut.stderr).not.toMatch(/at .*\.ts:\d+/);
    const usage = run('export', [join(dir, 'game.json')]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run export');
  });
});
