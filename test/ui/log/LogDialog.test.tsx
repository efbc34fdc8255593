// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { LogResult } from '../../../src/domain/log';
import { LogDialog } from '../../../src/ui/log/LogDialog';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA' }); // an empty user ID is a blocker of its own
});
afterEach(() => {
  cleanup();
  ws.close();
});

/** SEG00001 with template MEMO (Email, ignores the contact's type) and the given contacts. */
async function segmentWith(contactNos: string[], header: Record<string, unknown> = {}) {
  const h = await ws.segments.create({ description: 'Spring mailing', interactionTemplateCode: 'MEMO', ...header });
  await ws.segments.addContactList(h.no, contactNos);
  return h.no;
}

function show(no: string, language: 'en' | 'it' = 'en') {
  const logged: LogResult[] = [];
  renderInPane(<LogDialog segmentNo={no} onClose={() => undefined} onLogged={(r) => logged.push(r)} />, ws, language);
  return { dialog: screen.getByRole('dialog'), logged };
}

describe('the log pre-flight', () => {
  test('lists what will be written and, with nothing in the way, logs it and creates the follow-up', async () => {
    const no = await segmentWith(['P101', 'P201'], { salespersonCode: 'JR' });
    const { dialog, logged } = show(no);
    await waitFor(() =>
      expect(within(dialog).getByTestId('log-entries').textContent).toBe('2 interaction log entries'),
    );
    expect(within(dialog).getByTestId('log-no-blockers')).toBeTruthy();
    expect(within(dialog).getByTestId('log-preflight').textContent).toMatch(/P101: Email · MEMO/);
    await userEvent.click(within(dialog).getByLabelText('Create Follow-up Segment'));
    await waitFor(() => expect(within(dialog).getByTestId('log-run').hasAttribute('disabled')).toBe(false));
    await userEvent.click(within(dialog).getByTestId('log-run'));
    await waitFor(() => expect(logged).toHaveLength(1));
    expect(logged[0].entries.map((e) => e.contactNo)).toEqual(['P101', 'P201']);
    expect(logged[0].followUpSegmentNo).toBe('SEG00002');
    expect(await ws.segments.get(no)).toBeUndefined();
    expect(await screen.findByText(`Segment ${no} has been logged.`)).toBeTruthy();
    // One note says both: the follow-up segment is named under it.
    expect(await screen.findByText('Follow-up segment SEG00002 was created.')).toBeTruthy();
  });

  test('every blocker is listed by line in words, and Log stays disabled', async () => {
    // None of these contacts has a salesperson, and the header has none either.
    const no = await segmentWith(['P101', 'P300', 'P102']);
    const { dialog } = show(no);
    const blockers = await within(dialog).findByTestId('log-blockers');
    expect(blockers.textContent).toBe('Blockers (3)');
    const text = within(dialog).getByTestId('log-preflight').textContent!;
    expect(text).toMatch(/Line 10000 \(P300\) has no Salesperson Code\./);
    expect(text).toMatch(/Line 20000 \(P101\) has no Salesperson Code\./);
    expect(text).toMatch(/Line 30000 \(P102\) has no Salesperson Code\./);
    expect(within(dialog).getByTestId('log-run').hasAttribute('disabled')).toBe(true);
    expect(await ws.loggedSegments.list()).toHaveLength(0);
  });

  test('Send Attachments turns an Email line without an e-mail address into a blocker naming the contact', async () => {
    const no = await segmentWith(['P101', 'C100'], { salespersonCode: 'JR' });
    const { dialog } = show(no);
    await within(dialog).findByTestId('log-no-blockers');
    await userEvent.click(within(dialog).getByLabelText('Send Attachments'));
    await waitFor(() =>
      expect(within(dialog).getByTestId('log-preflight').textContent).toMatch(
        /Contact C100 \(line 10000\) has no e-mail address for an Email line\./,
      ),
    );
    expect(within(dialog).getByTestId('log-run').hasAttribute('disabled')).toBe(true);
  });

  test('a segment without description is refused before anything is written, in Italian too', async () => {
    const no = await segmentWith(['P101'], { description: '', salespersonCode: 'JR' });
    const { dialog } = show(no, 'it');
    const text = await within(dialog).findByText(/descrizione per essere registrato/);
    expect(text).toBeTruthy();
    expect(within(dialog).getByText('Crea segmento di follow-up')).toBeTruthy();
    expect(within(dialog).getByTestId('log-run').hasAttribute('disabled')).toBe(true);
  });

  test('in Italian, the follow-up segment is named in BC’s Italian', async () => {
    const no = await segmentWith(['P101', 'P201'], { salespersonCode: 'JR' });
    const { dialog, logged } = show(no, 'it');
    await userEvent.click(within(dialog).getByLabelText('Crea segmento di follow-up'));
    await waitFor(() => expect(within(dialog).getByTestId('log-run').hasAttribute('disabled')).toBe(false));
    await userEvent.click(within(dialog).getByTestId('log-run'));
    await waitFor(() => expect(logged).toHaveLength(1));
    const follow = await ws.segments.get(logged[0].followUpSegmentNo!);
    expect(follow!.header.description).toBe(`Follow-up del segmento ${no}`);
  });
});
