// What applying a large changeset in parts costs the server per MB (issue 11, finding 7), written once and
// run against PGlite (test/server) and a real PostgreSQL (test/server-pg). A timing test: its files are
// named *.alone.test.ts and run in the system suites, one file at a time, never beside another test file,
// and with the garbage collector on the main thread (see vitest.system.config.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/app';
import { packChangesets } from '../../src/sync/packing';
import { httpsOptions } from '../../scripts/certs.mjs';
import { changeset, letterOf, logEntry, loggedSegment, newId, push, put } from './fixtures';
import type { Storage } from './serverSuite';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

/**
 * `databaseCpuMs`, for a database in processes of its own (PostgreSQL): the CPU time (ms) they have used so
 * far, counted with this process's own as the cost of applying.
 */
export function partsCostSuite(
  label: string,
  newStorage: () => Promise<Storage>,
  databaseCpuMs: () => number = () => 0,
): void {
  describe(`a changeset in parts costs the same per MB (${label})`, () => {
    let storage: Storage;
    let server: RunningServer;
    beforeAll(async () => {
      const o = await httpsOptions();
      storage = await newStorage();
      server = await startServer({ ...storage.options, tls: { cert: o.cert, key: o.key } });
    });
    afterAll(async () => {
      await server?.close();
      await storage?.drop();
    });

    test('a 50 MB changeset in parts: applying it costs the same per MB at 10, 25 and 50 MB (goal 1.2x, fails above 1.3x)', async () => {
      let n = 0;
      const entry = (logged: ReturnType<typeof loggedSegment>, i: number, letter: string) =>
        put('interactionLog', logEntry(newId(), n * 1000 + i, logged, `C${i}`, letter));
      // How many 500 KB entries a full part holds. The last part to arrive is applied as it comes, never
      // stored and read back, so each upload holds whole parts and one entry more: every size stores all
      // but its last 0.5 MB. (Ten MB as 20 entries in parts of 8 stored 80% of its bytes, 25 and 50 MB
      // 96% of theirs: a head start for 10 MB, since storing and reading back the parts is much of the
      // work, and on PostgreSQL most of this process's; 25 and 50 MB measured 1.28-1.42x in a full run.)
      const probe = loggedSegment(newId(), 1, 'P');
      const probeLetter = letterOf(500_000, 0);
      const perPart = packChangesets(
        [{ id: newId('CS'), changes: Array.from({ length: 40 }, (_, i) => entry(probe, i, probeLetter)) }],
        4 * 1024 * 1024,
      )[0][0].changes.length;
      const upload = async (mb: number) => {
        const logged = loggedSegment(newId(), 1000 + ++n, `N${process.pid % 1000}-${n}`);
        await push(server.url, [changeset([put('loggedSegments', logged)])]);
        const letter = letterOf(500_000, n);
        const count = Math.max(2, Math.round((mb * 2 - 1) / perPart)) * perPart + 1;
        const changes = Array.from({ length: count }, (_, i) => entry(logged, i, letter));
        const bodies = packChangesets([{ id: newId('CS'), changes }], 4 * 1024 * 1024);
        expect(bodies.at(-1)![0].changes).toHaveLength(1);
        // CPU time of this process (the server and, on PGlite, its database run in it) and of the
        // database's own processes (PostgreSQL), not the wall clock: other work on a loaded machine does
        // not count against the figure.
        const t0 = process.cpuUsage();
        const db0 = databaseCpuMs();
        let last: any;
        for (const body of bodies) last = (await push(server.url, body)).body.results[0];
        const used = process.cpuUsage(t0);
        const db = databaseCpuMs() - db0;
        expect(last.status).toBe('applied');
        return { ms: (used.user + used.system) / 1000 + db, mb: count / 2 };
      };
      // Every sample is about 50 MB of uploads (five of 10 MB, two of 25, one of 50), so that each size's
      // figure is measured on the same amount of work and is as steady as the others; each sample taken
      // in rounds, every size once per round, and the best of the rounds kept: a figure of the work, not
      // of what else the machine does. Three rounds, and up to eight while a size is over the goal. A cost
      // that grows with the parts is over the goal in every round, so the extra rounds cannot hide it.
      // Why alone and with the collector on the main thread: beside other test files (two at once on a
      // 2-core machine), or beside a process that streams through memory, 25 and 50 MB measured
      // 1.18-1.30x against 1.01x alone. The larger sizes pass over more memory than the caches hold, and
      // the collector's helper threads, waiting for a core, add CPU time that grows with the heap.
      const sizes = [10, 25, 50];
      const sample = async (mb: number) => {
        let ms = 0;
        let done = 0;
        for (let i = 0; i < 50 / mb; i++) {
          const u = await upload(mb);
          ms += u.ms;
          done += u.mb;
        }
        return ms / done;
      };
      const perMb = new Map<number, number>();
      const overGoal = () => sizes.some((mb) => perMb.get(mb)! > perMb.get(10)! * 1.2);
      for (let round = 0; round < 8 && (round < 3 || overGoal()); round++)
        for (const mb of sizes) perMb.set(mb, Math.min(perMb.get(mb) ?? Infinity, await sample(mb)));
      // The goal: 25 and 50 MB cost at most 1.2x per MB what 10 MB costs, printed below; measured alone
      // on a quiet machine 1.05-1.09x (PGlite) and 1.14x (PostgreSQL). The test fails above 1.3x: a full
      // run on the 2-core CI machine measured the same code at up to 1.28x (PGlite) and 1.42x
      // (PostgreSQL, when only this process's time counted), while storing each part with a read of the
      // parts stored before (the square of the parts) measured 1.66x at 50 MB (1.27x at 25).
      // test/server/pushCost.test.ts counts the reads themselves: each stored part is read once.
      console.log(
        `per MB: ${sizes.map((mb) => `${mb} MB ${(perMb.get(mb)! / perMb.get(10)!).toFixed(3)}x`).join(', ')} (parts of ${perPart} entries of 0.5 MB)`,
      );
      expect(perMb.get(50)!).toBeLessThanOrEqual(perMb.get(10)! * 1.3);
      expect(perMb.get(25)!).toBeLessThanOrEqual(perMb.get(10)! * 1.3);
    }, 600_000);
  });
}
