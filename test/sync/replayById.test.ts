// Issue 11, findings 1 to 3, against a server on PGlite (the same suite runs on PostgreSQL in
// test/server-pg/replayById.test.ts).
import { replayByIdSuite } from './replaySuite';

replayByIdSuite('PGlite', async () => ({ options: {} }));
