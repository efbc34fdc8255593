// A real consumer reads the merged .docx: LibreOffice (headless, private profile) converts the letters
// of 3 contacts to flat ODF and to PDF. The text shows each letter with its values, in order; each
// comment is an annotation; the PDF has one page per letter, saved as PNG under test-output/documents.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { DOMParser } from '@xmldom/xmldom';
import { mergedDocx } from '../../src/domain/docx';
import { LetterRenderer } from '../../src/domain/mergeRender';
import { sofficePath } from '../../scripts/system-requirements.mjs';
import { makeContact } from '../builders';
import { fieldControl, letterPackage, makeSource } from '../domain/mergeFixture';
import { mixed, resolve as resolveField } from '../domain/layoutFixture';

const run = promisify(execFile);
const out = resolve('test-output/documents');
let work: string;

beforeAll(() => {
  mkdirSync(out, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'segments-docs-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function soffice(format: string, file: string): Promise<string> {
  const profile = pathToFileURL(join(work, 'profile')).href;
  await run(
    sofficePath(),
    [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', work, file],
    { timeout: 120_000 },
  );
  return join(work, file.replace(/^.*\//, '').replace(/\.docx$/, `.${format.split(':')[0]}`));
}

describe('the merged .docx in LibreOffice', () => {
  it('shows 3 letters with their values in order, each comment as an annotation, one page per letter', async () => {
    const body =
      `<w:p><w:r><w:t xml:space="preserve">Dear </w:t></w:r>${fieldControl('contact.name')}<w:r><w:t>,</w:t></w:r></w:p>` +
      `<w:p><w:r><w:t xml:space="preserve">City: </w:t></w:r>${fieldControl('contact.city')}</w:p>` +
      `<w:p><w:r><w:t xml:space="preserve">Date: </w:t></w:r>${fieldControl('interaction.date')}</w:p>` +
      `<w:p><w:r><w:t xml:space="preserve">Note: </w:t></w:r>${fieldControl('comment')}</w:p>`;
    const src = makeSource(3, letterPackage(body));
    // Line 2 is ITA: its letter is the Italian one, so its date is in Italian.
    src.header.letters.ITA = { subject: 'Offerta', ooxml: letterPackage(body) };
    src.contacts.set('CT00000', makeContact(0, { name: 'Anna Bianchi & Co. <Milano>' }));
    src.lines[1] = { ...src.lines[1], comment: 'Call before\nsending' };
    const rr = new LetterRenderer(src);
    const docx = mergedDocx(
      src.lines.map((l) => rr.render(l)!),
      { author: 'Jo Rossi', initials: 'JR', date: '2026-11-29T10:00:00Z' },
    );
    const file = join(out, 'merged-3.docx');
    writeFileSync(file, docx);

    const fodt = readFileSync(await soffice('fodt', file), 'utf8');
    const doc = new DOMParser().parseFromString(fodt, 'text/xml');
    const annotations = Array.from(doc.getElementsByTagName('office:annotation'));
    expect(
      annotations.map((a) =>
        Array.from(a.getElementsByTagName('text:p'))
          .map((p) => p.textContent)
          .join('|'),
      ),
    ).toEqual(['Remember the discount, Contact 0.', 'Call before|sending', 'Remember the discount, Contact 2.']);
    expect(annotations.map((a) => a.getElementsByTagName('dc:creator')[0]?.textContent)).toEqual([
      'Jo Rossi',
      'Jo Rossi',
      'Jo Rossi',
    ]);

    const txt = readFileSync(await soffice('txt:Text (encoded):UTF8', file), 'utf8').replace(/^\uFEFF/, '');
    const lines = txt.split(/\r?\n/).filter((l) => /^(Dear|City|Date|Note)/.test(l));
    expect(lines).toEqual([
      'Dear Anna Bianchi & Co. <Milano>,',
      'City: London',
      'Date: 29 November 2026',
      'Note: Remember the discount, Contact 0.',
      'Dear Contact 1,',
      'City: Milano',
      'Date: 29 novembre 2026',
      'Note: Call before',
      'Dear Contact 2,',
      'City: London',
      'Date: 29 November 2026',
      'Note: Remember the discount, Contact 2.',
    ]);

    const pdf = await soffice('pdf', file);
    const info = (await run('pdfinfo', [pdf])).stdout;
    expect(/Pages:\s+(\d+)/.exec(info)?.[1]).toBe('3');
    for (const f of readdirSync(out)) if (/^merged-3-page-\d+\.png$/.test(f)) rmSync(join(out, f));
    await run('pdftoppm', ['-png', '-r', '60', pdf, join(out, 'merged-3-page')]);
    const pngs = readdirSync(out).filter((f) => /^merged-3-page-\d+\.png$/.test(f));
    expect(pngs).toHaveLength(3);
    for (const p of pngs) expect(readFileSync(join(out, p)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('shows one-paragraph letters with comments, each letter on its own page with its own header and footer', async () => {
    // ENU lines: a one-paragraph letter without header; ITA lines: a landscape letter with a header
    // («Name», a logo) and a footer (a MERGEFIELD). Every line has a comment.
    const { src, letters } = mixed();
    const file = join(out, 'merged-layout.docx');
    writeFileSync(file, mergedDocx(letters, { author: 'Jo Rossi', fields: { source: src, resolve: resolveField } }));

    const txt = readFileSync(await soffice('txt:Text (encoded):UTF8', file), 'utf8').replace(/^\uFEFF/, '');
    expect(txt.split(/\r?\n/).filter((l) => l.trim())).toEqual([
      'Dear Contact 0, English letter.',
      'Caro Contact 1, lettera italiana.',
      'Dear Contact 2, English letter.',
      'Caro Contact 3, lettera italiana.',
    ]);
    const fodt = new DOMParser().parseFromString(readFileSync(await soffice('fodt', file), 'utf8'), 'text/xml');
    expect(Array.from(fodt.getElementsByTagName('office:annotation')).map((a) => a.textContent)).toEqual(
      src.lines.map((l) => expect.stringContaining(l.comment)),
    );

    const pdf = await soffice('pdf', file);
    expect(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf])).stdout)?.[1]).toBe('4');
    const page = async (n: number) =>
      (await run('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'])).stdout
        .split('\n')
        .map((l) => l.trim().replace(/\s+/g, ' '))
        .filter(Boolean);
    expect(await page(1)).toEqual(['Dear Contact 0, English letter.']);
    expect(await page(2)).toEqual([
      'INTESTAZIONE Contact 1',
      'Caro Contact 1, lettera italiana.',
      'PIE DI PAGINA Milano',
    ]);
    expect(await page(3)).toEqual(['Dear Contact 2, English letter.']);
    expect(await page(4)).toEqual([
      'INTESTAZIONE Contact 3',
      'Caro Contact 3, lettera italiana.',
      'PIE DI PAGINA Milano',
    ]);
    const sizes = (await run('pdfinfo', ['-f', '1', '-l', '4', pdf])).stdout.match(
      /Page\s+\d+ size:\s+[\d.]+ x [\d.]+/g,
    );
    expect(
      sizes?.map((s) =>
        s
          .replace(/^Page\s+\d+ size:\s+/, '')
          .split(' x ')
          .map(Number)
          .map((n) => Math.round(n)),
      ),
    ).toEqual([
      [595, 842],
      [842, 595],
      [595, 842],
      [842, 595],
    ]);
  });
});
