// @vitest-environment jsdom
// Apply Mailing Group: the code is a lookup over the Mailing Groups (type to filter, Enter to pick), and a
// code that is not in the list is refused at once with BC's message.
// Dexie's liveQuery (behind useLiveQuery) needs a global indexedDB in jsdom.
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { ApplyMailingGroupDialog } from '../../../src/ui/criteria/ApplyMailingGroupDialog';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let segmentNo: string;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  segmentNo = (await ws.segments.create({ description: 'Spring mailing' })).no;
  await ws.segments.addContactList(segmentNo, ['P101', 'P201']);
});
afterEach(() => {
  cleanup();
  ws.close();
});

test('typing part of a code and Enter picks it; Apply gives it to every contact of the segment', async () => {
  let closed = false;
  renderInPane(<ApplyMailingGroupDialog segmentNo={segmentNo} onClose={() => (closed = true)} />, ws);
  const field = await screen.findByRole('combobox', { name: 'Mailing Group Code' });
  await userEvent.click(field);
  // The list, with each group's description.
  expect(await screen.findByRole('option', { name: 'XMAS · Christmas card' })).toBeTruthy();
  await userEvent.type(field, 'news{Enter}');
  await waitFor(() => expect((field as HTMLInputElement).value).toBe('NEWS'));
  const apply = screen.getByRole('button', { name: 'Apply' });
  await waitFor(() => expect(apply.hasAttribute('disabled')).toBe(false));
  await userEvent.click(apply);
  await waitFor(() => expect(closed).toBe(true));
  for (const no of ['P101', 'P201']) expect((await ws.contacts.get(no))!.mailingGroups).toContain('NEWS');
});

test('an unknown code is refused at once with BC’s message, and Apply stays disabled', async () => {
  renderInPane(<ApplyMailingGroupDialog segmentNo={segmentNo} onClose={() => undefined} />, ws);
  const field = await screen.findByRole('combobox', { name: 'Mailing Group Code' });
  await userEvent.type(field, 'XMAS{Enter}');
  await waitFor(() => expect(screen.getByRole('button', { name: 'Apply' }).hasAttribute('disabled')).toBe(false));
  await userEvent.clear(field);
  await userEvent.type(field, 'XX{Enter}');
  expect(await screen.findByText('The Mailing Group Code XX does not exist.')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Apply' }).hasAttribute('disabled')).toBe(true);
  // Corrected back to the code it had: Apply again.
  await userEvent.clear(field);
  await userEvent.type(field, 'XMAS{Enter}');
  await waitFor(() => expect(screen.queryByText('The Mailing Group Code XX does not exist.')).toBeNull());
  await waitFor(() => expect(screen.getByRole('button', { name: 'Apply' }).hasAttribute('disabled')).toBe(false));
});

test('in Italian: the refusal in BC’s words', async () => {
  renderInPane(<ApplyMailingGroupDialog segmentNo={segmentNo} onClose={() => undefined} />, ws, 'it');
  const field = await screen.findByRole('combobox', { name: 'Codice gruppo mailing' });
  await userEvent.type(field, 'XX{Enter}');
  expect(await screen.findByText('Codice gruppo mailing XX non esiste.')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Applica' }).hasAttribute('disabled')).toBe(true);
});
