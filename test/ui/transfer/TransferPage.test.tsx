// @vitest-environment jsdom
// Wrong files in the user's words, and the question before a package overwrites a segment here.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { App } from '../../../src/ui/shell/App';
import type { Preferences } from '../../../src/domain/ports/preferences';
import { transferApi } from '../../../src/taskpane/transfer';
import type { SyncService } from '../../../src/domain/ports/syncStatus';
import { makeWorkspace } from '../../store/helpers';
import { fakeSync } from '../fakeSync';
import '../setup';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
beforeEach(async () => {
  ws = await makeWorkspace();
});
afterEach(() => {
  cleanup();
  ws.close();
});

/** The page; `sync` when the pane shares its workspace through a server. */
function renderTransfer(language: 'en' | 'it', sync?: SyncService) {
  const prefs = new Map<string, unknown>();
  const preferences: Preferences = { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) };
  render(
    <App
      services={{ workspace: ws, preferences, host: 'none', transfer: transferApi(ws), sync }}
      initialLanguage={language}
      hostPages={{}}
      startRoute={{ page: 'transfer' }}
    />,
  );
}

const json = (name: string, text: string) => new File([text], name, { type: 'application/json' });

test('a file that is not a package or not a backup is said so, with no parser or database words', async () => {
  renderTransfer('en');
  await userEvent.upload(await screen.findByTestId('import-package'), json('notes.json', 'Not JSON at all'));
  expect(
    await screen.findByText(
      'notes.json is not a segment package of this add-in. Choose a file made with Export segment package.',
    ),
  ).toBeTruthy();
  await userEvent.upload(screen.getByTestId('restore-backup'), json('other.json', '{"a":1}'));
  expect(
    await screen.findByText(
      'other.json is not a backup of this add-in. Choose a file made with Back up the workspace.',
    ),
  ).toBeTruthy();
  expect(document.body.textContent).not.toMatch(/Dexie|JSON|Unexpected token/);
});

test('in Italian too', async () => {
  renderTransfer('it');
  await userEvent.upload(await screen.findByTestId('restore-backup'), json('x.json', 'Nxx'));
  expect(await screen.findByText(/^x\.json non è un backup di questo componente aggiuntivo\./)).toBeTruthy();
});

test('a package that would overwrite a segment here asks first and names only what changes; No leaves it as it is', async () => {
  await ws.contacts.upsert([{ no: 'P1', type: 'Person', name: 'Rossi' }]);
  const seg = await ws.segments.create({ description: 'Fiera' });
  await ws.segments.addContactList(seg.no, ['P1'], { source: 'test' });
  const pkg = (await ws.packages.export(seg.no)) as { segment: { description: string } };
  // Its line keeps its description (updateLines: false): only the header's differs from the package.
  await ws.segments.updateHeader(seg.no, { description: 'Fiera 2027' }, { updateLines: false });
  const text = JSON.stringify({ ...pkg, segment: { ...pkg.segment } });
  renderTransfer('en');
  await userEvent.upload(await screen.findByTestId('import-package'), json('fiera.json', text));
  const dialog = await screen.findByRole('alertdialog');
  expect(within(dialog).getByText('Replace segment SEG00001?')).toBeTruthy();
  // Its line, its criteria action and its contact are here as the package has them: not named.
  expect(dialog.textContent).toMatch(
    /Segment SEG00001 "Fiera 2027" is already in this workspace \(imported before\)\. Importing fiera\.json replaces its description with "Fiera"\. Continue\?/,
  );
  await userEvent.click(within(dialog).getByRole('button', { name: /No|Cancel/ }));
  await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  expect((await ws.segments.get(seg.no))?.header.description).toBe('Fiera 2027');
  await userEvent.upload(screen.getByTestId('import-package'), json('fiera.json', text));
  // findBy: while the first dialog leaves, the focus trap marks the new one hidden for a moment.
  await userEvent.click(await screen.findByRole('button', { name: /Yes|OK|Continue/ }));
  await waitFor(async () => expect((await ws.segments.get(seg.no))?.header.description).toBe('Fiera'));
  expect(
    await screen.findByText('Segment SEG00001 was imported: 1 line; contacts: 0 new, 0 updated, 1 unchanged.'),
  ).toBeTruthy();
});

test('the question counts the lines and criteria actions replaced and the contacts new and changed, not those unchanged', async () => {
  await ws.contacts.upsert([
    { no: 'P1', type: 'Person', name: 'Rossi' },
    { no: 'P2', type: 'Person', name: 'Bianchi' },
    { no: 'P3', type: 'Person', name: 'Verdi' },
  ]);
  const seg = await ws.segments.create({ description: 'Fiera' });
  await ws.segments.addContactList(seg.no, ['P1', 'P2', 'P3'], { source: 'test' });
  const pkg = (await ws.packages.export(seg.no)) as { contacts: { no: string }[] };
  await ws.contacts.upsert([
    { no: 'P1', type: 'Person', name: 'Rossi Mario' },
    { no: 'P2', type: 'Person', name: 'Bianchi Anna' },
  ]);
  await ws.contacts.upsert([{ no: 'P4', type: 'Person', name: 'Neri' }]);
  await ws.segments.addContactList(seg.no, ['P4'], { source: 'test' });
  const extra = (no: string) => ({ ...pkg.contacts[0], id: `01JNEWCONTACT00000000000${no}`, no });
  const text = JSON.stringify({ ...pkg, contacts: [...pkg.contacts, extra('P8'), extra('P9')] });
  renderTransfer('en');
  await userEvent.upload(await screen.findByTestId('import-package'), json('fiera.json', text));
  const dialog = await screen.findByRole('alertdialog');
  expect(dialog.textContent).toMatch(
    /Importing fiera\.json replaces its 4 lines with 3, replaces its 2 criteria actions with 1, adds 2 new contacts, and updates 2 contacts\. Continue\?/,
  );
  await userEvent.click(within(dialog).getByRole('button', { name: /Yes|OK|Continue/ }));
  expect(
    await screen.findByText('Segment SEG00001 was imported: 3 lines; contacts: 2 new, 2 updated, 1 unchanged.'),
  ).toBeTruthy();
});

test('header fields other than the description are named as fields of its header, "other" after the description', async () => {
  await ws.contacts.upsert([{ no: 'P1', type: 'Person', name: 'Rossi' }]);
  const seg = await ws.segments.create({ description: 'Fiera' });
  await ws.segments.addContactList(seg.no, ['P1'], { source: 'test' });
  const pkg = (await ws.packages.export(seg.no)) as { segment: object };
  const text = (over: object) => JSON.stringify({ ...pkg, segment: { ...pkg.segment, ...over } });
  renderTransfer('en');
  await userEvent.upload(await screen.findByTestId('import-package'), json('a.json', text({ salespersonCode: 'ZZ' })));
  let dialog = await screen.findByRole('alertdialog');
  expect(dialog.textContent).toMatch(/Importing a\.json changes fields of its header\. Continue\?/);
  await userEvent.click(within(dialog).getByRole('button', { name: /No|Cancel/ }));
  await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  await userEvent.upload(
    screen.getByTestId('import-package'),
    json('b.json', text({ salespersonCode: 'ZZ', description: 'Fiera 2027' })),
  );
  dialog = await screen.findByRole('alertdialog');
  expect(dialog.textContent).toMatch(
    /Importing b\.json replaces its description with "Fiera 2027" and changes other fields of its header\. Continue\?/,
  );
});

test('in Italian the question says one line, one criteria action, one new contact and one contact in the singular', async () => {
  await ws.contacts.upsert([{ no: 'P1', type: 'Person', name: 'Rossi' }]);
  const seg = await ws.segments.create({ description: 'Fiera' });
  await ws.segments.addContactList(seg.no, ['P1'], { source: 'test' });
  const pkg = (await ws.packages.export(seg.no)) as {
    contacts: { no: string }[];
    lines: object[];
    criteria: object[];
  };
  const text = JSON.stringify({
    ...pkg,
    lines: [{ ...pkg.lines[0], comment: 'Da richiamare' }],
    criteria: [{ ...pkg.criteria[0], updatedAt: '2027-01-04T08:00:00.000Z' }],
    contacts: [
      { ...pkg.contacts[0], name: 'Rossi Mario' },
      { ...pkg.contacts[0], id: '01JNEWCONTACT0000000000000', no: 'P9' },
    ],
  });
  renderTransfer('it');
  await userEvent.upload(await screen.findByTestId('import-package'), json('fiera.json', text));
  const dialog = await screen.findByRole('alertdialog');
  expect(within(dialog).getByText('Sostituire il segmento SEG00001?')).toBeTruthy();
  expect(dialog.textContent).toMatch(
    /L’importazione di fiera\.json sostituisce la sua riga con 1, sostituisce la sua azione criteri con 1, aggiunge 1 nuovo contatto e aggiorna 1 contatto\. Continuare\?/,
  );
});

test('a package imported again unchanged asks nothing, says that nothing was changed, and opens the segment', async () => {
  await ws.contacts.upsert([
    { no: 'P1', type: 'Person', name: 'Rossi' },
    { no: 'P2', type: 'Person', name: 'Bianchi' },
  ]);
  const seg = await ws.segments.create({ description: 'Fiera' });
  await ws.segments.addContactList(seg.no, ['P1', 'P2'], { source: 'test' });
  const text = JSON.stringify(await ws.packages.export(seg.no));
  renderTransfer('en');
  await userEvent.upload(await screen.findByTestId('import-package'), json('fiera.json', text));
  expect(
    await screen.findByText(
      'Segment SEG00001 and its contacts are already in this workspace as fiera.json has them: nothing was changed.',
    ),
  ).toBeTruthy();
  expect(screen.queryByRole('alertdialog')).toBeNull();
  await waitFor(() => expect(screen.queryByTestId('import-package')).toBeNull());
});

test('in Italian too', async () => {
  await ws.contacts.upsert([{ no: 'P1', type: 'Person', name: 'Rossi' }]);
  const seg = await ws.segments.create({ description: 'Fiera' });
  await ws.segments.addContactList(seg.no, ['P1'], { source: 'test' });
  const text = JSON.stringify(await ws.packages.export(seg.no));
  renderTransfer('it');
  await userEvent.upload(await screen.findByTestId('import-package'), json('fiera.json', text));
  expect(
    await screen.findByText(
      'Il segmento SEG00001 e i suoi contatti sono già in quest’area di lavoro così come li contiene fiera.json: non è stato modificato nulla.',
    ),
  ).toBeTruthy();
  expect(screen.queryByRole('alertdialog')).toBeNull();
});

test('a package that changes only contacts of a segment here asks about them, and reports the segment unchanged', async () => {
  await ws.contacts.upsert([
    { no: 'P1', type: 'Person', name: 'Rossi' },
    { no: 'P2', type: 'Person', name: 'Bianchi' },
  ]);
  const seg = await ws.segments.create({ description: 'Fiera' });
  await ws.segments.addContactList(seg.no, ['P1', 'P2'], { source: 'test' });
  const text = JSON.stringify(await ws.packages.export(seg.no));
  await ws.contacts.upsert([{ no: 'P2', type: 'Person', name: 'Bianchi Anna' }]);
  renderTransfer('en');
  await userEvent.upload(await screen.findByTestId('import-package'), json('fiera.json', text));
  const dialog = await screen.findByRole('alertdialog');
  expect(within(dialog).getByText('Import fiera.json?')).toBeTruthy();
  expect(dialog.textContent).toMatch(
    /Segment SEG00001 "Fiera" is already in this workspace \(imported before\)\. Importing fiera\.json updates 1 contact\. Continue\?/,
  );
  await userEvent.click(within(dialog).getByRole('button', { name: /Yes|OK|Continue/ }));
  expect(
    await screen.findByText(
      'Segment SEG00001 was already in this workspace as the package has it, and is unchanged; contacts: 0 new, 1 updated, 1 unchanged.',
    ),
  ).toBeTruthy();
});

test('in Italian the segment unchanged and the unchanged contacts are "invariato", "invariati", one in the singular', async () => {
  await ws.contacts.upsert([{ no: 'P1', type: 'Person', name: 'Rossi' }]);
  const seg = await ws.segments.create({ description: 'Fiera' });
  await ws.segments.addContactList(seg.no, ['P1'], { source: 'test' });
  const pkg = (await ws.packages.export(seg.no)) as { contacts: object[] };
  const text = JSON.stringify({
    ...pkg,
    contacts: [...pkg.contacts, { ...pkg.contacts[0], id: '01JNEWCONTACT0000000000000', no: 'P9' }],
  });
  renderTransfer('it');
  await userEvent.upload(await screen.findByTestId('import-package'), json('fiera.json', text));
  const dialog = await screen.findByRole('alertdialog');
  expect(within(dialog).getByText('Importare fiera.json?')).toBeTruthy();
  expect(dialog.textContent).toMatch(/L’importazione di fiera\.json aggiunge 1 nuovo contatto\. Continuare\?/);
  await userEvent.click(within(dialog).getByRole('button', { name: /Sì|OK|Continua/ }));
  expect(
    await screen.findByText(
      'Il segmento SEG00001 era già in quest’area di lavoro come nel pacchetto ed è invariato; contatti: 1 nuovo, 0 aggiornati, 1 invariato.',
    ),
  ).toBeTruthy();
});

test('the report shows the counts the import gives, not counts worked out from the package', async () => {
  await ws.contacts.upsert([{ no: 'P1', type: 'Person', name: 'Rossi' }]);
  const seg = await ws.segments.create({ description: 'Fiera' });
  await ws.segments.addContactList(seg.no, ['P1'], { source: 'test' });
  const text = JSON.stringify(await ws.packages.export(seg.no));
  const api = transferApi(ws);
  const prefs = new Map<string, unknown>();
  const preferences: Preferences = { get: (k) => prefs.get(k) as never, set: (k, v) => void prefs.set(k, v) };
  // The workspace changed between the preview and the import (another pane's pull): the import's word stands.
  const transfer = {
    ...api,
    importSegment: async (t: string) => {
      const r = await api.importSegment(t);
      return { ...r, segment: 'updated' as const, contacts: { inserted: 0, updated: 0, unchanged: 7 } };
    },
  };
  render(
    <App
      services={{ workspace: ws, preferences, host: 'none', transfer }}
      initialLanguage="en"
      hostPages={{}}
      startRoute={{ page: 'transfer' }}
    />,
  );
  await userEvent.upload(await screen.findByTestId('import-package'), json('fiera.json', text));
  expect(
    await screen.findByText('Segment SEG00001 was imported: 1 line; contacts: 0 new, 0 updated, 7 unchanged.'),
  ).toBeTruthy();
});

describe('a file of the other kind', () => {
  async function files() {
    await ws.contacts.upsert([{ no: 'P1', type: 'Person', name: 'Rossi' }]);
    const seg = await ws.segments.create({ description: 'Fiera' });
    await ws.segments.addContactList(seg.no, ['P1'], { source: 'test' });
    const pkg = JSON.stringify(await ws.packages.export(seg.no));
    const backup = await (await transferApi(ws).backup()).text();
    return { pkg, backup };
  }

  test('a segment package given to Restore is said to be a package, imported with the package field; nothing is restored', async () => {
    const { pkg } = await files();
    await ws.segments.create({ description: 'Dopo' });
    renderTransfer('en');
    await userEvent.upload(await screen.findByTestId('restore-backup'), json('fiera.json', pkg));
    expect(
      await screen.findByText(
        'fiera.json is a segment package, not a backup: nothing was restored. A segment package is imported with Import a segment package.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await ws.segments.list()).toHaveLength(2);
  });

  test('a backup given to Import a segment package is said to be a backup, restored with Restore a backup; nothing is imported', async () => {
    const { backup } = await files();
    renderTransfer('en');
    await userEvent.upload(await screen.findByTestId('import-package'), json('backup.json', backup));
    expect(
      await screen.findByText(
        'backup.json is a backup of the workspace, not a segment package: nothing was imported. A backup is restored with Restore a backup.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  test('in Italian, with the captions of the pane', async () => {
    const { pkg, backup } = await files();
    renderTransfer('it');
    await userEvent.upload(await screen.findByTestId('restore-backup'), json('fiera.json', pkg));
    expect(
      await screen.findByText(
        'fiera.json è un pacchetto segmento, non un backup: non è stato ripristinato nulla. Un pacchetto segmento si importa con Importa un pacchetto segmento.',
      ),
    ).toBeTruthy();
    await userEvent.upload(screen.getByTestId('import-package'), json('backup.json', backup));
    expect(
      await screen.findByText(
        'backup.json è un backup dell’area di lavoro, non un pacchetto segmento: non è stato importato nulla. Un backup si ripristina con Ripristina un backup.',
      ),
    ).toBeTruthy();
  });

  test('in a shared workspace, where Restore is not offered, a backup given to the package import does not point to it', async () => {
    const { backup } = await files();
    renderTransfer('en', fakeSync().service);
    await userEvent.upload(await screen.findByTestId('import-package'), json('backup.json', backup));
    expect(
      await screen.findByText(
        'backup.json is a backup of the workspace, not a segment package: nothing was imported. In a workspace shared through the server a backup is not restored from a pane.',
      ),
    ).toBeTruthy();
  });
});

test('a package changed by hand is refused as damaged before any question, and nothing changes', async () => {
  await ws.contacts.upsert([{ no: 'P1', type: 'Person', name: 'Rossi' }]);
  const seg = await ws.segments.create({ description: 'Fiera' });
  await ws.segments.addContactList(seg.no, ['P1'], { source: 'test' });
  const pkg = (await ws.packages.export(seg.no)) as { segment: object; lines: { date: string }[] };
  const tampered = JSON.stringify({
    ...pkg,
    segment: { ...pkg.segment, description: 'Cambiata' },
    lines: [{ ...pkg.lines[0], date: '31/02/2026' }],
  });
  renderTransfer('en');
  await userEvent.upload(await screen.findByTestId('import-package'), json('fiera.json', tampered));
  expect(
    await screen.findByText(
      'fiera.json is a segment package, but it is damaged, incomplete or was changed by hand; nothing was imported.',
    ),
  ).toBeTruthy();
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect((await ws.segments.get(seg.no))?.header.description).toBe('Fiera');
});

test('a real backup cut off before its end is called a damaged or incomplete backup, not a foreign file', async () => {
  await ws.segments.create({ description: 'Fiera' });
  const backup = await (await transferApi(ws).backup()).text();
  renderTransfer('en');
  await userEvent.upload(
    await screen.findByTestId('restore-backup'),
    json('backup.json', backup.slice(0, backup.length / 2)),
  );
  expect(
    await screen.findByText(
      'backup.json is a damaged or incomplete backup of this add-in (cut off, or changed by hand); nothing was restored.',
    ),
  ).toBeTruthy();
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect(await ws.segments.list()).toHaveLength(1);
});

test('a segment package cut off before its end is called damaged, not a foreign file', async () => {
  await ws.contacts.upsert([{ no: 'P1', type: 'Person', name: 'Rossi' }]);
  const seg = await ws.segments.create({ description: 'Fiera' });
  await ws.segments.addContactList(seg.no, ['P1'], { source: 'test' });
  const text = JSON.stringify(await ws.packages.export(seg.no));
  renderTransfer('it');
  await userEvent.upload(await screen.findByTestId('import-package'), json('fiera.json', text.slice(0, 60)));
  expect(await screen.findByText(/^fiera\.json è un pacchetto segmento, ma è danneggiato/)).toBeTruthy();
});

describe('restore', () => {
  test('without a server: the backup replaces the workspace after the question, and says so', async () => {
    await ws.segments.create({ description: 'Fiera' });
    const backup = await (await transferApi(ws).backup()).text();
    await ws.segments.create({ description: 'Dopo il backup' });
    renderTransfer('en');
    await userEvent.upload(await screen.findByTestId('restore-backup'), json('backup.json', backup));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toMatch(/Replace everything in this workspace with the backup/);
    await userEvent.click(within(dialog).getByRole('button', { name: /Yes/ }));
    expect(await screen.findByText(/^The workspace was restored: \d+ records\.$/)).toBeTruthy();
    expect((await ws.segments.list()).map((s) => s.description)).toEqual(['Fiera']);
  });

  test('in a workspace shared through the server: says before anything that a restore here would be undone, offers a segment package, and restores nothing', async () => {
    renderTransfer('en', fakeSync().service);
    const note = await screen.findByTestId('restore-shared');
    expect(note.textContent).toContain(
      'This workspace is shared with the other panes through the server. A backup restored here would be replaced at once by the shared workspace, so it cannot be restored here.',
    );
    expect(note.textContent).toContain('To bring back a segment, import its segment package: every pane gets it.');
    expect(screen.queryByTestId('restore-backup')).toBeNull();
    expect(screen.queryByLabelText('Restore a backup')).toBeNull();
    // The way that works: the package's file field, one click away.
    await userEvent.click(within(note).getByRole('button', { name: 'Import a segment package' }));
    expect(document.activeElement).toBe(screen.getByTestId('import-package'));
    // Backing up stays possible.
    expect(screen.getByTestId('make-backup')).toBeTruthy();
  });

  test('served by a server that holds no shared workspace (its sync API answers "not here"): the restore is this pane\'s own, and offered', async () => {
    renderTransfer('en', fakeSync({ connection: 'unavailable' }).service);
    expect(await screen.findByTestId('restore-backup')).toBeTruthy();
    expect(screen.queryByTestId('restore-shared')).toBeNull();
  });

  test('in Italian too', async () => {
    renderTransfer('it', fakeSync({ connection: 'offline' }).service);
    const note = await screen.findByTestId('restore-shared');
    expect(note.textContent).toMatch(/^Ripristino non disponibile in un’area di lavoro condivisa/);
    expect(screen.queryByTestId('restore-backup')).toBeNull();
    expect(within(note).getByRole('button', { name: 'Importa un pacchetto segmento' })).toBeTruthy();
  });
});
