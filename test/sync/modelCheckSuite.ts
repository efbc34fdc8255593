// Issue 11, "What it must show": a model-checked random test. Three panes, several seeds, random actions
// (create, renumbering clashes, add/reduce/refine, Go Back, comments, log, cancel, evaluation) with
// random sync points, offline stretches, server restarts and lost answers. At the end:
// - convergence: every pane holds what the server holds;
// - the oracle: applying, one after another in the server's order, exactly the actions the server
//   reports as applied (each recorded with its clock and ids) to a fresh workspace gives the server's rows;
// - every action a user made is either in that list or shown to its user as failed, never both, never
//   neither.
// Written once and run on PGlite (test/sync) and on the real PostgreSQL (test/server-pg). The number of
// actions per seed is small in the fast suite; SEGMENTS_MODEL_ACTIONS and SEGMENTS_MODEL_SEEDS make a long run.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer, ServerOptions } from '../../src/server/app';
import { loadReplayCode, openWorkspace, replayAction } from '../../src/store/index';
import { pullAll } from '../server/fixtures';
import { seedMarket, testClock } from '../store/helpers';
import { openPane, startTestServer, type Pane } from './harness';

const TABLES = ['segments', 'segmentLines', 'criteriaActions', 'loggedSegments', 'interactionLog', 'contacts'] as const;

/** A small seeded PRNG (mulberry32): the same seed gives the same run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T | undefined => (xs.length ? xs[Math.floor(next() * xs.length)] : undefined),
  };
}

type Rng = ReturnType<typeof prng>;

interface Sim {
  pane: Pane;
  offline: boolean;
  loseNextAnswer: boolean;
  /** The changesets (txIds) of every action this pane's user made that the pane accepted. */
  made: string[];
}

const CITIES = ['Roma', 'Milano', 'Torino'];
const CONTACTS = ['C100', 'P101', 'P102', 'C200', 'P201', 'P300'];
const EVALUATIONS = ['Very Positive', 'Positive', 'Neutral', 'Negative', 'Very Negative'] as const;

/** One random action of the user of `sim`, chosen from what that pane sees; a refusal in the pane is no action. */
async function randomAction(sim: Sim, rng: Rng): Promise<void> {
  const ws = sim.pane.workspace;
  const segs = await ws.ctx.db.segments.toArray();
  const seg = rng.pick(segs);
  const kind = rng.int(12);
  const before = await ws.ctx.db.outbox.orderBy('seq').last();
  try {
    if (kind === 0 || !seg)
      await ws.segments.create({ description: `S${rng.int(1000)}`, interactionTemplateCode: 'ABSTRACT' });
    else if (kind === 1) await ws.segments.addLine(seg.no, rng.pick(CONTACTS)!);
    else if (kind === 2)
      await ws.segments.updateHeader(seg.no, { description: `D${rng.int(1000)}` }, { updateLines: false });
    else if (kind === 3) await ws.segments.addContacts(seg.no, { contact: { city: rng.pick(CITIES)! } });
    else if (kind === 4) await ws.segments.reduceContacts(seg.no, { contact: { city: rng.pick(CITIES)! } });
    else if (kind === 5) await ws.segments.refineContacts(seg.no, { contact: { city: rng.pick(CITIES)! } });
    else if (kind === 6) await ws.segments.goBack(seg.no);
    else if (kind === 7) {
      const line = rng.pick((await ws.segments.get(seg.no))?.lines ?? []);
      if (!line) return;
      await ws.segments.updateLine(seg.no, line.lineNo, { comment: `c${rng.int(1000)}` });
    } else if (kind === 8) await ws.segments.log(seg.no);
    else if (kind === 9) {
      const logged = rng.pick(await ws.ctx.db.loggedSegments.toArray());
      if (!logged) return;
      await ws.loggedSegments.setCanceled(logged.entryNo, rng.next() < 0.6);
    } else if (kind === 10) {
      const entry = rng.pick(await ws.ctx.db.interactionLog.toArray());
      if (!entry) return;
      await ws.interactionLog.setEvaluation(entry.entryNo, rng.pick(EVALUATIONS)!);
    } else {
      const entry = rng.pick(await ws.ctx.db.interactionLog.toArray());
      if (!entry) return;
      await ws.interactionLog.setCanceled(entry.entryNo, rng.next() < 0.6);
    }
  } catch (e) {
    // The pane refused it at once (nothing to log, nothing to go back to): the user saw it, nothing recorded.
    if ((await ws.ctx.db.outbox.orderBy('seq').last())?.seq !== before?.seq) throw e;
    return;
  }
  const after = await ws.ctx.db.outbox.orderBy('seq').last();
  if (after && after.seq !== before?.seq && !sim.made.includes(after.txId)) sim.made.push(after.txId);
}

/** The rows of a workspace's data tables, by table, sorted by id, for comparing. */
async function rowsOfPane(ws: Pane['workspace']) {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await ws.ctx.db.table(t).orderBy('id').toArray();
  return out;
}

function rowsOfServer(rows: { table: string; id: string; deleted?: boolean; value?: unknown }[]) {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES)
    out[t] = rows
      .filter((r) => r.table === t && !r.deleted)
      .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
      .map((r) => r.value);
  return out;
}

export function modelCheckSuite(
  label: string,
  storage: () => Promise<{ options: Partial<ServerOptions>; drop?: () => Promise<void> }>,
  opts: { seeds: number[]; actions: number },
): void {
  describe(`model-checked random sync (${label})`, () => {
    const drops: (() => Promise<void>)[] = [];
    beforeAll(async () => {
      await loadReplayCode();
    });
    afterAll(async () => {
      for (const d of drops) await d();
    });

    for (const seed of opts.seeds) {
      test(`seed ${seed}: ${opts.actions} random actions in three panes converge, the server's state is its applied actions replayed, and no action is lost without a word`, async () => {
        const rng = prng(seed);
        const store = await storage();
        if (store.drop) drops.push(store.drop);
        let server: RunningServer = await startTestServer(store.options);
        const port = server.port;
        const sims: Sim[] = [];
        const faulty =
          (sim: () => Sim): typeof fetch =>
          async (input, init) => {
            const s = sim();
            if (s.offline) throw new TypeError('fetch failed', { cause: { code: 'ENETUNREACH' } });
            const res = await fetch(input, init);
            if (s.loseNextAnswer && String(input).endsWith('/push')) {
              s.loseNextAnswer = false;
              await res.text();
              throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
            }
            return res;
          };
        try {
          for (let i = 0; i < 3; i++) {
            const sim: Sim = { offline: false, loseNextAnswer: false, made: [] } as unknown as Sim;
            sim.pane = await openPane(server.url, { fetch: faulty(() => sim) });
            sims.push(sim);
          }
          await seedMarket(sims[0].pane.workspace);
          // Each user has a profile (logging needs one); the profile is the pane's own, never synced.
          for (const s of sims) await s.pane.workspace.profile.update({ userId: s.pane.name, salespersonCode: 'JR' });
          for (const s of sims) await s.pane.sync.syncNow();
          for (const s of sims) await s.pane.sync.syncNow();
          let restarts = 0;
          let lost = 0;
          for (let step = 0; step < opts.actions; step++) {
            const sim = sims[rng.int(3)];
            const roll = rng.next();
            if (roll < 0.04) {
              sim.offline = !sim.offline;
            } else if (roll < 0.06) {
              // The server restarts on the same data.
              await server.close();
              server = await startTestServer({ ...store.options, port });
              restarts++;
            } else if (roll < 0.1) {
              sim.loseNextAnswer = true;
              lost++;
            } else if (roll < 0.3) {
              await sim.pane.sync.syncNow().catch(() => undefined);
            } else await randomAction(sim, rng);
          }
          // Everyone back online; sync until nothing is left anywhere.
          for (const s of sims) {
            s.offline = false;
            s.loseNextAnswer = false;
          }
          for (let round = 0; round < 4; round++) for (const s of sims) await s.pane.sync.syncNow();
          for (const s of sims) expect(s.pane.sync.getStatus().pending).toBe(0);

          // Convergence: every pane equals the server.
          const serverRows = rowsOfServer((await pullAll(server.url)).rows);
          for (const s of sims) expect(await rowsOfPane(s.pane.workspace)).toEqual(serverRows);

          // The oracle: the server's applied actions, in its order, replayed on a fresh workspace.
          const applied = await server.sql.query<{ id: string; rev: number | string; client_id: string; action: any }>(
            'select id, rev, client_id, action from sync_changesets order by rev',
          );
          expect(applied.every((c) => c.action && typeof c.action.name === 'string')).toBe(true);
          const clock = testClock();
          const fresh = await openWorkspace({
            name: `oracle-${seed}-${label}`,
            indexedDB: new IDBFactory(),
            IDBKeyRange,
            now: clock.now,
          });
          try {
            // Each action runs as its user did: with the profile of the pane that made it.
            const userOf = new Map<string, string>();
            for (const s of sims)
              userOf.set(String((await s.pane.workspace.ctx.db.syncState.get('clientId'))?.value), s.pane.name);
            let user = '';
            for (const c of applied) {
              const next = userOf.get(c.client_id) ?? '';
              if (next !== user)
                await fresh.profile.update({ userId: (user = next) || 'seeder', salespersonCode: 'JR' });
              await replayAction(fresh, c.action);
            }
            const oracle: Record<string, unknown[]> = {};
            for (const t of TABLES) oracle[t] = await fresh.ctx.db.table(t).orderBy('id').toArray();
            expect(oracle).toEqual(serverRows);
          } finally {
            await fresh.close();
          }

          // No third outcome: each action a user made is applied on the server or shown to that user as failed.
          const appliedIds = new Set(applied.map((c) => c.id));
          let failedCount = 0;
          for (const s of sims) {
            const failed = new Set(s.pane.sync.getStatus().failed.map((f) => f.id));
            failedCount += failed.size;
            for (const id of s.made)
              expect({ id, applied: appliedIds.has(id), failed: failed.has(id) }).toEqual({
                id,
                applied: appliedIds.has(id),
                failed: !appliedIds.has(id),
              });
          }
          const made = sims.reduce((n, s) => n + s.made.length, 0);
          // Actions the pane refused at once (nothing to log, no step to go back to) are not counted.
          expect(made).toBeGreaterThanOrEqual(opts.actions / 4);
          console.log(
            `model check ${label} seed ${seed}: ${made} actions made, ${applied.length} changesets applied, ${failedCount} shown as failed, ${restarts} restarts, ${lost} lost answers`,
          );
        } finally {
          for (const s of sims) await s.pane.close();
          await server.close();
        }
      }, 600_000);
    }
  });
}
