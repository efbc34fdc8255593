// @vitest-environment jsdom
// The Mail merge page outside Word, as a user walks it in a browser: upload a .docx letter with a header
// and a footer, check, download, log; then "Show Attachments" gives each entry the letter its contact got.
// Also what the page says when there is nothing to merge, and that its messages never go stale.
import 'fake-indexeddb/auto';
import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { strToU8, zipSync } from 'fflate';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readDocxParts } from '../../../src/domain/docx';
import { ooxmlToText } from '../../../src/domain/mergeOoxml';
import type { UiLanguage } from '../../../src/domain/setup';
import { ConfirmProvider } from '../../../src/ui/common/confirm';
import { I18nProvider } from '../../../src/ui/common/i18n';
import { TOASTER_ID } from '../../../src/ui/common/notify';
import { ServicesProvider } from '../../../src/ui/common/services';
import { MailMergePage } from '../../../src/ui/mailMerge/MailMergePage';
import { wordMessages } from '../../../src/ui/mailMerge/messages';
import { showLetter } from '../../../src/ui/mailMerge/showLetter';
import { paneCatalogs } from '../../../src/ui/shell/catalogs';
import { makeWorkspace, seedMarket } from '../../store/helpers';
import { buttonInDialogOf } from '../render';
import '../setup';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;

beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  await ws.profile.update({ userId: 'jo', salespersonCode: 'JR' });
  await ws.segments.create({ description: 'Autumn letters', interactionTemplateCode: 'ABSTRACT' });
  await ws.segments.addContactList('SEG00001', ['P101', 'P201', 'P300']);
  // Lines are sorted by company: P300 (no company) 10000, P101 (Alfa) 20000, P201 (Beta) 30000.
  await ws.segments.updateLine('SEG00001', 20000, { comment: 'Call Anna first' });
  await ws.segments.updateLine('SEG00001', 30000, { comment: 'Luca prefers email' });
});
afterEach(() => {
  cleanup();
  ws.close();
});

/** The page outside Office; `locale` is the workspace's (Setup), which may differ from the user's language. */
function show(language: UiLanguage = 'en', locale?: string) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language={language} locale={locale} catalogs={[...paneCatalogs, wordMessages]}>
        <ServicesProvider
          value={{ workspace: ws, host: 'none', preferences: { get: () => undefined, set: () => undefined } }}
        >
          <ConfirmProvider>
            <MailMergePage workspace={ws} word={undefined} />
          </ConfirmProvider>
          <Toaster toasterId={TOASTER_ID} />
        </ServicesProvider>
      </I18nProvider>
    </FluentProvider>,
  );
}

async function ready(segmentNo = 'SEG00001') {
  if (segmentNo !== 'SEG00001') {
    const choice = await screen.findByTestId('segment-choice');
    await waitFor(() => expect(choice.querySelector(`option[value="${segmentNo}"]`)).not.toBeNull());
    await userEvent.selectOptions(choice, segmentNo);
  }
  await waitFor(() => expect((screen.getByTestId('segment-choice') as HTMLSelectElement).value).toBe(segmentNo), {
    timeout: 5000,
  });
  await waitFor(() => expect(screen.getByTestId('merge-new').hasAttribute('disabled')).toBe(false));
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const simpleField = (name: string) =>
  `<w:fldSimple w:instr=" MERGEFIELD &quot;${name}&quot; "><w:r><w:t>«${name}»</w:t></w:r></w:fldSimple>`;
const complexField = (name: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD ${name} </w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(`«${name}»`)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;

/** A letter as Word saves it, with a header and a footer, each one paragraph. */
function letterDocx(body: string, header = '', footer = ''): File {
  const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`);
  const bytes = zipSync({
    '[Content_Types].xml': xml(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
        '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>',
    ),
    '_rels/.rels': xml(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/_rels/document.xml.rels': xml(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH1" Type="${R}/header" Target="header1.xml"/><Relationship Id="rIdF1" Type="${R}/footer" Target="footer1.xml"/></Relationships>`,
    ),
    'word/document.xml': xml(
      `<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:footerReference w:type="default" r:id="rIdF1"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
    ),
    'word/header1.xml': xml(`<w:hdr xmlns:w="${W}" xmlns:r="${R}"><w:p>${header}</w:p></w:hdr>`),
    'word/footer1.xml': xml(`<w:ftr xmlns:w="${W}" xmlns:r="${R}"><w:p>${footer}</w:p></w:ftr>`),
  });
  return new File([new Uint8Array(bytes)], 'letter.docx', {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
}

/** The tester's letter: «Name» and Contact No. in the header, Segment No. and «City» in the footer. */
const layoutLetter = (extraHeader = '', extraFooter = '') =>
  letterDocx(
    `<w:p>${run('Dear «Name»,')}</w:p><w:p>${run('Note: «Comment»')}</w:p>`,
    run(`HEADER for «Name» / ${extraHeader}`) + simpleField('Contact No.'),
    run('FOOTER segment ') + complexField('"Segment No."') + run(' city «City»') + extraFooter,
  );

/** Blobs the page hands to the browser (downloads), in order. */
async function capturingDownloads<T>(work: (blobs: Blob[]) => Promise<T>): Promise<T> {
  const blobs: Blob[] = [];
  const create = URL.createObjectURL;
  URL.createObjectURL = (b: Blob) => (blobs.push(b), 'blob:x');
  try {
    return await work(blobs);
  } finally {
    URL.createObjectURL = create;
  }
}

/** The text of the header or footer the .docx's last section names. */
function headerFooter(parts: Record<string, string>, kind: 'header' | 'footer'): string {
  const refs = [...parts['word/document.xml'].matchAll(new RegExp(`<w:${kind}Reference\\b[^>]*r:id="([^"]+)"`, 'g'))];
  const id = refs[refs.length - 1]?.[1];
  const rel = [...parts['word/_rels/document.xml.rels'].matchAll(/<Relationship\b[^>]*\/>/g)].find((m) =>
    m[0].includes(`Id="${id}"`),
  );
  const target = /Target="([^"]+)"/.exec(rel?.[0] ?? '')?.[1];
  return ooxmlToText(parts[`word/${target}`] ?? '').trim();
}

/** What "Show Attachments" gives for the entry of `contactNo`: the parts of the .docx downloaded. */
async function shownLetter(contactNo: string): Promise<Record<string, string>> {
  const entry = (await ws.interactionLog.list({ segmentNo: 'SEG00001' })).find((e) => e.contactNo === contactNo)!;
  return capturingDownloads(async (blobs) => {
    await showLetter(undefined, entry.letter!, `entry-${entry.entryNo}`);
    return readDocxParts(new Uint8Array(await blobs[0].arrayBuffer()));
  });
}

/** The upload's success message. */
const uploaded = () => screen.findByText(/^letter\.docx is the letter in English/, {}, { timeout: 5000 });

async function logSegment() {
  await userEvent.click(screen.getByTestId('log'));
  const preflight = await screen.findByTestId('log-preflight');
  await screen.findByTestId('log-no-blockers');
  await userEvent.click(buttonInDialogOf(preflight, 'Log'));
  await screen.findByText(/Segment logged: 3 interaction log entries/, {}, { timeout: 5000 });
}

describe('a letter with a header and a footer', () => {
  test('its header and footer fields are counted, filled in the download, and kept filled on every logged entry', async () => {
    show();
    await ready();
    await userEvent.upload(screen.getByTestId('letter-file'), layoutLetter());
    // Body: Name, Comment; header: Name, Contact No.; footer: Segment No., City.
    await screen.findByText('letter.docx is the letter in English of segment SEG00001 (6 merge fields).');
    expect(screen.queryByTestId('notice-warning')).toBeNull();

    await userEvent.click(screen.getByTestId('check'));
    await screen.findByTestId('check-clean');

    const merged = await capturingDownloads(async (blobs) => {
      await userEvent.click(screen.getByTestId('merge-new'));
      await waitFor(() => expect(blobs).toHaveLength(1));
      return readDocxParts(new Uint8Array(await blobs[0].arrayBuffer()));
    });
    expect(headerFooter(merged, 'header')).toBe('HEADER for Luca Verdi / P201');

    await logSegment();
    const anna = await shownLetter('P101');
    expect(headerFooter(anna, 'header')).toBe('HEADER for Anna Bianchi / P101');
    expect(headerFooter(anna, 'footer')).toBe('FOOTER segment SEG00001 city Roma');
    expect(ooxmlToText(anna['word/document.xml'])).toContain('Dear Anna Bianchi,');
    const zoe = await shownLetter('P300');
    expect(headerFooter(zoe, 'header')).toBe('HEADER for Zoe Neri / P300');
    expect(headerFooter(zoe, 'footer')).toBe('FOOTER segment SEG00001 city Torino');
  });

  test('the logged letter keeps the comment as a Word comment when the merge attaches comments', async () => {
    show();
    await ready();
    await userEvent.upload(screen.getByTestId('letter-file'), layoutLetter());
    await uploaded();
    await logSegment();
    const anna = await shownLetter('P101');
    expect(anna['word/comments.xml']).toContain('Call Anna first');
    expect(anna['word/comments.xml']).toContain('w:author="jo"');
    expect((await shownLetter('P300'))['word/comments.xml']).toBeUndefined(); // Zoe has no comment
  });

  test('the logged letter has no Word comment when the merge attaches none', async () => {
    show();
    await ready();
    await userEvent.upload(screen.getByTestId('letter-file'), layoutLetter());
    await uploaded();
    await userEvent.click(screen.getByTestId('merge-comments'));
    await logSegment();
    const anna = (await ws.interactionLog.list({ segmentNo: 'SEG00001' })).find((e) => e.contactNo === 'P101')!;
    expect(anna.comment).toBe('Call Anna first');
    expect((await shownLetter('P101'))['word/comments.xml']).toBeUndefined();
  });

  test('fields of the header and footer that match no field are warned about on upload and listed by the check', async () => {
    show();
    await ready();
    await userEvent.upload(
      screen.getByTestId('letter-file'),
      layoutLetter('«Bogus Header Field» ', ` ${complexField('Nothing')}`),
    );
    await uploaded();
    expect(screen.getByTestId('notice-warning').textContent).toBe(
      '2 fields of the letter match no field and stay as they are:Bogus Header FieldNothing',
    );
    await userEvent.click(screen.getByTestId('check'));
    const result = await screen.findByTestId('check-result');
    expect(screen.queryByTestId('check-clean')).toBeNull();
    expect(result.textContent).toContain(
      'Fields that match no field, printed as they are: Bogus Header Field, Nothing',
    );
  });
});

describe('the check of an uploaded letter', () => {
  test('lists the fields of the body that match no field instead of saying every field has data', async () => {
    show();
    await ready();
    await userEvent.upload(
      screen.getByTestId('letter-file'),
      letterDocx(`<w:p>${run('Dear «Name» «Salutation»')}</w:p>`),
    );
    await screen.findByText(/1 field of the letter matches no field/);
    await userEvent.click(screen.getByTestId('check'));
    expect((await screen.findByTestId('check-result')).textContent).toContain(
      'Fields that match no field, printed as they are: Salutation',
    );
    expect(screen.queryByTestId('check-clean')).toBeNull();
  });

  test('is cleared when another letter is uploaded', async () => {
    show();
    await ready();
    await userEvent.upload(screen.getByTestId('letter-file'), letterDocx(`<w:p>${run('Dear «Name»')}</w:p>`));
    await uploaded();
    await userEvent.click(screen.getByTestId('check'));
    await screen.findByTestId('check-clean');
    await userEvent.upload(screen.getByTestId('letter-file'), letterDocx(`<w:p>${run('Hello «City»')}</w:p>`));
    await userEvent.click(buttonInDialogOf(await screen.findByTestId('confirm-text'), 'Yes'));
    await uploaded();
    expect(screen.queryByTestId('check-clean')).toBeNull();
    expect(screen.queryByTestId('preview-text')).toBeNull();
  });
});

describe('nothing to merge', () => {
  test('a segment without lines: the check and the download say there is nothing to merge, never green', async () => {
    await ws.segments.create({ description: 'Empty' });
    show();
    await ready('SEG00002');
    await userEvent.click(screen.getByTestId('check'));
    expect((await screen.findByTestId('check-no-lines')).textContent).toBe(
      'The segment has no lines: there is nothing to merge. Add contacts to it on the Segment page.',
    );
    expect(screen.queryByTestId('check-clean')).toBeNull();
    await capturingDownloads(async (blobs) => {
      await userEvent.click(screen.getByTestId('merge-new'));
      await screen.findByTestId('check-no-lines');
      await waitFor(() => expect(screen.getByTestId('merge-new').hasAttribute('disabled')).toBe(false));
      expect(blobs).toHaveLength(0);
    });
    expect(screen.queryByTestId('notice-error')).toBeNull();
    expect(screen.queryByTestId('check-clean')).toBeNull();
  });

  test('outside Word a segment without a letter speaks of the uploaded letter, not of a document', async () => {
    show();
    await ready();
    await capturingDownloads(() => userEvent.click(screen.getByTestId('merge-new')));
    expect((await screen.findByTestId('notice-error')).textContent).toBe(
      'Segment SEG00001 has no letter for its lines: upload a letter (.docx) first.',
    );
    expect(screen.queryByText(/document is empty/)).toBeNull();
  });
});

describe('the preview', () => {
  test('shows the comment just typed on the Lines tab', async () => {
    show();
    await ready();
    await userEvent.upload(screen.getByTestId('letter-file'), letterDocx(`<w:p>${run('Note: «Comment»')}</w:p>`));
    await uploaded();
    await userEvent.click(screen.getByTestId('check'));
    await userEvent.selectOptions(await screen.findByTestId('preview-line'), '20000');
    expect(screen.getByTestId('preview-text').textContent).toBe('Note: Call Anna first\n');

    await userEvent.click(screen.getByRole('tab', { name: 'Lines' }));
    const box =
      (await screen.findByTestId('comment-20000')).querySelector('textarea') ?? screen.getByTestId('comment-20000');
    await userEvent.clear(box as HTMLElement);
    await userEvent.type(box as HTMLElement, 'Call Anna on Monday');
    await userEvent.tab();
    await waitFor(async () =>
      expect((await ws.segments.get('SEG00001'))!.lines[1].comment).toBe('Call Anna on Monday'),
    );
    await userEvent.click(screen.getByRole('tab', { name: 'Preview' }));
    await userEvent.selectOptions(await screen.findByTestId('preview-line'), '20000');
    await waitFor(() => expect(screen.getByTestId('preview-text').textContent).toBe('Note: Call Anna on Monday\n'));
  });
});

describe('messages', () => {
  test('name the letter’s language in the user’s language, whatever the workspace locale', async () => {
    await ws.segments.updateHeader(
      'SEG00001',
      { letters: { ITA: { subject: 'Offerta', ooxml: '<w:p><w:r><w:t>Gentile cliente</w:t></w:r></w:p>' } } },
      { updateLines: false },
    );
    show('it', 'en-US');
    await ready();
    await userEvent.selectOptions(screen.getByTestId('letter-language'), 'ITA');
    await userEvent.upload(screen.getByTestId('letter-file'), letterDocx(`<w:p>${run('Gentile «Nome»')}</w:p>`));
    expect((await screen.findByTestId('confirm-text')).textContent).toBe(
      'Il segmento SEG00001 ha già una lettera in italiano. Sostituirla con letter.docx?',
    );
    await userEvent.click(buttonInDialogOf(screen.getByTestId('confirm-text'), 'Sì'));
    await screen.findByText('letter.docx è la lettera in italiano del segmento SEG00001 (1 campo unione).');
  });

  test('a field name far wider than the pane wraps inside the warning', async () => {
    show();
    await ready();
    const huge = 'X'.repeat(5000);
    await userEvent.upload(
      screen.getByTestId('letter-file'),
      letterDocx(`<w:p>${run(`Hello «${huge}» «Name»`)}</w:p>`),
    );
    const warning = await screen.findByTestId('notice-warning');
    expect(warning.textContent).toContain(huge);
    const item = [...warning.querySelectorAll('li')].find((li) => li.textContent === huge)!;
    expect(getComputedStyle(item).overflowWrap).toBe('anywhere');
    await userEvent.click(screen.getByTestId('check'));
    const result = await screen.findByTestId('check-result');
    const bar = [...result.querySelectorAll('[data-testid="check-unmatched"]')][0] as HTMLElement;
    expect(getComputedStyle(bar.querySelector('.fui-MessageBarBody') ?? bar).overflowWrap).toBe('anywhere');
  });
});
