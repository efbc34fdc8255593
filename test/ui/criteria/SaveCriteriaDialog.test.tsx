// @vitest-environment jsdom
// Save Criteria with the keyboard: a code already used is said at the Code field, focus stays in the dialog
// (on the Code field, to type another), and Escape still closes it.
import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { SaveCriteriaDialog } from '../../../src/ui/criteria/SaveCriteriaDialog';
import { seedMarket } from '../../store/helpers';
import { renderInPane } from '../render';
import { workspaceEachTest, type TestWorkspace } from '../workspaceEachTest';

let ws: TestWorkspace;
let no: string;
workspaceEachTest(async (w) => {
  ws = w;
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA' });
  no = (await ws.segments.create({ description: 'Rome' })).no;
  await ws.segments.addContacts(no, { contact: { city: 'Roma' } });
  await ws.segments.saveCriteria(no, 'ROMA', 'Customers in Rome');
});

test.each([
  ['en', 'Saved criteria ROMA already exist. Choose another code.'],
  ['it', 'I criteri salvati ROMA esistono già. Scegliere un altro codice.'],
] as const)(
  '%s: a code that exists is said at the Code field, focus stays on it, Escape closes',
  async (lang, text) => {
    let closed = 0;
    renderInPane(<SaveCriteriaDialog segmentNo={no} onClose={() => closed++} />, ws, lang);
    const dialog = screen.getByRole('dialog');
    const code = within(dialog).getByTestId('save-criteria-code');
    await userEvent.click(code);
    await userEvent.keyboard('roma');
    // On Save (the user tabbed there; Fluent's focus trap does not tab in jsdom).
    const save = within(dialog).getByTestId('save-criteria-ok');
    save.focus();
    await userEvent.keyboard('{Enter}');
    const message = await within(dialog).findByText(text);
    // The message belongs to the Code field: its input names it.
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(code.getAttribute('aria-describedby') ?? '').toContain(message.closest('[id]')?.id ?? 'none');
    await waitFor(() => expect(document.activeElement).toBe(code));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(closed).toBe(1));
    expect((await ws.savedCriteria.list()).map((c) => c.code)).toEqual(['ROMA']);
  },
);
