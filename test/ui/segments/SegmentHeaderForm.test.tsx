// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
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
