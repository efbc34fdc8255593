// @vitest-environment jsdom
// The shared workspace in the pane: the status line on every page, failed actions with Retry and
// Dismiss, renumbered segments, and the personal key in Setup. The sync client is the host boundary
// here: a small fake with its status, recording what the pane asks of it.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { SegmentsError } from '../../../src/domain/errors';
import { App } from '../../../src/ui/shell/App';
import type { Preferences } from '../../../src/domain/ports/preferences';
import type { FailedAction, Overridden, Renumbered, SyncService } from '../../../src/domain/ports/syncStatus';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { SharedWorkspaceSetup } from '../../../src/ui/setup/SharedWorkspaceSetup';
import { buttonInDialogOf, renderInPane } from '../render';
import { fakeSync } from '../fakeSync';
import '../setup'; // the one set-up of the pane's component tests

const addContacts: FailedAction = {
  id: 'TX-1',
  name: 'segments.addContacts',
  args: ['SEG00003', { contact: { city: 'Roma' } }, {}],
  at: '2026-03-02T09:30:00.000Z',
  code: 'ALREADY_LOGGED',
  message: 'Segment SEG00003 is logged',
  details: { segmentNo: 'SEG00003' },
};
const mailingGroups: FailedAction = {
  id: 'TX-2',
  name: 'mailingGroups.upsert',
  args: [[{ code: 'XMAS' }]],
  at: '',
  code: 'CONFLICT',
  message: 'code XMAS is taken',
};

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
});
afterEach(() => {
  cleanup();
  ws.close();
});

function renderPane(sync: SyncService | undefined, language: 'en' | 'it' = 'en') {
  const prefs = new Map<string, unknown>();
  const preferences: Preferences = { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) };
  return render(<App services={{ workspace: ws, preferences, host: 'Excel', sync }} initialLanguage={language} />);
}

const statusText = () => screen.getByTestId('sync-status').textContent;

describe('the shared workspace in the pane', () => {
  test('the status line says the connection and the changes waiting, and follows the client', async () => {
    const sync = fakeSync({ connection: 'starting' });
    renderPane(sync.service);
    expect(await screen.findByTestId('sync-status')).toBeTruthy();
    expect(statusText()).toBe('Connecting to the shared workspace…');
    sync.set({ connection: 'offline', pending: 2 });
    await waitFor(() => expect(statusText()).toBe('Offline: your changes are kept in this pane · 2 changes waiting'));
    sync.set({ connection: 'unavailable', pending: 1 });
    await waitFor(() =>
      expect(statusText()).toBe('Shared workspace unavailable: you work in this pane only · 1 change waiting'),
    );
    sync.set({ connection: 'connected', pending: 0 });
    await waitFor(() => expect(statusText()).toBe('Shared workspace: connected'));
    // Quiet: no message bar, no toast, for any of these.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByTestId('sync-failed')).toBeNull();
  });

  test("while a large pull arrives, the line says how many changes are here, in the user's numbers; then connected again", async () => {
    const sync = fakeSync({ connection: 'connected', pending: 1 });
    renderPane(sync.service);
    expect(await screen.findByTestId('sync-status')).toBeTruthy();
    sync.set({ receiving: 2500 });
    await waitFor(() =>
      expect(statusText()).toBe('Receiving changes from the shared workspace: 2,500 received… · 1 change waiting'),
    );
    sync.set({ receiving: 10002 });
    await waitFor(() => expect(statusText()).toContain('10,002 received'));
    sync.set({ receiving: undefined, pending: 0 });
    await waitFor(() => expect(statusText()).toBe('Shared workspace: connected'));
  });

  test("in Italian, with the Italian grouping, and at the pane's start too", async () => {
    const sync = fakeSync({ connection: 'starting', receiving: 25000 });
    renderPane(sync.service, 'it');
    expect(await screen.findByTestId('sync-status')).toBeTruthy();
    await waitFor(() =>
      expect(statusText()).toBe('Ricezione delle modifiche dall’area di lavoro condivisa: 25.000 ricevute…'),
    );
  });

  test('a failed action says what it was and why; Retry and Dismiss call the client and the bar goes', async () => {
    const sync = fakeSync({ failed: [addContacts, mailingGroups] });
    renderPane(sync.service);
    const bars = await screen.findAllByTestId('sync-failed');
    expect(bars.map((b) => b.textContent)).toEqual([
      expect.stringContaining(
        'Could not be applied: Add Contacts to segment SEG00003Segment SEG00003 was already logged.',
      ),
      expect.stringContaining(
        'Could not be applied: Change Mailing Group XMASSomeone else changed this meanwhile: code XMAS is taken',
      ),
    ]);
    await userEvent.click(within(bars[0]).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getAllByTestId('sync-failed')).toHaveLength(1));
    expect(sync.calls.retry).toEqual(['TX-1']);
    expect(await screen.findByText('The action was applied again.')).toBeTruthy();
    await userEvent.click(within(screen.getByTestId('sync-failed')).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByTestId('sync-failed')).toBeNull());
    expect(sync.calls.dismiss).toEqual(['TX-2']);
  });

  test('a retry the rules refuse again says why in a toast, and the action stays', async () => {
    const sync = fakeSync({ failed: [addContacts] });
    sync.failRetries(new SegmentsError('ALREADY_LOGGED', 'logged', { segmentNo: 'SEG00003' }));
    renderPane(sync.service);
    await userEvent.click(within(await screen.findByTestId('sync-failed')).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByText('Segment SEG00003 was already logged.', { selector: '[class*="fui-ToastTitle"]' }),
    ).toBeTruthy();
    expect(screen.getAllByTestId('sync-failed')).toHaveLength(1);
  });

  // A Go Back recorded offline that found another step after its own on replay: Retry now undoes the segment's
  // current last step, so it asks first, naming that step, and does nothing on No.
  async function goBackRefused() {
    await seedMarket(ws);
    const segment = await ws.segments.create({ description: 'Spring mailing' });
    await ws.segments.addContacts(segment.no, { contact: { city: 'Roma' } });
    await ws.segments.reduceContacts(segment.no, { contact: { no: 'C100' } });
    await ws.segments.addContacts(segment.no, { contact: { city: 'Milano' } });
    const failed: FailedAction = {
      id: 'TX-9',
      name: 'segments.goBack',
      args: ['segment-id', 'step-id'],
      about: segment.no,
      v: 1,
      at: '2026-03-02T09:30:00.000Z',
      code: 'CONFLICT',
      message: 'Go Back would undo criteria action 2, but it is no longer the last',
      details: { segmentNo: segment.no, field: 'goBack', actionNo: 2, lastActionNo: 3 },
    };
    return { segment, failed };
  }

  test('Retry of a refused Go Back asks, naming the step it would now undo; No does nothing, Yes retries', async () => {
    const { failed } = await goBackRefused();
    const sync = fakeSync({ failed: [failed] });
    renderPane(sync.service);
    await userEvent.click(within(await screen.findByTestId('sync-failed')).getByRole('button', { name: 'Retry' }));
    const question = await screen.findByTestId('confirm-text');
    expect(question.textContent).toBe('Go Back will undo step 3, Add Contacts. Continue?');
    await userEvent.click(buttonInDialogOf(question, 'No'));
    await waitFor(() => expect(screen.queryByTestId('confirm-text')).toBeNull());
    expect(sync.calls.retry).toEqual([]);
    expect(screen.getAllByTestId('sync-failed')).toHaveLength(1);
    await userEvent.click(within(screen.getByTestId('sync-failed')).getByRole('button', { name: 'Retry' }));
    await userEvent.click(buttonInDialogOf(await screen.findByTestId('confirm-text'), 'Yes'));
    await waitFor(() => expect(sync.calls.retry).toEqual(['TX-9']));
    await waitFor(() => expect(screen.queryByTestId('sync-failed')).toBeNull());
  });

  test("in Italian: the question names the step in BC's words", async () => {
    const { segment, failed } = await goBackRefused();
    await ws.segments.goBack(segment.no);
    const sync = fakeSync({ failed: [failed] });
    renderPane(sync.service, 'it');
    await userEvent.click(within(await screen.findByTestId('sync-failed')).getByRole('button', { name: 'Riprova' }));
    const question = await screen.findByTestId('confirm-text');
    expect(question.textContent).toBe(
      'Con Vai a precedente verrà annullata l’azione sui criteri 2, Eliminaz. contatti - Riduzione. Continuare?',
    );
    await userEvent.click(buttonInDialogOf(question, 'No'));
    expect(sync.calls.retry).toEqual([]);
  });

  test('renumbered segments are told once: OK clears them', async () => {
    const sync = fakeSync({
      renumbered: [{ table: 'segments', id: 'S5', from: 'SEG00005', to: 'SEG00006', action: 'segments.create' }],
    });
    renderPane(sync.service);
    const bar = await screen.findByTestId('sync-renumbered');
    expect(bar.textContent).toContain('Segment SEG00005 is now SEG00006: someone else took SEG00005 first.');
    await userEvent.click(within(bar).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByTestId('sync-renumbered')).toBeNull());
    expect(sync.calls.cleared).toBe(1);
  });

  test('in Italian: a refused key leads to Setup, whose Shared workspace group shows the server and saves the key', async () => {
    const sync = fakeSync({ connection: 'refused', pending: 3, failed: [addContacts] });
    renderPane(sync.service, 'it');
    await waitFor(() =>
      expect(statusText()).toBe('Il server ha rifiutato la chiave personale · 3 modifiche in attesaImmetti la chiave'),
    );
    expect(screen.getByTestId('sync-failed').textContent).toContain(
      'Impossibile applicare: Agg. contatti al segmento SEG00003Il segmento SEG00003 è già stato registrato.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Immetti la chiave' }));
    await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe('Setup'));
    // Setup's group, on its own (the page around it waits for the workspace's Setup record).
    cleanup();
    renderInPane(<SharedWorkspaceSetup sync={sync.service} />, ws, 'it');
    expect(screen.getByTestId('sync-server').textContent).toBe('Server: https://segments.example.test:3000');
    expect(screen.getByTestId('sync-key-state').textContent).toBe(
      'In questo browser non è salvata alcuna chiave personale.',
    );
    const field = screen.getByLabelText('Chiave personale');
    expect(field.getAttribute('type')).toBe('password');
    await userEvent.type(field, 'anna-key-0123456789');
    // The key is checked with the server before it is kept: here the server knows it.
    vi.stubGlobal('fetch', async () =>
      Response.json({ schemaVersion: 1, user: 'anna', role: 'member', keysRequired: true }, { status: 200 }),
    );
    try {
      await userEvent.click(screen.getByRole('button', { name: 'Salva' }));
      expect(await screen.findByText('La chiave personale è stata salvata.')).toBeTruthy();
    } finally {
      vi.unstubAllGlobals();
    }
    expect(sync.calls.keys).toEqual(['anna-key-0123456789']);
    expect(screen.getByTestId('sync-key-state').textContent).toBe('In questo browser è salvata una chiave personale.');
    expect((field as HTMLInputElement).value).toBe('');
  });

  test("a value replaced by a later change is told with the field's caption and the values in the user's words", async () => {
    const overridden: Overridden[] = [
      {
        table: 'segments',
        id: 'S1',
        field: 'description',
        mine: 'Fiera Anna v2',
        theirs: 'Fiera Marco v2',
        action: 'segments.updateHeader',
        about: 'SEG00001',
      },
      {
        table: 'interactionLog',
        id: 'E1',
        field: 'evaluation',
        mine: 'Positive',
        theirs: 'Negative',
        action: 'interactionLog.setEvaluation',
        about: '7',
      },
      {
        table: 'loggedSegments',
        id: 'L1',
        field: 'canceled',
        mine: true,
        theirs: false,
        action: 'loggedSegments.setCanceled',
        about: '3',
      },
    ];
    const sync = fakeSync({ overridden });
    renderPane(sync.service, 'it');
    const items = within(await screen.findByTestId('sync-overridden'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'Modifica segmento SEG00001: un altro utente ha modificato Descrizione in seguito, in “Fiera Marco v2” (valore immesso: “Fiera Anna v2”).',
      'Valutazione del mov. log interazione 7: un altro utente ha modificato Valutazione in seguito, in “Negativa” (valore immesso: “Positiva”).',
      'Campo Annullato del segmento registrato 3: un altro utente ha modificato Annullato in seguito, in “No” (valore immesso: “Sì”).',
    ]);
    cleanup();
    renderPane(sync.service, 'en');
    expect(within(await screen.findByTestId('sync-overridden')).getAllByRole('listitem')[0].textContent).toBe(
      'Change segment SEG00001: another user changed Description later, to “Fiera Marco v2” (your value: “Fiera Anna v2”).',
    );
  });

  test('a value replaced by a colleague on a team server is told with their name; without a name, as another user', async () => {
    const overridden: Overridden[] = [
      {
        table: 'segments',
        id: 'S1',
        field: 'description',
        mine: 'Fiera Luca v2',
        theirs: 'Fiera Maria v2',
        action: 'segments.updateHeader',
        about: 'SEG00001',
        by: 'Maria',
      },
      {
        table: 'interactionLog',
        id: 'E1',
        field: 'evaluation',
        mine: 'Positive',
        theirs: 'Negative',
        action: 'interactionLog.setEvaluation',
        about: '7',
      },
    ];
    const sync = fakeSync({ overridden });
    const items = async () =>
      within(await screen.findByTestId('sync-overridden'))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    renderPane(sync.service, 'en');
    expect(await items()).toEqual([
      'Change segment SEG00001: Maria changed Description later, to “Fiera Maria v2” (your value: “Fiera Luca v2”).',
      'Evaluation of interaction log entry 7: another user changed Evaluation later, to “Negative” (your value: “Positive”).',
    ]);
    cleanup();
    renderPane(sync.service, 'it');
    expect(await items()).toEqual([
      'Modifica segmento SEG00001: Maria ha modificato Descrizione in seguito, in “Fiera Maria v2” (valore immesso: “Fiera Luca v2”).',
      'Valutazione del mov. log interazione 7: un altro utente ha modificato Valutazione in seguito, in “Negativa” (valore immesso: “Positiva”).',
    ]);
  });

  test('a contact card’s list replaced by a colleague: the contact named, both lists shown, an empty one as blank', async () => {
    const overridden: Overridden[] = [
      {
        table: 'contacts',
        id: 'C1',
        field: 'mailingGroups',
        mine: ['NEWS', 'XMAS'],
        theirs: [],
        action: 'contacts.upsert',
        about: 'P101',
        by: 'marco',
      },
    ];
    const sync = fakeSync({ overridden });
    const items = async () =>
      within(await screen.findByTestId('sync-overridden'))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    renderPane(sync.service, 'en');
    expect(await items()).toEqual([
      'Change contact P101: marco changed Mailing Groups later, to “(blank)” (your value: “NEWS, XMAS”).',
    ]);
    cleanup();
    renderPane(sync.service, 'it');
    expect(await items()).toEqual([
      'Modifica contatto P101: marco ha modificato Gruppi mailing in seguito, in “(vuoto)” (valore immesso: “NEWS, XMAS”).',
    ]);
  });

  test('no key given: the line asks for the key and leads to Setup; a key sent and refused is said so', async () => {
    const sync = fakeSync({ connection: 'noKey' });
    renderPane(sync.service, 'it');
    await waitFor(() =>
      expect(statusText()).toBe(
        'Per condividere l’area di lavoro immetti la chiave personale in Setup.Immetti la chiave',
      ),
    );
    cleanup();
    renderPane(sync.service, 'en');
    await waitFor(() =>
      expect(statusText()).toBe('Enter your personal key in Setup to share this workspace.Enter the key'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Enter the key' }));
    await waitFor(() => expect(screen.getByTestId('page-title').textContent).toBe('Setup'));
    sync.set({ connection: 'refused' });
    await waitFor(() => expect(statusText()).toBe('The server refused your personal keyEnter the key'));
  });

  test('without a shared workspace there is no status and no Setup group', async () => {
    renderPane(undefined);
    expect((await screen.findByTestId('page-title')).textContent).toBe('Segments');
    expect(screen.queryByTestId('sync-status')).toBeNull();
  });
});

describe('what two users did at once, told to the one whose change gave way', () => {
  test("a value replaced on a segment line, in Setup, on a code list's record and on a template: the record, the colleague and the field, in both languages", async () => {
    const overridden = [
      {
        table: 'segmentLines',
        id: 'L1',
        field: 'comment',
        mine: 'Anna comment',
        theirs: 'Commento di Marco',
        action: 'segments.updateLine',
        about: 'SEG00001',
        by: 'marco',
      },
      {
        table: 'setup',
        id: 'setup',
        field: 'defaultLanguageCode',
        mine: 'IT',
        theirs: 'EN',
        action: 'setup.update',
        by: 'marco',
      },
      {
        table: 'mailingGroups',
        id: 'M1',
        field: 'description',
        mine: 'Anna news',
        theirs: 'Marco news',
        action: 'mailingGroups.upsert',
        about: 'NEWS',
        by: 'marco',
      },
      {
        table: 'interactionTemplates',
        id: 'T1',
        field: 'letters',
        mine: { IT: { body: 'a' } },
        theirs: { IT: { body: 'b' } },
        action: 'interactionTemplates.upsert',
        about: 'ABSTRACT',
        by: 'marco',
      },
    ] as unknown as Overridden[];
    const sync = fakeSync({ overridden });
    const items = async () =>
      within(await screen.findByTestId('sync-overridden'))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    renderPane(sync.service, 'it');
    expect(await items()).toEqual([
      'Modifica una riga del segmento SEG00001: marco ha modificato Commento in seguito, in “Commento di Marco” (valore immesso: “Anna comment”).',
      'Modifica setup: marco ha modificato Codice lingua predefinito in seguito, in “EN” (valore immesso: “IT”).',
      'Modifica Gruppo mailing NEWS: marco ha modificato Descrizione in seguito, in “Marco news” (valore immesso: “Anna news”).',
      'Modifica Modello interazione ABSTRACT: marco ha modificato Lettere in seguito.',
    ]);
    cleanup();
    renderPane(sync.service, 'en');
    expect(await items()).toEqual([
      'Change a line of segment SEG00001: marco changed Comment later, to “Commento di Marco” (your value: “Anna comment”).',
      'Change Setup: marco changed Default Language Code later, to “EN” (your value: “IT”).',
      'Change Mailing Group NEWS: marco changed Description later, to “Marco news” (your value: “Anna news”).',
      'Change Interaction Template ABSTRACT: marco changed Letters later.',
    ]);
  });

  test('a new code a colleague created first: the refusal names them, and only Dismiss is offered (a Retry could never succeed)', async () => {
    const sameCode: FailedAction = {
      id: 'TX-9',
      name: 'mailingGroups.upsert',
      args: [[{ code: 'VIP', description: 'Marco VIP' }], { insertOnly: true }],
      at: '',
      code: 'ALREADY_EXISTS',
      message: "The Mailing Group already exists. Code='VIP'",
      details: { code: 'VIP', field: 'code', list: 'mailingGroups', by: 'anna' },
    };
    const sync = fakeSync({ failed: [sameCode] });
    renderPane(sync.service, 'it');
    const bar = await screen.findByTestId('sync-failed');
    expect(bar.textContent).toMatch(
      /^Impossibile applicare: Crea Gruppo mailing VIPGruppo mailing esiste già\..*'VIP'/,
    );
    expect(bar.textContent).toMatch(/'VIP'\. Lo stesso codice è stato creato prima da anna\.Ignora$/);
    expect(within(bar).queryByRole('button', { name: 'Riprova' })).toBeNull();
    cleanup();
    renderPane(sync.service, 'en');
    const en = await screen.findByTestId('sync-failed');
    expect(en.textContent).toMatch(/^Could not be applied: Create Mailing Group VIP/);
    expect(en.textContent).toMatch(/'VIP'\. anna created the same code first\.Dismiss$/);
    expect(within(en).queryByRole('button', { name: 'Retry' })).toBeNull();
    await userEvent.click(within(en).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByTestId('sync-failed')).toBeNull());
    expect(sync.calls.dismiss).toEqual(['TX-9']);
  });

  test("a logged segment's interaction log entries that moved are told in one line, in both languages", async () => {
    const renumbered = [
      { table: 'loggedSegments', id: 'LS1', from: '1', to: '2', action: 'segments.log' },
      { table: 'interactionLog', id: 'LS1', from: '1–2', to: '4–5', action: 'segments.log', segmentNo: '2' },
      { table: 'interactionLog', id: 'LS2', from: '3', to: '6', action: 'segments.log', segmentNo: '3' },
    ] as unknown as Renumbered[];
    const sync = fakeSync({ renumbered });
    const items = async () =>
      within(await screen.findByTestId('sync-renumbered'))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    renderPane(sync.service, 'it');
    expect(await items()).toEqual([
      'Il segmento registrato 1 è ora 2: 1 era già stato usato da un altro utente.',
      'I movimenti log interazione 1–2 del segmento registrato 2 sono ora 4–5: un altro utente ha registrato nello stesso momento.',
      'Il mov. log interazione 3 del segmento registrato 3 è ora 6: un altro utente ha registrato nello stesso momento.',
    ]);
    cleanup();
    renderPane(sync.service, 'en');
    expect(await items()).toEqual([
      'Logged segment 1 is now 2: someone else took 1 first.',
      'The interaction log entries 1–2 of logged segment 2 are now 4–5: someone else logged at the same time.',
      'The interaction log entry 3 of logged segment 3 is now 6: someone else logged at the same time.',
    ]);
  });
});
