// @vitest-environment jsdom
// The pane hides what the user's role cannot do on the team server (the server refuses it anyway): each
// action × no team server / no users / member / administrator, on Logged Segments, Interaction Log
// Entries, Setup and a code list. A member keeps what is theirs (cancel their own logged segments and
// entries). The team service is the host boundary here: a fake answering the role, over a real workspace.
// Dexie's liveQuery (behind the pages' useLiveQuery) needs a global indexedDB in jsdom, before Dexie loads.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ReactElement } from 'react';
import type { TeamService } from '../../../src/domain/ports/team';
import { CodeListPage } from '../../../src/ui/lists/CodeListPage';
import { InteractionLogPage } from '../../../src/ui/log/InteractionLogPage';
import { LoggedSegmentsPage } from '../../../src/ui/log/LoggedSegmentsPage';
import { SetupPage } from '../../../src/ui/setup/SetupPage';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { fakeTeam, renderWithWorkspace } from './renderWithTeam';
import '../setup';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
/** Logged segment 1 and its entries 1–3 are ANNA's; logged segment 2 and entries 4–6 are BOB's. */
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
});
afterEach(() => {
  cleanup();
  ws.close();
});

const renderWithTeam = (ui: ReactElement, team: TeamService | undefined, language: 'en' | 'it' = 'en') =>
  renderWithWorkspace(ui, ws, team, language);

const cases: { name: string; team: TeamService | undefined; admin: boolean }[] = [
  { name: 'no team server', team: undefined, admin: true },
  { name: 'a server without users', team: fakeTeam({ known: true }), admin: true },
  { name: 'before the server answered', team: fakeTeam({ known: false }), admin: true },
  { name: 'an administrator', team: fakeTeam({ known: true, user: 'CARLA', role: 'admin' }), admin: true },
  { name: 'a member (ANNA)', team: fakeTeam({ known: true, user: 'ANNA', role: 'member' }), admin: false },
];

describe.each(cases)('the pane for $name', ({ team, admin }) => {
  test('Logged Segments: Delete Canceled Segments only for an administrator; Canceled on their own rows only for a member', async () => {
    renderWithTeam(<LoggedSegmentsPage navigate={() => undefined} />, team);
    const own = await screen.findByRole('checkbox', { name: 'Canceled: logged segment 1' });
    const others = screen.getByRole('checkbox', { name: 'Canceled: logged segment 2' });
    expect(screen.queryByRole('button', { name: 'Delete Canceled Segments' }) !== null).toBe(admin);
    expect((own as HTMLInputElement).disabled).toBe(false);
    expect((others as HTMLInputElement).disabled).toBe(!admin);
  });

  test('Interaction Log Entries: Delete Canceled Entries only for an administrator; Canceled and Evaluation on their own entries only for a member', async () => {
    renderWithTeam(<InteractionLogPage />, team);
    await screen.findByTestId('entry-1');
    expect(screen.queryByRole('button', { name: 'Delete Canceled Interaction Log Entries' }) !== null).toBe(admin);
    // Each entry's ⋯ menu offers Canceled and Evaluation only on rows the user may change.
    const menuOf = async (entryNo: number) => {
      fireEvent.click(screen.getByRole('button', { name: `Actions for entry ${entryNo}` }));
      const menu = await screen.findByRole('menu');
      const items = within(menu)
        .queryAllByRole('menuitem')
        .map((i) => i.textContent ?? '');
      fireEvent.keyDown(menu, { key: 'Escape' });
      await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
      return items;
    };
    const own = await menuOf(1);
    expect(own.some((x) => x.includes('Mark as Canceled') || x.includes('Remove the Canceled check mark'))).toBe(true);
    expect(own.some((x) => x.includes('Evaluation'))).toBe(true);
    const others = await menuOf(4);
    expect(others.some((x) => x.includes('Mark as Canceled') || x.includes('Remove the Canceled check mark'))).toBe(
      admin,
    );
    expect(others.some((x) => x.includes('Evaluation'))).toBe(admin);
  });

  test('Setup: changed by an administrator only', async () => {
    renderWithTeam(<SetupPage />, team);
    const field = await screen.findByDisplayValue('en-US');
    expect(field.matches(':disabled')).toBe(!admin);
    expect(screen.queryByTestId('setup-admin-only') !== null).toBe(!admin);
  });

  test('a code list: codes removed by an administrator only', async () => {
    renderWithTeam(<CodeListPage list="mailingGroups" />, team);
    await screen.findByText('XMAS');
    expect(screen.queryByRole('button', { name: 'Remove XMAS' }) !== null).toBe(admin);
  });
});

test('in Italian, a member is told that only an administrator changes Setup', async () => {
  renderWithTeam(<SetupPage />, fakeTeam({ known: true, user: 'ANNA', role: 'member' }), 'it');
  await waitFor(() =>
    expect(screen.getByTestId('setup-admin-only').textContent).toBe('Solo un amministratore può modificare il setup.'),
  );
});

test('a member is told why another user’s Canceled box is greyed: it belongs to that user, only an administrator changes it', async () => {
  renderWithTeam(
    <LoggedSegmentsPage navigate={() => undefined} />,
    fakeTeam({ known: true, user: 'ANNA', role: 'member' }),
  );
  const others = await screen.findByRole('checkbox', { name: 'Canceled: logged segment 2' });
  const why = 'Logged segment 2 belongs to BOB: only an administrator can change it.';
  // On the box and on its whole cell (a pointer over a disabled input gets no tooltip of its own).
  expect(others.getAttribute('title')).toBe(why);
  expect(others.closest('.fui-Checkbox')?.getAttribute('title')).toBe(why);
  const own = screen.getByRole('checkbox', { name: 'Canceled: logged segment 1' });
  expect(own.getAttribute('title')).toBeNull();
  expect(own.closest('.fui-Checkbox')?.getAttribute('title')).toBeNull();
});

test('in Italian, the greyed Canceled box of another user says whose it is', async () => {
  renderWithTeam(
    <LoggedSegmentsPage navigate={() => undefined} />,
    fakeTeam({ known: true, user: 'ANNA', role: 'member' }),
    'it',
  );
  const others = await screen.findByRole('checkbox', { name: 'Annullato: segmento registrato 2' });
  expect(others.getAttribute('title')).toBe(
    'Il segmento registrato 2 appartiene a BOB: solo un amministratore può modificarlo.',
  );
});

test('an administrator’s boxes carry no such note', async () => {
  renderWithTeam(
    <LoggedSegmentsPage navigate={() => undefined} />,
    fakeTeam({ known: true, user: 'CARLA', role: 'admin' }),
  );
  const others = await screen.findByRole('checkbox', { name: 'Canceled: logged segment 2' });
  expect(others.getAttribute('title')).toBeNull();
});
