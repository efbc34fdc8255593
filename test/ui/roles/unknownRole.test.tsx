// @vitest-environment jsdom
// A pane whose server needs personal keys (a shared workspace) and that does not know its user's role yet
// (no key entered, a key refused, the server not answered since the pane opened) offers a member's rights,
// never an administrator's: a member is not led to do work the server refuses afterwards. An administrator
// sees the administrator's actions as soon as the role is known. Without a server, or on a server without
// users (one person, no keys), everything stays offered.
import 'fake-indexeddb/auto';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { SyncState } from '../../../src/domain/ports/syncStatus';
import type { TeamService, TeamUser } from '../../../src/domain/ports/team';
import { rightsOf } from '../../../src/ui/common/useRole';
import { LoggedSegmentsPage } from '../../../src/ui/log/LoggedSegmentsPage';
import { SetupPage } from '../../../src/ui/setup/SetupPage';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { fakeSync } from '../fakeSync';
import { fakeTeam, renderWithWorkspace } from '../log/renderWithTeam';
import '../setup';

describe('rightsOf', () => {
  const anyRight = (r: ReturnType<typeof rightsOf>) => [
    r.setup,
    r.deleteLogged,
    r.changeCodes,
    r.changeRow({ userId: 'ANNA' }),
  ];
  test('a role not known on a server that needs keys: a member’s rights', () => {
    expect(anyRight(rightsOf({ known: false }, true))).toEqual([false, false, false, false]);
    // A server that had no users and now needs keys: no longer everything.
    expect(anyRight(rightsOf({ known: true }, true))).toEqual([false, false, false, false]);
  });
  test('the role, once known (or remembered), decides', () => {
    expect(anyRight(rightsOf({ known: false, user: 'CARLA', role: 'admin' }, true))).toEqual([true, true, true, true]);
    expect(anyRight(rightsOf({ known: true, user: 'ANNA', role: 'member' }, true))).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });
  test('no keys (one person): everything', () => {
    expect(anyRight(rightsOf({ known: false }))).toEqual([true, true, true, true]);
    expect(anyRight(rightsOf({ known: true }, false))).toEqual([true, true, true, true]);
  });
});

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
/** Logged segment 1 is ANNA's, 2 is BOB's; 2 is canceled. */
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  for (const userId of ['ANNA', 'BOB']) {
    await ws.profile.update({ userId, salespersonCode: 'JR' });
    const no = (await ws.segments.create({ description: `Letter of ${userId}`, interactionTemplateCode: 'ABSTRACT' }))
      .no;
    await ws.segments.addContacts(no, { contact: { city: 'Roma' } });
    await ws.segments.log(no);
  }
  await ws.loggedSegments.setCanceled(2, true);
});
afterEach(() => {
  cleanup();
  ws.close();
});

/** A team service whose answer the test changes (the server answering later). */
function liveTeam(initial: TeamUser) {
  let user = initial;
  const listeners = new Set<() => void>();
  const team: TeamService = {
    subscribe: (l) => (listeners.add(l), () => void listeners.delete(l)),
    getUser: () => user,
    rowHistory: async () => [],
  };
  return {
    team,
    answer(next: TeamUser) {
      user = next;
      for (const l of listeners) l();
    },
  };
}

const withKey = (connection: SyncState['connection']) => {
  const s = fakeSync({ connection });
  s.service.saveKey('a-key');
  return s.service;
};

const cases: { name: string; connection: SyncState['connection']; key: boolean; admin: boolean }[] = [
  { name: 'no key entered yet', connection: 'noKey', key: false, admin: false },
  { name: 'a key the server refuses', connection: 'refused', key: true, admin: false },
  { name: 'a key, the server not answered yet (offline)', connection: 'offline', key: true, admin: false },
  { name: 'a key, connected, the role not answered yet', connection: 'connected', key: true, admin: false },
  { name: 'no key, no answer yet (perhaps a server without users)', connection: 'starting', key: false, admin: true },
];

describe.each(cases)('role not known, $name', ({ connection, key, admin }) => {
  const sync = () => (key ? withKey(connection) : fakeSync({ connection }).service);

  test('Logged Segments: Delete Canceled Segments and another user’s Canceled only as the rights allow', async () => {
    renderWithWorkspace(
      <LoggedSegmentsPage navigate={() => undefined} />,
      ws,
      fakeTeam({ known: false }),
      'en',
      sync(),
    );
    const others = await screen.findByRole('checkbox', { name: 'Canceled: logged segment 2' });
    expect((others as HTMLInputElement).disabled).toBe(!admin);
    expect(screen.queryByRole('button', { name: 'Delete Canceled Segments' }) !== null).toBe(admin);
  });

  test('Setup: editable only as the rights allow', async () => {
    renderWithWorkspace(<SetupPage />, ws, fakeTeam({ known: false }), 'it', sync());
    const field = await screen.findByDisplayValue('en-US');
    expect(field.matches(':disabled')).toBe(!admin);
    expect(screen.queryByTestId('setup-admin-only') !== null).toBe(!admin);
  });
});

test('a remembered administrator keeps the administrator’s actions while the key is refused', async () => {
  renderWithWorkspace(
    <LoggedSegmentsPage navigate={() => undefined} />,
    ws,
    fakeTeam({ known: false, user: 'CARLA', role: 'admin' }),
    'en',
    withKey('refused'),
  );
  expect(await screen.findByRole('button', { name: 'Delete Canceled Segments' })).toBeTruthy();
});

test('an administrator whose role was not known sees the administrator’s actions as soon as it is', async () => {
  const live = liveTeam({ known: false });
  renderWithWorkspace(<SetupPage />, ws, live.team, 'en', withKey('connected'));
  const field = await screen.findByDisplayValue('en-US');
  expect(field.matches(':disabled')).toBe(true);
  act(() => live.answer({ known: true, user: 'CARLA', role: 'admin' }));
  await waitFor(() => expect(screen.getByDisplayValue('en-US').matches(':disabled')).toBe(false));
  expect(screen.queryByTestId('setup-admin-only')).toBeNull();
});

test('a server without users that now needs keys: a member’s rights until the role is known', async () => {
  const s = fakeSync({ connection: 'connected' });
  renderWithWorkspace(<SetupPage />, ws, fakeTeam({ known: true }), 'en', s.service);
  const field = await screen.findByDisplayValue('en-US');
  expect(field.matches(':disabled')).toBe(false);
  act(() => s.set({ connection: 'noKey' }));
  await waitFor(() => expect(screen.getByDisplayValue('en-US').matches(':disabled')).toBe(true));
});

test('a role not known: a greyed Canceled box says it waits for the server to recognise the key, not whose it is', async () => {
  renderWithWorkspace(
    <LoggedSegmentsPage navigate={() => undefined} />,
    ws,
    fakeTeam({ known: false }),
    'it',
    fakeSync({ connection: 'noKey' }).service,
  );
  const own = await screen.findByRole('checkbox', { name: 'Annullato: segmento registrato 1' });
  expect(own.getAttribute('title')).toBe(
    'Il segmento registrato 1 si potrà modificare quando il server avrà riconosciuto la chiave personale (vedi Setup).',
  );
});
