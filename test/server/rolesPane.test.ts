// A member's pane against a server with roles: a change the role may not make (Setup) comes back as a
// failed action with the rule, set aside so that the pane's other changes still go; an admin's goes through.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { makeUsers } from '../../src/server/users';
import { openPane, settle, startTestServer, waitFor, type Pane } from '../sync/harness';

let server: RunningServer;
const open: Pane[] = [];
beforeAll(async () => {
  server = await startTestServer({
    host: '127.0.0.1',
    users: makeUsers([
      { user: 'anna', role: 'admin', key: 'anna-key-0123456789abcdef' },
      { user: 'marco', role: 'member', key: 'marco-key-0123456789abcdef' },
    ]),
  });
});
afterAll(async () => {
  await Promise.all(open.map((p) => p.close()));
  await server?.close();
});

test("a member's Setup change is a failed action with the rule; the segment made after it still reaches the server; an admin's Setup change goes through", async () => {
  const marco = await openPane(server.url, { key: 'marco-key-0123456789abcdef' });
  const anna = await openPane(server.url, { key: 'anna-key-0123456789abcdef' });
  open.push(marco, anna);
  await settle(marco, anna);
  await marco.workspace.setup.update({ segmentNos: 'MB0001' });
  const s = await marco.workspace.segments.create({ description: 'after the refused change' });
  await settle(marco);
  await waitFor(marco, (st) => st.failed.length === 1 && st.pending === 0, 'the refused change set aside');
  const [failed] = marco.sync.getStatus().failed;
  expect(failed).toMatchObject({
    name: 'setup.update',
    message: expect.stringMatching(/forbidden: only an administrator may change Setup \(marco is a member\)/),
  });
  await settle(anna);
  expect((await anna.workspace.ctx.db.segments.get(s.id))?.description).toBe('after the refused change');
  expect((await anna.workspace.setup.get()).segmentNos).not.toBe('MB0001');

  await anna.workspace.setup.update({ segmentNos: 'AD0001' });
  await settle(anna, marco);
  expect(anna.sync.getStatus().failed).toEqual([]);
  expect((await marco.workspace.setup.get()).segmentNos).toBe('AD0001');
});
