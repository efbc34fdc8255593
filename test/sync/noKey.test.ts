// A server that needs personal keys, and a pane that has none: the pane asks for the key (not "refused",
// which is for a key sent and refused), and syncs as its user once the key is entered.
import { expect, test } from 'vitest';
import { makeUsers } from '../../src/server/users';
import { openPane, startTestServer, waitFor } from './harness';

test('without a key the pane asks for one; a wrong key is refused; the right key connects', async () => {
  const server = await startTestServer({ users: makeUsers([{ user: 'anna', key: 'anna-key-0123456789' }]) });
  const pane = await openPane(server.url, { loop: true });
  try {
    await pane.workspace.salespeople.upsert([{ code: 'JR', name: 'John' }]);
    await waitFor(pane, (s) => s.connection === 'noKey' && s.pending === 1, 'the pane to ask for a key');
    expect(pane.sync.getStatus().lastError).toMatch(/401 a personal key is required/);
    pane.sync.setKey('wrong-key-0123456789');
    await waitFor(pane, (s) => s.connection === 'refused', 'the wrong key refused');
    pane.sync.setKey('anna-key-0123456789');
    await waitFor(pane, (s) => s.connection === 'connected' && s.pending === 0, 'the pane connected with its key');
    expect(pane.sync.getStatus().failed).toEqual([]);
  } finally {
    await pane.close();
    await server.close();
  }
}, 60_000);
