// @vitest-environment jsdom
// The Mail merge page over the real workspace (fake-indexeddb) and the Word adapter over the test host.
// Dexie's liveQuery (behind useLiveQuery) needs a global indexedDB to run at all in jsdom.
import 'fake-indexeddb/auto';
import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { strToU8, zipSync } from 'fflate';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { compileLetter } from '../../../src/domain/mergeRender';
import { ooxmlToText, parseLetter } from '../../../src/domain/mergeOoxml';
import type { UiLanguage } from '../../../src/domain/setup';
import { WORD_REQUEST_CAP } from '../../../src/domain/mergeBlocks';
import type { WordPort } from '../../../src/domain/ports/wordPort';
import { createWordAdapter } from '../../../src/office/word/wordAdapter';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';
import { ConfirmProvider } from '../../../src/ui/common/confirm';
import { I18nProvider } from '../../../src/ui/common/i18n';
import { TOASTER_ID } from '../../../src/ui/common/notify';
import { ServicesProvider } from '../../../src/ui/common/services';
import { MailMergePage } from '../../../src/ui/mailMerge/MailMergePage';
import { showLetter } from '../../../src/ui/mailMerge/showLetter';
import { readDocxParts, base64ToBytes } from '../../../src/domain/docx';
import type { TeamService } from '../../../src/domain/ports/team';
import { fakeTeam } from '../log/renderWithTeam';
import { wordMessages } from '../../../src/ui/mailMerge/messages';
import { fieldControl } from '../../domain/mergeFixture';
import { FakeWordHost } from '../../office/wordFakeHost';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { buttonInDialogOf } from '../render';
import '../setup'; // the one set-up of the pane's component tests

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
const letterXml = `<w:p><w:r><w:t xml:space="preserve">Dear </w:t></w:r>${fieldControl('contact.name')}<w:r><w:t xml:space="preserve">, </w:t></w:r>${fieldControl('interaction.date')}</w:p><w:p>${fieldControl('comment')}</w:p>`;

beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  await ws.profile.update({ userId: 'jo', salespersonCode: 'JR' });
  await ws.segments.create({ description: 'Autumn letters', interactionTemplateCode: 'ABSTRACT' });
  await ws.segments.addContactList('SEG00001', ['P101', 'P201', 'P300']);
  // Lines are sorted by company: P300 (no company) 10000, P101 (Alfa) 20000, P201 (Beta) 30000.
  await ws.segments.updateLine('SEG00001', 20000, { comment: 'Call Anna first' });
  await ws.segments.updateLine('SEG00001', 30000, { comment: 'Two lines\nhere' });
});
afterEach(() => {
  cleanup();
  ws.close();
});

function show(word: WordPort | undefined, language: UiLanguage = 'en', team?: TeamService) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language={language} catalogs={[...paneCatalogs, wordMessages]}>
        <ServicesProvider
          value={{
            workspace: ws,
            host: word ? 'Word' : 'none',
            preferences: { get: () => undefined, set: () => undefined },
            team,
          }}
        >
          <ConfirmProvider>
            <MailMergePage workspace={ws} word={word} />
          </ConfirmProvider>
          <Toaster toasterId={TOASTER_ID} />
        </ServicesProvider>
      </I18nProvider>
    </FluentProvider>,
  );
}

/** The segment is chosen and its letter language (the header's default, ENU) shown. */
async function ready() {
  await waitFor(() => expect((screen.getByTestId('segment-choice') as HTMLSelectElement).value).toBe('SEG00001'), {
    timeout: 5000,
  });
  await waitFor(() => expect((screen.getByTestId('letter-language') as HTMLSelectElement).value).toBe('ENU'), {
    timeout: 5000,
  });
  await waitFor(() => expect(screen.getByTestId('merge-new').hasAttribute('disabled')).toBe(false));
}

/** The Log dialog: its pre-flight lists `entries` entries and no blocker; Log is pressed. */
async function logInDialog(entries: number) {
  const preflight = await screen.findByTestId('log-preflight');
  await waitFor(() => expect(screen.getByTestId('log-entries').textContent).toContain(String(entries)));
  await screen.findByTestId('log-no-blockers');
  await userEvent.click(buttonInDialogOf(preflight, 'Log'));
}

/** SEG00001 gets an English letter of its own (the test letter). */
function giveEnglishLetter() {
  return ws.segments.updateHeader(
    'SEG00001',
    { letters: { ENU: { subject: 'S', ooxml: letterXml } } },
    { updateLines: false },
  );
}

function wordOver(host: FakeWordHost, comments = true) {
  return createWordAdapter({ run: host.run, supports: { comments, createDocument: true } });
}

describe('the Mail merge page', () => {
  test('the segment list names each segment by number and description, and by number alone when it has none', async () => {
    await ws.segments.create({ description: '' });
    show(undefined);
    await ready();
    const options = [...(screen.getByTestId('segment-choice') as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options).toEqual(['SEG00001 · Autumn letters', 'SEG00002']);
  });

  test('merges the segment into the document: a clean check (an empty Comment is no finding), letter saved on the segment, comments attached', async () => {
    const host = new FakeWordHost(WORD_REQUEST_CAP, letterXml);
    show(wordOver(host));
    await ready();
    // P300 has no comment: an optional field left empty is not a finding, so the check is clean
    await userEvent.click(screen.getByTestId('check'));
    await screen.findByTestId('check-clean');
    expect(screen.queryByText(/blank Comment/)).toBeNull();
    await userEvent.click(screen.getByTestId('merge'));
    await screen.findByText(/^3 letters merged\.$/);
    expect(screen.queryByTestId('accept')).toBeNull();
    expect(screen.getByText('2 comments attached.')).toBeTruthy();
    expect(host.items.filter((i) => i.tag).map((i) => i.tag)).toEqual([
      'bcsegment:SEG00001:10000',
      'bcsegment:SEG00001:20000',
      'bcsegment:SEG00001:30000',
    ]);
    expect(host.comments.map((c) => c.text)).toEqual(['Call Anna first', 'Two lines\nhere']);
    const text = ooxmlToText(host.bodyXml()).split('\f\n');
    expect(text[0]).toBe('Dear Zoe Neri, March 2, 2026\n\n');
    // Anna's Language Code is ITA, but the segment has only the English letter: its date is in English.
    expect(text[1]).toBe('Dear Anna Bianchi, March 2, 2026\nCall Anna first\n');
    expect(text[2]).toContain('Two lines\nhere');
    const saved = (await ws.segments.get('SEG00001'))!.header.letters.ENU;
    expect(compileLetter(saved.ooxml).keys).toEqual(['contact.name', 'interaction.date', 'comment']);
    expect(saved.subject).toBe('Our news');

    // Re-merge from the merged document after fixing a name: the saved letter is merged again and the
    // comments, being segment data, come back with it.
    await ws.contacts.upsert([{ no: 'P101', name: 'Anna Bianchi-Rossi' }]);
    await userEvent.click(screen.getByTestId('merge'));
    await screen.findByText('The document holds merged letters: the letter saved on the segment is merged again.');
    expect(ooxmlToText(host.bodyXml()).split('\f\n')[1]).toBe(
      'Dear Anna Bianchi-Rossi, March 2, 2026\nCall Anna first\n',
    );
    expect(host.items.filter((i) => i.tag)).toHaveLength(3);
    expect(host.comments.slice(2).map((c) => c.text)).toEqual(['Call Anna first', 'Two lines\nhere']);

    // Log from Word: the merged letters are read back and stored with their entries, once the Log dialog
    // has shown what will be written and that nothing blocks it.
    await userEvent.click(screen.getByTestId('log'));
    await logInDialog(3);
    await screen.findByText(/Segment logged: 3 interaction log entries, logged segment 1\./);
    expect(screen.queryByText(/Not merged in this document/)).toBeNull();
    const entries = await ws.interactionLog.list({ segmentNo: 'SEG00001' });
    expect(entries).toHaveLength(3);
    const anna = entries.find((e) => e.contactNo === 'P101')!;
    expect(ooxmlToText(parseLetter(anna.letter!).body)).toBe(
      'Dear Anna Bianchi-Rossi, March 2, 2026\nCall Anna first\n',
    );
    expect(anna.comment).toBe('Call Anna first');
  });

  test('says so and keeps the inline comment when Word refuses comments', async () => {
    const host = new FakeWordHost(WORD_REQUEST_CAP, letterXml);
    host.refuseComments = 'NotAllowed';
    await ws.segments.updateLine('SEG00001', 10000, { comment: 'Zoe too' });
    show(wordOver(host));
    await ready();
    await userEvent.click(screen.getByTestId('merge'));
    await screen.findByText(
      /Word refused the comments \(NotAllowed\); 0 were attached\. The others are in their letters as text/,
    );
    expect(ooxmlToText(host.bodyXml())).toContain('Zoe too');
  });

  test("edits a contact's comment and lists the fields in Italian, offering to convert a Word mail-merge document", async () => {
    const host = new FakeWordHost(
      WORD_REQUEST_CAP,
      '<w:p><w:fldSimple w:instr=" MERGEFIELD Città "><w:r><w:t>«Città»</w:t></w:r></w:fldSimple></w:p>',
    );
    show(wordOver(host), 'it');
    await userEvent.click(await screen.findByRole('tab', { name: 'Righe' }));
    const box =
      (await screen.findByTestId('comment-20000', {}, { timeout: 5000 })).querySelector('textarea') ??
      screen.getByTestId('comment-20000');
    await userEvent.clear(box as HTMLElement);
    await userEvent.type(box as HTMLElement, 'Nuovo commento');
    await userEvent.tab();
    await waitFor(async () => expect((await ws.segments.get('SEG00001'))!.lines[1].comment).toBe('Nuovo commento'));

    await userEvent.click(screen.getByRole('tab', { name: 'Campi' }));
    expect(screen.getByRole('group', { name: 'Contatto' }).textContent).toContain('Città');
    expect((await screen.findByTestId('legacy-found')).textContent).toContain('Città');
    await userEvent.click(screen.getByRole('button', { name: 'Converti in campi unione' }));
    await screen.findByText('1 campi convertiti; non riconosciuti: nessuno.');
    expect(host.bodyXml()).toContain('<w:tag w:val="contact.city"/>');
    await userEvent.click(screen.getByRole('button', { name: 'Inserisci Nome' }));
    await waitFor(() => expect(host.bodyXml()).toContain('<w:tag w:val="contact.name"/>'));
  });

  test('previews any contact’s letter in its language', async () => {
    await giveEnglishLetter();
    show(undefined);
    expect(await screen.findByTestId('outside-office')).toBeTruthy();
    await ready();
    await userEvent.click(await screen.findByRole('tab', { name: 'Preview' }));
    await userEvent.click(screen.getByTestId('check'));
    await userEvent.selectOptions(await screen.findByTestId('preview-line'), '10000');
    expect(screen.getByTestId('preview-text').textContent).toBe('Dear Zoe Neri, March 2, 2026\n\n');
  });
});

describe('letter templates', () => {
  test("saves the document's letter on a template for the letter's language, and loads it back into a blank document", async () => {
    const host = new FakeWordHost(WORD_REQUEST_CAP, letterXml);
    const view = show(wordOver(host));
    await ready();
    await userEvent.click(screen.getByRole('tab', { name: 'Templates' }));
    await userEvent.selectOptions(await screen.findByTestId('template-code'), 'MEMO');
    await userEvent.click(screen.getByTestId('template-save'));
    await screen.findByText('Letter saved on template MEMO for English.');
    const memo = (await ws.interactionTemplates.get('MEMO'))!;
    expect(compileLetter(memo.letters.ENU.ooxml).keys).toEqual(['contact.name', 'interaction.date', 'comment']);
    expect(memo.description).toBe('Memo');
    view.unmount();

    const blank = new FakeWordHost(WORD_REQUEST_CAP, '<w:p/>');
    show(wordOver(blank));
    await ready();
    await userEvent.click(screen.getByRole('tab', { name: 'Templates' }));
    await userEvent.selectOptions(await screen.findByTestId('template-code'), 'MEMO');
    await userEvent.click(screen.getByTestId('template-load'));
    await screen.findByText('Letter of template MEMO loaded.');
    expect(ooxmlToText(blank.bodyXml())).toContain('Dear «contact.name», «interaction.date»');
  });
});

describe('replacing a template letter from Word', () => {
  test('asks first, naming the template, and refuses an empty document', async () => {
    await ws.interactionTemplates.upsert([{ code: 'MEMO', letters: { ENU: { subject: 'Memo', ooxml: letterXml } } }]);
    const host = new FakeWordHost(WORD_REQUEST_CAP, '<w:p><w:r><w:t>New memo</w:t></w:r></w:p>');
    show(wordOver(host));
    await ready();
    await userEvent.click(screen.getByRole('tab', { name: 'Templates' }));
    await userEvent.selectOptions(await screen.findByTestId('template-code'), 'MEMO');
    await userEvent.click(screen.getByTestId('template-save'));
    const question = await screen.findByTestId('confirm-text');
    expect(question.textContent).toBe(
      'Interaction template MEMO already has a letter in English, used by every segment that takes the template. Replace it with the letter in the document?',
    );
    await userEvent.click(buttonInDialogOf(question, 'No'));
    await waitFor(() => expect(screen.queryByTestId('confirm-text')).toBeNull());
    expect((await ws.interactionTemplates.get('MEMO'))!.letters.ENU.ooxml).toBe(letterXml);
    expect(screen.queryByTestId('notice-success')).toBeNull();
  });

  test('an empty document is not saved on the template', async () => {
    const host = new FakeWordHost(WORD_REQUEST_CAP, '<w:p/>');
    show(wordOver(host));
    await ready();
    await userEvent.click(screen.getByRole('tab', { name: 'Templates' }));
    await userEvent.selectOptions(await screen.findByTestId('template-code'), 'MEMO');
    await userEvent.click(screen.getByTestId('template-save'));
    await screen.findByText('The document is empty: write the letter first, then save it on the template.');
    expect((await ws.interactionTemplates.get('MEMO'))!.letters.ENU).toBeUndefined();
  });
});

describe('Show letter', () => {
  const stored = `<w:p><w:r><w:t>Dear Anna</w:t></w:r></w:p>`;

  test('opens the stored letter as a new Word document', async () => {
    const host = new FakeWordHost(WORD_REQUEST_CAP);
    expect(await showLetter(wordOver(host), stored, 'entry-1')).toBe('opened');
    expect(readDocxParts(base64ToBytes(host.opened[0]))['word/document.xml']).toContain('Dear Anna');
  });

  test('downloads it as a .docx outside Office', async () => {
    const urls: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (b: Blob) => (urls.push(b), 'blob:letter');
    try {
      expect(await showLetter(undefined, stored, 'entry-1')).toBe('downloaded');
    } finally {
      URL.createObjectURL = create;
    }
    expect(urls).toHaveLength(1);
    const parts = readDocxParts(new Uint8Array(await urls[0].arrayBuffer()));
    expect(parts['word/document.xml']).toContain('Dear Anna');
  });
});

describe('a letter uploaded outside Office', () => {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const docx = (body: string) =>
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
      ),
    });
  const file = (bytes: Uint8Array, name: string) =>
    new File([new Uint8Array(bytes)], name, {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });

  test('is converted, kept on the segment for its language, lists what it cannot convert, and the merged .docx downloads', async () => {
    show(undefined);
    await ready();
    // Outside Word the page speaks of the uploaded letter, not of a document.
    expect(screen.getByText(/^The uploaded letter is kept for this language/)).toBeTruthy();
    expect(screen.queryByText(/letter in the document/)).toBeNull();
    const letter = docx(
      '<w:p><w:r><w:t xml:space="preserve">Dear «Name», «Shoe size» </w:t></w:r><w:r><w:t>«Language Code»</w:t></w:r></w:p>',
    );
    await userEvent.upload(screen.getByTestId('letter-file'), file(letter, 'autumn.docx'));
    await screen.findByText('autumn.docx is the letter in English of segment SEG00001 (2 merge fields).');
    expect(screen.getByTestId('notice-warning').textContent).toMatch(
      /^1 field of the letter matches no field and stays as it is:Shoe size$/,
    );
    const saved = (await ws.segments.get('SEG00001'))!.header.letters.ENU;
    expect(compileLetter(saved.ooxml).keys).toEqual(['contact.name', 'contact.languageCode']);

    const urls: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (b: Blob) => (urls.push(b), 'blob:merged');
    try {
      await userEvent.click(screen.getByTestId('merge-new'));
      // Luca has no Language Code: the check says so, and the merge goes on once accepted.
      await userEvent.click(await screen.findByTestId('accept-merge'));
      await waitFor(() => expect(urls).toHaveLength(1));
    } finally {
      URL.createObjectURL = create;
    }
    const parts = readDocxParts(new Uint8Array(await urls[0].arrayBuffer()));
    const text = parts['word/document.xml'].replace(/<[^>]+>/g, '');
    expect(text).toContain('Dear Zoe Neri, «Shoe size» ENU');
    expect(text).toContain('Dear Anna Bianchi, «Shoe size» ITA');
    expect(parts['word/comments.xml']).toContain('Call Anna first');

    // Log asks first, in BC's Log Segment dialog, and says what the entries keep outside Word.
    await userEvent.click(screen.getByTestId('log'));
    await logInDialog(3);
    await screen.findByText(/Segment logged: 3 interaction log entries/);
    expect(
      screen.getByText('Each entry keeps its contact’s letter as merged now, as in the .docx download.'),
    ).toBeTruthy();
    expect(screen.queryByText(/Not merged in this document/)).toBeNull();
    expect(await ws.interactionLog.list({ segmentNo: 'SEG00001' })).toHaveLength(3);
  });

  test('on a team server the comments’ author is the user the server knows, not the profile’s User ID', async () => {
    await ws.profile.update({ userId: 'LOCAL' });
    show(undefined, 'en', fakeTeam({ known: true, user: 'anna', role: 'member' }));
    await ready();
    await userEvent.upload(
      screen.getByTestId('letter-file'),
      file(docx('<w:p><w:r><w:t xml:space="preserve">Dear «Name»</w:t></w:r></w:p>'), 'plain.docx'),
    );
    await screen.findByText('plain.docx is the letter in English of segment SEG00001 (1 merge field).');
    const urls: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (b: Blob) => (urls.push(b), 'blob:merged');
    try {
      await userEvent.click(screen.getByTestId('merge-new'));
      await waitFor(() => expect(urls).toHaveLength(1));
    } finally {
      URL.createObjectURL = create;
    }
    const comments = readDocxParts(new Uint8Array(await urls[0].arrayBuffer()))['word/comments.xml'];
    expect(comments).toContain('w:author="anna"');
    expect(comments).not.toContain('LOCAL');
  });

  test('Log opens the Log dialog and writes nothing until it is confirmed', async () => {
    await giveEnglishLetter();
    show(undefined);
    await ready();
    await userEvent.click(screen.getByTestId('log'));
    await screen.findByTestId('log-no-blockers');
    expect(screen.getByTestId('log-entries').textContent).toContain('3');
    expect(await ws.interactionLog.list({ segmentNo: 'SEG00001' })).toHaveLength(0);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('log-preflight')).toBeNull());
    expect(await ws.interactionLog.list({ segmentNo: 'SEG00001' })).toHaveLength(0);
    expect((await ws.segments.get('SEG00001'))?.header.no).toBe('SEG00001');
  });

  test('an Italian letter writes its dates in Italian for every contact that gets it', async () => {
    await ws.segments.updateLine('SEG00001', 10000, { languageCode: '' });
    await ws.segments.updateLine('SEG00001', 30000, { date: '2026-12-07' });
    show(undefined, 'it');
    await ready();
    await userEvent.selectOptions(screen.getByTestId('letter-language'), 'ITA');
    await userEvent.upload(
      screen.getByTestId('letter-file'),
      file(docx('<w:p><w:r><w:t>Lettera del «Data»</w:t></w:r></w:p>'), 'lettera.docx'),
    );
    await screen.findByText('lettera.docx è la lettera in italiano del segmento SEG00001 (1 campo unione).');
    await userEvent.click(screen.getByTestId('check'));
    await userEvent.selectOptions(await screen.findByTestId('preview-line'), '10000');
    expect(screen.getByTestId('preview-text').textContent).toBe('Lettera del 2 marzo 2026\n');
    await userEvent.selectOptions(screen.getByTestId('preview-line'), '30000');
    expect(screen.getByTestId('preview-text').textContent).toBe('Lettera del 7 dicembre 2026\n');
  });

  test('a document without text is refused, and nothing is written', async () => {
    show(undefined);
    await ready();
    const before = (await ws.segments.get('SEG00001'))!.header.letters;
    await userEvent.upload(screen.getByTestId('letter-file'), file(docx('<w:p/>'), 'empty.docx'));
    expect((await screen.findByTestId('notice-error')).textContent).toBe(
      'empty.docx has no text: write the letter in Word and upload it again.',
    );
    expect((await ws.segments.get('SEG00001'))!.header.letters).toEqual(before);
  });

  test("replacing the segment's letter asks first, naming it", async () => {
    await giveEnglishLetter();
    show(undefined);
    await ready();
    const upload = () =>
      userEvent.upload(
        screen.getByTestId('letter-file'),
        file(docx('<w:p><w:r><w:t>Hello «City»</w:t></w:r></w:p>'), 'new.docx'),
      );
    await upload();
    const question = await screen.findByTestId('confirm-text');
    expect(question.textContent).toBe('Segment SEG00001 already has a letter in English. Replace it with new.docx?');
    await userEvent.click(buttonInDialogOf(question, 'No'));
    await waitFor(() => expect(screen.queryByTestId('confirm-text')).toBeNull());
    expect((await ws.segments.get('SEG00001'))!.header.letters.ENU.ooxml).toBe(letterXml);
    expect(screen.queryByTestId('notice-success')).toBeNull();

    await upload();
    await userEvent.click(buttonInDialogOf(await screen.findByTestId('confirm-text'), 'Yes'));
    await screen.findByText('new.docx is the letter in English of segment SEG00001 (1 merge field).');
    expect(compileLetter((await ws.segments.get('SEG00001'))!.header.letters.ENU.ooxml).keys).toEqual(['contact.city']);
  });

  test('on an interaction template for the chosen language; replacing its letter asks first, naming the template', async () => {
    await ws.interactionTemplates.upsert([{ code: 'MEMO', letters: { ENU: { subject: 'Memo', ooxml: letterXml } } }]);
    show(undefined, 'it');
    await ready();
    await userEvent.selectOptions(screen.getByTestId('letter-language'), 'ITA');
    await userEvent.selectOptions(screen.getByTestId('upload-target'), 'MEMO');
    await userEvent.upload(
      screen.getByTestId('letter-file'),
      file(docx('<w:p><w:r><w:t>Gentile «Nome»</w:t></w:r></w:p>'), 'lettera.docx'),
    );
    await screen.findByText('lettera.docx è la lettera in italiano del modello di interazione MEMO (1 campo unione).');
    expect(compileLetter((await ws.interactionTemplates.get('MEMO'))!.letters.ITA.ooxml).keys).toEqual([
      'contact.name',
    ]);

    // The English letter of the template is the whole team's: replacing it asks, and No keeps it.
    await userEvent.selectOptions(screen.getByTestId('letter-language'), 'ENU');
    await userEvent.upload(
      screen.getByTestId('letter-file'),
      file(docx('<w:p><w:r><w:t>Gentile «Nome»</w:t></w:r></w:p>'), 'lettera.docx'),
    );
    const question = await screen.findByTestId('confirm-text');
    expect(question.textContent).toBe(
      'Il modello di interazione MEMO ha già una lettera in inglese, usata da ogni segmento che usa il modello. Sostituirla con lettera.docx?',
    );
    await userEvent.click(buttonInDialogOf(question, 'No'));
    await waitFor(() => expect(screen.queryByTestId('confirm-text')).toBeNull());
    expect((await ws.interactionTemplates.get('MEMO'))!.letters.ENU.ooxml).toBe(letterXml);
  });

  test.each([
    ['not a Word file', strToU8('Name;City\nRossi;Roma'), 'notes.docx', 'notes.docx is not a Word document (.docx).'],
    ['an empty file', new Uint8Array(0), 'empty.docx', 'empty.docx is empty.'],
    [
      'a Word 97-2003 file',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      'old.doc',
      'old.doc is a Word 97-2003 document (.doc): save it as a Word document (.docx) and upload it again.',
    ],
  ])('%s is refused with a sentence naming the file, and nothing is written', async (_what, bytes, name, message) => {
    show(undefined);
    await ready();
    const before = (await ws.segments.get('SEG00001'))!.header.letters;
    await userEvent.upload(screen.getByTestId('letter-file'), file(bytes, name));
    expect((await screen.findByTestId('notice-error')).textContent).toBe(message);
    expect((await ws.segments.get('SEG00001'))!.header.letters).toEqual(before);
  });
});

describe('no open segment', () => {
  test('outside Office it points to the Segments page of this pane, in Word to the Excel pane', async () => {
    ws.close();
    ws = await makeWorkspace();
    show(undefined, 'it');
    expect((await screen.findByTestId('no-segments')).textContent).toBe(
      'Nessun segmento aperto. Crearne uno nella pagina Segmenti (menu ☰) o importare un pacchetto segmento.',
    );
    cleanup();
    show(wordOver(new FakeWordHost(WORD_REQUEST_CAP, letterXml)));
    expect((await screen.findByTestId('no-segments')).textContent).toMatch(/Build one in the Excel pane/);
  });
});
