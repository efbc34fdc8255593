// @vitest-environment jsdom
// Logged Segments and Interaction Log Entries as BC lists them, on the one list page.
// Dexie's liveQuery (behind useLiveQuery) needs a global indexedDB in jsdom.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { InteractionLogPage } from '../../../src/ui/log/InteractionLogPage';
import { LoggedSegmentsPage } from '../../../src/ui/log/LoggedSegmentsPage';
import type { Route } from '../../../src/ui/shell/pageRegistry';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';
import { logSegment } from '../workspaceEachTest';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA' });
});
afterEach(() => {
  cleanup();
  ws.close();
});

const logged = (
  header: { description?: string; interactionTemplateCode?: string; salespersonCode?: string } = {},
  contactNos?: string[],
) =>
  logSegment(
    ws,
    header.description ?? 'Autumn fair invitation for our best customers in the north',
    header,
    contactNos,
  );

describe('Logged Segments', () => {
  test('an empty list says so and offers the way to the segments', async () => {
    const went: Route[] = [];
    renderInPane(<LoggedSegmentsPage navigate={(r) => went.push(r)} />, ws);
    const empty = await screen.findByTestId('list-empty');
    expect(empty.textContent).toContain('No logged segments yet.');
    await userEvent.click(within(empty).getByRole('button', { name: 'Segments' }));
    expect(went).toEqual([{ page: 'segments' }]);
  });

  test('shows no., description, date, user ID, the number of interactions and a labelled Canceled that is set to what the user chose', async () => {
    const r = await logged();
    renderInPane(<LoggedSegmentsPage navigate={() => undefined} />, ws);
    const row = await screen.findByTestId(`logged-row-${r.loggedSegment.entryNo}`);
    const headers = screen.getAllByRole('columnheader').map((h) => h.getAttribute('title') ?? h.textContent);
    expect(headers).toEqual([
      'Segment No. / Entry No.',
      'Description / Creation Date · User ID · No. of Interactions',
      'Canceled',
      'Actions',
    ]);
    expect(screen.queryByText('✕')).toBeNull();
    expect(row.textContent).toContain('SEG00001');
    expect(row.textContent).toContain('Autumn fair invitation');
    expect(row.textContent).toContain('ANNA');
    expect(row.textContent).toContain('2 interactions');
    // Delete Canceled Segments is secondary: not the primary button, and disabled with nothing canceled.
    const del = screen.getByRole('button', { name: 'Delete Canceled Segments' });
    expect(del.className).not.toMatch(/primary/);
    expect(del.hasAttribute('disabled')).toBe(true);

    expect(within(row).getByRole('checkbox', { name: 'Canceled: logged segment 1' })).toBeTruthy();
    // Canceled elsewhere (another pane): the box follows, and unticking it means "not canceled".
    await ws.loggedSegments.setCanceled(1, true);
    await waitFor(() =>
      expect((within(screen.getByTestId('logged-row-1')).getByRole('checkbox') as HTMLInputElement).checked).toBe(true),
    );
    await userEvent.click(within(screen.getByTestId('logged-row-1')).getByRole('checkbox'));
    // (Text, not roles: in jsdom Fluent's first modal of a file can stay marked aria-hidden.)
    await screen.findByText(/Logged Segment 1 is marked Canceled/);
    await userEvent.click(screen.getByText('Yes'));
    await waitFor(async () => expect((await ws.loggedSegments.get(1))!.canceled).toBe(false));
  });

  test('in Italian, Create Follow-up Segment names the follow-up in BC’s Italian', async () => {
    await logged();
    const went: Route[] = [];
    renderInPane(<LoggedSegmentsPage navigate={(r) => went.push(r)} />, ws, 'it');
    const row = await screen.findByTestId('logged-row-1');
    await userEvent.click(within(row).getByRole('button', { name: 'Azioni 1' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Crea segmento di follow-up' }));
    await waitFor(() => expect(went).toEqual([{ page: 'segment', no: 'SEG00002' }]));
    expect((await ws.segments.get('SEG00002'))!.header.description).toBe('Follow-up del segmento SEG00001');
  });

  test('the number of interactions is an element of its own that is never cut, in Italian too', async () => {
    await logged();
    renderInPane(<LoggedSegmentsPage navigate={() => undefined} />, ws, 'it');
    const row = await screen.findByTestId('logged-row-1');
    const count = within(row).getByTestId('logged-interactions');
    expect(count.textContent).toBe('2 interazioni');
    // Not cut with an ellipsis: it keeps its width and moves to the next line when the line is full.
    const style = getComputedStyle(count);
    expect(style.whiteSpace).toBe('nowrap');
    expect(style.flexShrink).toBe('0');
    expect(style.textOverflow).not.toBe('ellipsis');
    expect(getComputedStyle(count.parentElement!).flexWrap).toBe('wrap');
  });

  test('Delete Canceled Segments asks first', async () => {
    await logged();
    await ws.loggedSegments.setCanceled(1, true);
    renderInPane(<LoggedSegmentsPage navigate={() => undefined} />, ws);
    const del = await screen.findByRole('button', { name: 'Delete Canceled Segments' });
    await waitFor(() => expect(del.hasAttribute('disabled')).toBe(false));
    await userEvent.click(del);
    await screen.findByText('Delete 1 canceled logged segment? Its interaction log entries stay.');
    await userEvent.click(screen.getByText('No'));
    expect(await ws.loggedSegments.list()).toHaveLength(1);
  });

  test('Delete Canceled Segments says how many it deletes, in English and in Italian', async () => {
    await logged();
    await logged({ description: 'Note' }, ['P101']);
    await logged({ description: 'Kept' }, ['P101']);
    await ws.loggedSegments.setCanceled(1, true);
    await ws.loggedSegments.setCanceled(2, true);
    renderInPane(<LoggedSegmentsPage navigate={() => undefined} />, ws);
    const del = await screen.findByRole('button', { name: 'Delete Canceled Segments' });
    await waitFor(() => expect(del.hasAttribute('disabled')).toBe(false));
    await userEvent.click(del);
    await screen.findByText('Delete 2 canceled logged segments? Their interaction log entries stay.');
    await userEvent.click(screen.getByText('No'));
    cleanup();
    renderInPane(<LoggedSegmentsPage navigate={() => undefined} />, ws, 'it');
    const elimina = await screen.findByRole('button', { name: 'Elimina segmenti annullati' });
    await waitFor(() => expect(elimina.hasAttribute('disabled')).toBe(false));
    await userEvent.click(elimina);
    await screen.findByText('Eliminare 2 segmenti registrati annullati? I loro movimenti log interazione restano.');
    await userEvent.click(screen.getByText('Sì'));
    await waitFor(async () => expect((await ws.loggedSegments.list()).map((l) => l.entryNo)).toEqual([3]));
  });

  test('the Entry No. and the User ID beneath carry their captions, and the User ID is never cut', async () => {
    await logged();
    renderInPane(<LoggedSegmentsPage navigate={() => undefined} />, ws);
    const row = await screen.findByTestId('logged-row-1');
    const entry = within(row).getByTestId('logged-entry-no');
    expect(entry.textContent).toBe('Entry No. 1');
    const user = within(row).getByTestId('logged-user-id');
    expect(user.textContent).toBe('User ID ANNA');
    // The caption and the value wrap onto two lines before the value is cut; a long ID breaks, never ends in "…".
    for (const el of [user, ...user.querySelectorAll('*')]) {
      const style = getComputedStyle(el);
      expect(style.textOverflow).not.toBe('ellipsis');
      expect(style.overflow).not.toBe('hidden');
    }
    expect(getComputedStyle(user).whiteSpace).toBe('normal');
    expect(getComputedStyle(user.lastElementChild!).overflowWrap).toBe('anywhere');
    expect(within(row).getByTestId('logged-creation-date').textContent).toMatch(/^Creation Date \d/);
    cleanup();
    renderInPane(<LoggedSegmentsPage navigate={() => undefined} />, ws, 'it');
    const riga = await screen.findByTestId('logged-row-1');
    expect(within(riga).getByTestId('logged-entry-no').textContent).toBe('Nr. movimento 1');
    expect(within(riga).getByTestId('logged-user-id').textContent).toBe('ID utente ANNA');
  });

  test('Create Follow-up Segment is disabled while it runs: a second click creates no second segment', async () => {
    await logged();
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const create = ws.loggedSegments.createFollowUp.bind(ws.loggedSegments);
    let calls = 0;
    ws.loggedSegments.createFollowUp = async (entryNo, opts) => {
      calls++;
      await gate;
      return create(entryNo, opts);
    };
    const went: Route[] = [];
    renderInPane(<LoggedSegmentsPage navigate={(r) => went.push(r)} />, ws);
    const row = await screen.findByTestId('logged-row-1');
    await userEvent.click(within(row).getByRole('button', { name: 'Actions 1' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Create Follow-up Segment' }));
    await waitFor(() => expect(calls).toBe(1));
    await userEvent.click(within(row).getByRole('button', { name: 'Actions 1' }));
    const again = await screen.findByRole('menuitem', { name: 'Create Follow-up Segment' });
    expect(again.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(again);
    release();
    await waitFor(() => expect(went).toEqual([{ page: 'segment', no: 'SEG00002' }]));
    expect(calls).toBe(1);
    const followUps = (await ws.segments.list()).filter((h) => h.description === 'Follow-up on segment SEG00001');
    expect(followUps.map((h) => h.no)).toEqual(['SEG00002']);
  });

  test('Create Follow-up Segment asks first when an open follow-up segment exists, naming it', async () => {
    await logged();
    // Named by the store, as BC names it.
    await ws.loggedSegments.createFollowUp(1);
    const went: Route[] = [];
    renderInPane(<LoggedSegmentsPage navigate={(r) => went.push(r)} />, ws);
    const row = await screen.findByTestId('logged-row-1');
    const followUp = async () => {
      await userEvent.click(within(row).getByRole('button', { name: 'Actions 1' }));
      await userEvent.click(await screen.findByRole('menuitem', { name: 'Create Follow-up Segment' }));
      return screen.findByText(
        'Segment SEG00002 is an open follow-up on segment SEG00001. Do you want to create another follow-up segment?',
      );
    };
    await followUp();
    await userEvent.click(screen.getByText('No'));
    await waitFor(() => expect(screen.queryByText(/open follow-up/)).toBeNull());
    expect((await ws.segments.list()).map((h) => h.no)).toEqual(['SEG00002']);
    expect(went).toEqual([]);
    await followUp();
    await userEvent.click(screen.getByText('Yes'));
    await waitFor(() => expect(went).toEqual([{ page: 'segment', no: 'SEG00003' }]));
    expect((await ws.segments.list()).map((h) => h.no)).toEqual(['SEG00002', 'SEG00003']);
  });

  test('in Italian, the question names every open follow-up segment, named in Italian or in BC’s English', async () => {
    await logged();
    await ws.loggedSegments.createFollowUp(1, { description: 'Follow-up del segmento SEG00001' });
    await ws.loggedSegments.createFollowUp(1);
    renderInPane(<LoggedSegmentsPage navigate={() => undefined} />, ws, 'it');
    const row = await screen.findByTestId('logged-row-1');
    await userEvent.click(within(row).getByRole('button', { name: 'Azioni 1' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Crea segmento di follow-up' }));
    await screen.findByText(
      'I segmenti SEG00002, SEG00003 sono segmenti di follow-up aperti del segmento SEG00001. Creare un altro segmento di follow-up?',
    );
    await userEvent.click(screen.getByText('No'));
    expect((await ws.segments.list()).map((h) => h.no)).toEqual(['SEG00002', 'SEG00003']);
  });
});

describe('Interaction Log Entries', () => {
  test('shows contact no. and name, date, description, template, labelled evaluation and user ID, with one menu per entry', async () => {
    await logged();
    const went: Route[] = [];
    renderInPane(<InteractionLogPage navigate={(r) => went.push(r)} />, ws);
    const entry = await screen.findByTestId('entry-1');
    expect(entry.textContent).toContain('P101');
    await waitFor(() => expect(entry.textContent).toContain('Anna Bianchi'));
    expect(entry.textContent).toContain('MEMO');
    expect(entry.textContent).toContain('ANNA');
    const headers = screen.getAllByRole('columnheader').map((h) => h.getAttribute('title') ?? h.textContent);
    expect(headers).toEqual([
      'Entry No. / Date',
      'Contact No. / Contact Name',
      'Description / Interaction Template Code · Evaluation · User ID',
      'Actions',
    ]);
    // BC's columns, Entry No. first; the contact's column says it is the Contact No.
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Entry No.',
      'Contact No.',
      'Description',
      'Actions',
    ]);
    expect(within(entry).getAllByRole('cell')[0].textContent).toMatch(/^1/);
    expect(within(entry).getAllByRole('button')).toHaveLength(2); // the contact and the ⋯ menu

    await userEvent.click(within(entry).getByRole('button', { name: 'Actions for entry 1' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Mark as Canceled' }));
    await waitFor(async () => expect((await ws.interactionLog.get(1))!.canceled).toBe(true));
    await waitFor(() => expect(screen.getByTestId('entry-1').textContent).toContain('Canceled'));

    await userEvent.click(within(screen.getByTestId('entry-1')).getByRole('button', { name: 'Actions for entry 1' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Evaluation' }));
    await userEvent.click(await screen.findByRole('menuitemradio', { name: 'Positive' }));
    await waitFor(async () => expect((await ws.interactionLog.get(1))!.evaluation).toBe('Positive'));
    await waitFor(() => expect(screen.getByTestId('entry-1').textContent).toContain('Positive'));

    await userEvent.click(within(screen.getByTestId('entry-1')).getByRole('button', { name: 'Open contact P101' }));
    expect(went).toEqual([{ page: 'contact', no: 'P101' }]);
  });

  test('Delete Canceled Interaction Log Entries says how many it deletes, in English and in Italian', async () => {
    await logged();
    await logged({ description: 'Note' }, ['P101']);
    renderInPane(<InteractionLogPage navigate={() => undefined} />, ws);
    await screen.findByTestId('entry-3');
    // None canceled: nothing to ask.
    await userEvent.click(screen.getByRole('button', { name: 'Delete Canceled Interaction Log Entries' }));
    expect(await screen.findByText('There are no canceled interaction log entries to delete.')).toBeTruthy();
    await ws.interactionLog.setCanceled(1, true);
    await userEvent.click(screen.getByRole('button', { name: 'Delete Canceled Interaction Log Entries' }));
    await screen.findByText('Delete 1 canceled interaction log entry?');
    await userEvent.click(screen.getByText('No'));
    await waitFor(() => expect(screen.queryByText('Delete 1 canceled interaction log entry?')).toBeNull());
    await ws.interactionLog.setCanceled(3, true);
    await userEvent.click(screen.getByRole('button', { name: 'Delete Canceled Interaction Log Entries' }));
    await screen.findByText('Delete 2 canceled interaction log entries?');
    await userEvent.click(screen.getByText('No'));
    cleanup();
    renderInPane(<InteractionLogPage navigate={() => undefined} />, ws, 'it');
    await screen.findByTestId('entry-3');
    await userEvent.click(screen.getByRole('button', { name: 'Elimina movimenti log interazione annullati' }));
    await screen.findByText('Eliminare 2 movimenti log interazione annullati?');
    await userEvent.click(screen.getByText('Sì'));
    await waitFor(async () => expect((await ws.interactionLog.list()).map((e) => e.entryNo)).toEqual([2]));
  });

  test('the page reads only the entries it shows and counts the rest, never the whole log', async () => {
    await logged();
    await logged({ description: 'Note' }, ['P101']);
    const pages: number[] = [];
    const log = ws.interactionLog;
    const page = log.page.bind(log);
    log.list = () => Promise.reject(new Error('the whole log was read'));
    log.page = (filter, limit) => {
      pages.push(limit);
      return page(filter, limit);
    };
    renderInPane(<InteractionLogPage navigate={() => undefined} />, ws);
    await screen.findByTestId('entry-3');
    expect(screen.getByText('3 records')).toBeTruthy();
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((n) => n === 500)).toBe(true);
  });

  test('the template and salesperson filters are lookups over their lists; an unknown code is refused at once', async () => {
    await logged();
    await logged({ description: 'Note', interactionTemplateCode: 'ABSTRACT', salespersonCode: 'BD' }, ['P101']);
    renderInPane(<InteractionLogPage navigate={() => undefined} />, ws);
    await screen.findByTestId('entry-3');
    const template = screen.getByRole('combobox', { name: 'Interaction Template Code' });
    await userEvent.click(template);
    expect(await screen.findByRole('option', { name: 'ABSTRACT · Abstract letter' })).toBeTruthy();
    await userEvent.type(template, 'abs{Enter}');
    await waitFor(() => expect(screen.queryByTestId('entry-1')).toBeNull());
    expect(screen.getByTestId('entry-3')).toBeTruthy();
    await userEvent.clear(template);
    await userEvent.type(template, 'XX{Enter}');
    expect(await screen.findByText('The Interaction Template Code XX does not exist.')).toBeTruthy();
    expect(screen.getByTestId('entry-3')).toBeTruthy(); // the filter is as it was
    const salesperson = screen.getByRole('combobox', { name: 'Salesperson Code' });
    await userEvent.type(salesperson, 'ZZ{Enter}');
    expect(await screen.findByText('The Salesperson Code ZZ does not exist.')).toBeTruthy();
  });

  test('a template or salesperson filter is removed with its clear button, or by emptying the field', async () => {
    await logged();
    await logged({ description: 'Note', interactionTemplateCode: 'ABSTRACT', salespersonCode: 'BD' }, ['P101']);
    renderInPane(<InteractionLogPage navigate={() => undefined} />, ws);
    await screen.findByTestId('entry-3');
    const template = screen.getByRole('combobox', { name: 'Interaction Template Code' });
    await userEvent.type(template, 'abs{Enter}');
    await waitFor(() => expect(screen.queryByTestId('entry-1')).toBeNull());
    const clear = template.closest('.fui-Combobox')?.querySelector('.fui-Combobox__clearIcon');
    expect(clear).toBeTruthy();
    await userEvent.click(clear as HTMLElement);
    await screen.findByTestId('entry-1');
    expect((template as HTMLInputElement).value).toBe('');
    // The keyboard's way: the field emptied and left.
    const salesperson = screen.getByRole('combobox', { name: 'Salesperson Code' });
    await userEvent.type(salesperson, 'BD{Enter}');
    await waitFor(() => expect(screen.queryByTestId('entry-1')).toBeNull());
    await userEvent.clear(salesperson);
    await userEvent.tab();
    await screen.findByTestId('entry-1');
  });

  test('in Italian: the refusal of an unknown code in BC’s words', async () => {
    await logged();
    renderInPane(<InteractionLogPage navigate={() => undefined} />, ws, 'it');
    await screen.findByTestId('entry-1');
    await userEvent.type(screen.getByRole('combobox', { name: 'Cod. agente' }), 'ZZ{Enter}');
    expect(await screen.findByText('Cod. agente ZZ non esiste.')).toBeTruthy();
    await userEvent.type(screen.getByRole('combobox', { name: 'Cod. agente' }), '{Backspace}{Backspace}jr{Enter}');
    await waitFor(() => expect(screen.queryByText('Cod. agente ZZ non esiste.')).toBeNull());
    expect(screen.getByTestId('entry-1')).toBeTruthy();
  });

  test('in Italian the captions are the glossary’s', async () => {
    await logged();
    renderInPane(<InteractionLogPage navigate={() => undefined} />, ws, 'it');
    await screen.findByTestId('entry-1');
    const headers = screen.getAllByRole('columnheader').map((h) => h.getAttribute('title') ?? h.textContent);
    expect(headers).toEqual([
      'Nr. movimento / Data',
      'Nr. contatto / Nome contatto',
      'Descrizione / Codice modello interazione · Valutazione · ID utente',
      'Azioni',
    ]);
  });

  test('one entry is counted as "1 record", in English and in Italian', async () => {
    await logged({}, ['P101']);
    renderInPane(<InteractionLogPage navigate={() => undefined} />, ws);
    await screen.findByTestId('entry-1');
    expect(screen.getByText('1 record')).toBeTruthy();
    cleanup();
    renderInPane(<InteractionLogPage navigate={() => undefined} />, ws, 'it');
    await screen.findByTestId('entry-1');
    expect(screen.getByText('1 record')).toBeTruthy();
  });

  describe('the Contact No. and Segment No. filters take BC filter expressions', () => {
    /** Entries 1 and 2: P101 and P201 of SEG00001; entry 3: P102 of SEG00002. */
    const threeEntries = async () => {
      await logged();
      await logged({ description: 'Note' }, ['P102']);
    };
    const filterBy = async (field: string, text: string) => {
      const box = screen.getByRole('textbox', { name: field });
      await userEvent.clear(box);
      await userEvent.type(box, `${text}{Enter}`);
    };
    const shown = () => screen.queryAllByTestId(/^entry-/).map((r) => r.getAttribute('data-testid'));

    test('wildcards, alternatives and <> pick the entries they say', async () => {
      await threeEntries();
      renderInPane(<InteractionLogPage navigate={() => undefined} />, ws);
      await screen.findByTestId('entry-3');
      await filterBy('Contact No.', 'P1*');
      await waitFor(() => expect(shown()).toEqual(['entry-1', 'entry-3']));
      await filterBy('Contact No.', 'P101|P201');
      await waitFor(() => expect(shown()).toEqual(['entry-1', 'entry-2']));
      await filterBy('Contact No.', '');
      await filterBy('Segment No.', 'SEG*');
      await waitFor(() => expect(shown()).toEqual(['entry-1', 'entry-2', 'entry-3']));
      await filterBy('Segment No.', '<>SEG00001');
      await waitFor(() => expect(shown()).toEqual(['entry-3']));
      await filterBy('Contact No.', '@p2*');
      await waitFor(() =>
        expect(screen.getByTestId('list-empty').textContent).toContain('No interaction log entries match.'),
      );
      await filterBy('Segment No.', 'SEG00001');
      await waitFor(() => expect(shown()).toEqual(['entry-2']));
    });

    test('a malformed expression is an error that names the field and the position, never "nothing matches"', async () => {
      await threeEntries();
      renderInPane(<InteractionLogPage navigate={() => undefined} />, ws);
      await screen.findByTestId('entry-3');
      await filterBy('Contact No.', '(((');
      expect(
        await screen.findByText('The filter on Contact No. is not valid at position 4: a value is missing after (.'),
      ).toBeTruthy();
      expect(screen.queryByText('No interaction log entries match.')).toBeNull();
      await filterBy('Contact No.', '');
      await filterBy('Segment No.', 'SEG1..(');
      expect(
        await screen.findByText(
          'The filter on Segment No. is not valid at position 7: | (or) or & (and) is missing before (.',
        ),
      ).toBeTruthy();
    });

    test('in Italian', async () => {
      await threeEntries();
      renderInPane(<InteractionLogPage navigate={() => undefined} />, ws, 'it');
      await screen.findByTestId('entry-3');
      await filterBy('Nr. contatto', 'P1*');
      await waitFor(() => expect(shown()).toEqual(['entry-1', 'entry-3']));
      await filterBy('Nr. contatto', 'P1|');
      expect(
        await screen.findByText('Il filtro su Nr. contatto non è valido alla posizione 4: manca un valore dopo |.'),
      ).toBeTruthy();
    });
  });
});
