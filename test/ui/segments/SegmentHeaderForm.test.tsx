// @vitest-environment jsdom
// Dexie's liveQuery (behind the lookups' lists) needs a global indexedDB in jsdom.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SegmentHeaderForm } from '../../../src/ui/segments/SegmentHeaderForm';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
});
afterEach(() => {
  cleanup();
  ws.close();
});

async function editDescription(answer: 'Yes' | 'No') {
  const h = await ws.segments.create({ description: 'Old', salespersonCode: 'JR' });
  await ws.segments.addContactList(h.no, ['P101', 'P201']);
  renderInPane(<SegmentHeaderForm header={(await ws.segments.get(h.no))!.header} />, ws);
  const input = screen.getByTestId('field-description');
  await userEvent.clear(input);
  await userEvent.type(input, 'New{Enter}');
  expect((await screen.findByTestId('confirm-text')).textContent).toBe(
    'You have modified Description.\n\nDo you want to update the corresponding segment lines?',
  );
  await userEvent.click(await screen.findByText(answer, { selector: 'button' }));
  await waitFor(async () => expect((await ws.segments.get(h.no))!.header.description).toBe('New'));
  return (await ws.segments.get(h.no))!.lines.map((l) => l.description);
}

test('a header change that lines inherit asks BC’s question; Yes updates the lines', async () => {
  expect(await editDescription('Yes')).toEqual(['New', 'New']);
});

test('No changes the header only', async () => {
  expect(await editDescription('No')).toEqual(['Old', 'Old']);
});

describe('choosing an interaction template over the segment’s own letters', () => {
  const own = { subject: 'Mine', ooxml: '<w:p><w:r><w:t>Own</w:t></w:r></w:p>' };

  async function chooseFiera(
    letters: Record<string, typeof own>,
    interactionTemplateCode = '',
    language: 'en' | 'it' = 'en',
  ) {
    await ws.interactionTemplates.upsert([
      {
        code: 'FIERA',
        description: 'Trade fair',
        languageCodeDefault: 'ITA',
        letters: { ITA: { subject: 'La fiera', ooxml: '<w:p/>' }, ENU: { subject: 'The fair', ooxml: '<w:p/>' } },
      },
    ]);
    const h = await ws.segments.create({ interactionTemplateCode });
    if (Object.keys(letters).length) await ws.segments.updateHeader(h.no, { letters });
    await ws.segments.addContactList(h.no, ['P101', 'P300']);
    const before = (await ws.segments.get(h.no))!.header;
    renderInPane(<SegmentHeaderForm header={before} />, ws, language);
    await userEvent.click(screen.getByRole('button', { name: language === 'en' ? 'Interaction' : 'Interazione' }));
    const input = screen.getByTestId('field-interactionTemplateCode');
    await userEvent.clear(input);
    await userEvent.type(input, 'FIERA');
    await userEvent.keyboard('{Enter}');
    return { no: h.no, before };
  }

  test('asks first, naming the languages; No leaves the template and the letters as they were', async () => {
    const { no, before } = await chooseFiera({ ENU: own, ITA: own });
    expect((await screen.findByTestId('confirm-text')).textContent).toBe(
      `Segment ${no} has its own letters in English and Italian. Choosing template FIERA replaces them with the template’s. Continue?`,
    );
    await userEvent.click(await screen.findByText('No', { selector: 'button' }));
    await waitFor(() => expect(screen.queryByTestId('confirm-text')).toBeNull());
    // The field shows the saved value again.
    await waitFor(() =>
      expect((screen.getByTestId('field-interactionTemplateCode') as HTMLInputElement).value).toBe(''),
    );
    const after = (await ws.segments.get(no))!.header;
    expect(after).toMatchObject({ interactionTemplateCode: '', letters: before.letters, updatedAt: before.updatedAt });
  });

  test('Yes goes on to the lines’ question and the template’s letters replace the segment’s', async () => {
    const { no } = await chooseFiera({ ITA: own });
    expect((await screen.findByTestId('confirm-text')).textContent).toBe(
      `Segment ${no} has its own letter in Italian. Choosing template FIERA replaces it with the template’s. Continue?`,
    );
    await userEvent.click(await screen.findByText('Yes', { selector: 'button' }));
    await waitFor(async () =>
      expect((await screen.findByTestId('confirm-text')).textContent).toMatch(
        /^You have modified Interaction Template Code/,
      ),
    );
    await userEvent.click(await screen.findByText('No', { selector: 'button' }));
    await waitFor(async () =>
      expect((await ws.segments.get(no))!.header).toMatchObject({
        interactionTemplateCode: 'FIERA',
        letters: { ITA: { subject: 'La fiera', ooxml: '<w:p/>' } },
      }),
    );
  });

  test('letters as the current template gives them: only the lines’ question', async () => {
    // ABSTRACT's letters, untouched.
    await chooseFiera({}, 'ABSTRACT');
    expect((await screen.findByTestId('confirm-text')).textContent).toMatch(
      /^You have modified Interaction Template Code/,
    );
  });

  test('in Italian, the languages named in Italian', async () => {
    const { no } = await chooseFiera({ ENU: own, ITA: own }, '', 'it');
    expect((await screen.findByTestId('confirm-text')).textContent).toBe(
      `Il segmento ${no} ha lettere proprie in inglese e italiano. Scegliendo il modello interazione FIERA, verranno sostituite con quelle del modello. Continuare?`,
    );
  });
});
