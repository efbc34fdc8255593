// @vitest-environment jsdom
// Interaction Log Entries: an entry opens BC's Interaction Log Entry card over the list (a click or Enter on
// its row, or Open in its menu), every field read-only in BC's captions, with the row menu's actions, and
// Close or Escape gives the focus back to the row.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { InteractionLogPage } from '../../../src/ui/log/InteractionLogPage';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { buttonInDialogOf, renderInPane } from '../render';

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

/** Entry 1: P101 on SEG00001 with a subject, a comment, a cost and a duration of its own. */
async function oneEntry() {
  const h = await ws.segments.create({
    description: 'Spring newsletter',
    interactionTemplateCode: 'MEMO',
    salespersonCode: 'JR',
  });
  await ws.segments.addContactList(h.no, ['P101']);
  const [line] = (await ws.segments.get(h.no))!.lines;
  await ws.segments.updateLine(h.no, line.lineNo, {
    subject: 'Our spring offers',
    comment: 'Call back in May',
    cost: 12345.5,
    duration: 15,
  });
  await ws.segments.log(h.no);
}

/** The value shown for a caption of the card (its <dt>'s <dd>). */
function field(card: HTMLElement, caption: string): string | null | undefined {
  const dt = within(card).getAllByText(caption, { selector: 'dt' })[0];
  return dt.nextElementSibling?.textContent;
}

const card = () => screen.findByTestId('entry-card');

describe('the Interaction Log Entry card', () => {
  test('a click on the row shows every field of the entry in BC’s captions; Close gives the focus back to the row', async () => {
    await oneEntry();
    renderInPane(<InteractionLogPage navigate={() => undefined} />, ws);
    const row = await screen.findByTestId('entry-1');
    await userEvent.click(within(row).getAllByRole('cell')[2]);
    const c = await card();
    expect(screen.getByText('Interaction Log Entry 1')).toBeTruthy();
    expect(field(c, 'Entry No.')).toBe('1');
    expect(field(c, 'Segment No.')).toBe('SEG00001');
    expect(field(c, 'Contact No.')).toBe('P101');
    await waitFor(() => expect(field(c, 'Contact Name')).toBe('Anna Bianchi'));
    expect(field(c, 'Description')).toBe('Spring newsletter');
    expect(field(c, 'Subject')).toBe('Our spring offers');
    expect(field(c, 'Salesperson Code')).toBe('JR');
    expect(field(c, 'Interaction Template Code')).toBe('MEMO');
    expect(field(c, 'Correspondence Type')).toBe('Email');
    expect(field(c, 'Cost (LCY)')).toBe('12,345.50');
    expect(field(c, 'Duration (Min.)')).toBe('15');
    expect(field(c, 'Comment')).toBe('Call back in May');
    expect(field(c, 'Canceled')).toBe('No');
    expect(field(c, 'User ID')).toBe('ANNA');
    expect(field(c, 'Time of Interaction')).toMatch(/^\d{1,2}:\d{2}:\d{2}/);
    for (const caption of [
      'Date',
      'Evaluation',
      'Logged Segment Entry No.',
      'Contact Company No.',
      'Interaction Group Code',
      'Interaction Language Code',
      'Information Flow',
      'Initiated By',
      'Attempt Failed',
      'Campaign No.',
      'Campaign Target',
      'Campaign Response',
      'Delivery Status',
    ])
      expect(within(c).getAllByText(caption, { selector: 'dt' })).toHaveLength(1);
    // Read-only: no field to type in.
    expect(within(c).queryAllByRole('textbox', { hidden: true })).toHaveLength(0);

    await userEvent.click(buttonInDialogOf(c, 'Close'));
    await waitFor(() => expect(c.isConnected).toBe(false));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('entry-1')));
  });

  test('Enter on the row opens it, and Escape gives the focus back to the row', async () => {
    await oneEntry();
    renderInPane(<InteractionLogPage navigate={() => undefined} />, ws);
    const row = await screen.findByTestId('entry-1');
    row.focus();
    await userEvent.keyboard('{Enter}');
    const c = await card();
    expect(field(c, 'Segment No.')).toBe('SEG00001');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(c.isConnected).toBe(false));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('entry-1')));
  });

  test('Open in the entry’s menu opens it; Canceled, Evaluation and Show Attachments act from the card', async () => {
    await oneEntry();
    renderInPane(<InteractionLogPage navigate={() => undefined} />, ws);
    const row = await screen.findByTestId('entry-1');
    await userEvent.click(within(row).getByRole('button', { name: 'Actions for entry 1' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Open' }));
    const c = await card();

    await userEvent.click(buttonInDialogOf(c, 'Mark as Canceled'));
    await waitFor(async () => expect((await ws.interactionLog.get(1))!.canceled).toBe(true));
    await waitFor(() => expect(field(c, 'Canceled')).toBe('Yes'));
    expect(buttonInDialogOf(c, 'Remove the Canceled check mark')).toBeTruthy();

    await userEvent.click(buttonInDialogOf(c, 'Evaluation'));
    await userEvent.click(await screen.findByRole('menuitemradio', { name: 'Very Positive' }));
    await waitFor(async () => expect((await ws.interactionLog.get(1))!.evaluation).toBe('Very Positive'));
    await waitFor(() => expect(field(c, 'Evaluation')).toBe('Very Positive'));

    await userEvent.click(buttonInDialogOf(c, 'Show Attachments'));
    expect(await screen.findByText('No letter was stored with this entry.')).toBeTruthy();

    await userEvent.click(buttonInDialogOf(c, 'Close'));
    await waitFor(() => expect(c.isConnected).toBe(false));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('entry-1')));
  });

  test('in Italian: BC’s Italian captions, numbers in the workspace locale', async () => {
    await oneEntry();
    renderInPane(<InteractionLogPage navigate={() => undefined} />, ws, 'it');
    const row = await screen.findByTestId('entry-1');
    await userEvent.click(within(row).getByRole('button', { name: 'Azioni del movimento 1' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Apri' }));
    const c = await card();
    expect(screen.getByText('Mov. log interazione 1')).toBeTruthy();
    expect(field(c, 'Nr. segmento')).toBe('SEG00001');
    expect(field(c, 'Cod. agente')).toBe('JR');
    expect(field(c, 'Costo (VL)')).toBe('12.345,50');
    expect(field(c, 'Durata (min.)')).toBe('15');
    expect(field(c, 'Tipo di corrispondenza')).toBe('E-mail');
    expect(field(c, 'Commento')).toBe('Call back in May');
    expect(field(c, 'Annullato')).toBe('No');
    expect(field(c, 'Ora interazione')).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(within(c).getAllByText('Cod. lingua interazione', { selector: 'dt' })).toHaveLength(1);
    expect(buttonInDialogOf(c, 'Contrassegna come Annullato')).toBeTruthy();
    expect(buttonInDialogOf(c, 'Valutazione')).toBeTruthy();
    expect(buttonInDialogOf(c, 'Mostra allegati')).toBeTruthy();
    await userEvent.click(buttonInDialogOf(c, 'Chiudi'));
    await waitFor(() => expect(c.isConnected).toBe(false));
  });
});
