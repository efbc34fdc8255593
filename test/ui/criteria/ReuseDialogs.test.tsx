// @vitest-environment jsdom
// Reuse Criteria and Reuse Segment on their one frame: the empty text, the choice, BC's question when the
// segment already has criteria actions, and what was replayed.
// Dexie's liveQuery (behind useLiveQuery) needs a global indexedDB in jsdom.
import 'fake-indexeddb/auto';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { ReuseCriteriaDialog } from '../../../src/ui/criteria/ReuseCriteriaDialog';
import { ReuseSegmentDialog } from '../../../src/ui/criteria/ReuseSegmentDialog';
import { seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';
import { logSegment, workspaceEachTest, type TestWorkspace } from '../workspaceEachTest';

let ws: TestWorkspace;
workspaceEachTest(async (w) => {
  ws = w;
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA' });
});

describe('Reuse Criteria', () => {
  test('with nothing saved it says so and Apply stays off', async () => {
    const h = await ws.segments.create({ description: 'Empty' });
    renderInPane(<ReuseCriteriaDialog segmentNo={h.no} noOfCriteriaActions={0} onClose={() => undefined} />, ws);
    await screen.findByText('There are no saved criteria yet.');
    expect(screen.getByTestId('reuse-criteria-ok').hasAttribute('disabled')).toBe(true);
  });

  test('a segment with criteria actions is asked first; Yes replays the chosen criteria and closes', async () => {
    const a = await ws.segments.create({ description: 'Rome' });
    await ws.segments.addContactList(a.no, ['P101', 'P102']);
    await ws.segments.saveCriteria(a.no, 'ROMA', 'Customers in Rome');
    const b = await ws.segments.create({ description: 'Milan' });
    await ws.segments.addContactList(b.no, ['P201']);
    let closed = 0;
    renderInPane(<ReuseCriteriaDialog segmentNo={b.no} noOfCriteriaActions={1} onClose={() => closed++} />, ws);
    await userEvent.click(await screen.findByTestId('reuse-criteria-code'));
    await userEvent.click(await screen.findByRole('option', { name: 'ROMA · Customers in Rome' }));
    expect((screen.getByTestId('reuse-criteria-code') as HTMLButtonElement).textContent).toBe('ROMA');
    await userEvent.click(screen.getByTestId('reuse-criteria-ok'));
    await screen.findByText(
      /Segment SEG00002 already contains 1 criteria action\.\s+Are you sure you want to reuse saved criteria\?/,
    );
    await userEvent.click(screen.getByText('Yes'));
    await screen.findByText(/Criteria ROMA were reused: \+2/);
    await waitFor(() => expect(closed).toBe(1));
  });
});

describe('Reuse Segment', () => {
  test('with nothing logged it says so; with a logged segment its entries come back as lines', async () => {
    const h = await ws.segments.create({ description: 'Target' });
    const first = renderInPane(
      <ReuseSegmentDialog segmentNo={h.no} noOfCriteriaActions={0} onClose={() => undefined} />,
      ws,
    );
    await screen.findByText('There are no logged segments yet.');
    first.unmount();

    await logSegment(ws, 'Autumn fair');
    let closed = 0;
    renderInPane(<ReuseSegmentDialog segmentNo={h.no} noOfCriteriaActions={0} onClose={() => closed++} />, ws);
    await userEvent.click(await screen.findByRole('combobox', { name: 'Logged segment' }));
    await userEvent.click(await screen.findByRole('option', { name: /^1 · SEG00002 · Autumn fair · / }));
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByText('Logged segment 1 was reused: +2 lines.');
    await waitFor(() => expect(closed).toBe(1));
    expect((await ws.segments.get(h.no))!.lines.map((l) => l.contactNo).sort()).toEqual(['P101', 'P201']);
  });

  async function reuseOn(segmentNo: string, language: 'en' | 'it' = 'en') {
    renderInPane(
      <ReuseSegmentDialog segmentNo={segmentNo} noOfCriteriaActions={0} onClose={() => undefined} />,
      ws,
      language,
    );
    await userEvent.click(
      await screen.findByRole('combobox', { name: language === 'en' ? 'Logged segment' : 'Segmento registrato' }),
    );
    await userEvent.click(await screen.findByRole('option', { name: /^1 · / }));
    await userEvent.click(screen.getByRole('button', { name: language === 'en' ? 'Apply' : 'Applica' }));
  }

  test('contacts already on the segment are not added, and the message says how many and why', async () => {
    await logSegment(ws, 'Autumn fair');
    const h = await ws.segments.create({ description: 'Target' });
    await ws.segments.addContactList(h.no, ['P101', 'P201']);
    await reuseOn(h.no);
    await screen.findByText(
      'Logged segment 1 was reused: +0 lines. 2 contacts already on the segment were not added: choose Allow Existing Contacts to add them again.',
    );
  });

  test('in Italian, one contact of two already on the segment', async () => {
    await logSegment(ws, 'Fiera d’autunno');
    const h = await ws.segments.create({ description: 'Destinazione' });
    await ws.segments.addContactList(h.no, ['P201']);
    await reuseOn(h.no, 'it');
    await screen.findByText(
      'Il segmento registrato 1 è stato riutilizzato: +1 riga. 1 contatto già presente nel segmento non è stato aggiunto: per aggiungerlo di nuovo, scegliere Consenti contatti esistenti.',
    );
  });
});
