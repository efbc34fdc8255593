// @vitest-environment jsdom
// The pane hides what the user's role cannot do on the team server (the server refuses it anyway): each
// action × no team server / no users / member / administrator, on Logged Segments, Interaction Log
// Entries, Setup and a code list. A member keeps what is theirs (cancel their own logged segments and
// entries). The team service is the host boundary here: a fake answering the role, over a real workspace.
// Dexie's liveQuery (behind the pages' useLiveQuery) needs a global indexedDB in jsdom, before Dexie loads.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor } from '@testing-library/react';
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
    const no = (await ws.segments.create({ description: `Letter of ${userId}`, interactionTemplateCode: 'ABSTRACT' })).no;
    await ws.segments.addContacts(no, { contact: { city: 'Roma' } });
    await ws.segments.log(no);
  }
});
afterEach(() => {
  cleanup();
  ws.close();
});

const renderWithTeam = (ui: ReactElement, team: TeamService | undefined, language: 'en' | 'it' = 'en') => renderWithWorkspace(ui, ws, team, language);

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
    const own = await screen.findByRole('checkbox', { name: 'Canceled 1' });
    const others = screen.getByRole('checkbox', { name: 'Canceled 2' });
    expect(screen.queryByRole('button', { name: 'Delete Canceled Segments' }) !== null).toBe(admin);
    expect((own as HTMLInputElement).disabled).toBe(false);
    expect((others as HTMLInputElement).disabled).toBe(!admin);
  });

  test('Interaction Log Entries: Delete Canceled Entries only for an administrator; Canceled and Evaluation on their own entries only for a member', async () => {
    renderWithTeam(<InteractionLogPage />, team);
    const own = await screen.findByTestId('entry-1');
    const others = screen.getByTestId('entry-4');
    expect(screen.queryByRole('button', { name: 'Delete Canceled Interaction Log Entries' }) !== null).toBe(admin);
    expect(own.textContent).toContain('Switch Check Mark in Canceled');
    expect((others.textContent ?? '').includes('Switch Check Mark in Canceled')).toBe(admin);
    expect(screen.getByRole('combobox', { name: 'Evaluation 1' }).matches(':disabled')).toBe(false);
    expect(screen.getByRole('combobox', { name: 'Evaluation 4' }).matches(':disabled')).toBe(!admin);
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
  await waitFor(() => expect(screen.getByTestId('setup-admin-only').textContent).toBe('Solo un amministratore può modificare il setup.'));
});
