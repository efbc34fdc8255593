// What the pilot test needs besides the pane driver: the add-in's own server (a fresh in-memory workspace
// per run), a letter as a Word user saves it (.docx with «Field» text and MERGEFIELD fields), a CSV as a
// Business Central user exports it, and LibreOffice to read the merged document back.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { DOMParser } from '@xmldom/xmldom';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/app';
import type { UiLanguage } from '../../src/domain/setup';
import { makeTranslate, type Translate } from '../../src/ui/common/i18n';
import { excelMessages } from '../../src/ui/import/messages';
import { wordMessages } from '../../src/ui/mailMerge/messages';
import { paneCatalogs } from '../../src/ui/shell/catalogs';
import { httpsOptions } from '../../scripts/certs.mjs';
import { sofficePath } from '../../scripts/system-requirements.mjs';

/** The add-in's server with the production pane and a workspace of its own (PGlite in memory). */
export async function pilotServer(): Promise<RunningServer> {
  const o = await httpsOptions();
  return startServer({ tls: { cert: o.cert, key: o.key }, pane: { kind: 'dist', dir: resolve('dist') } });
}

/** Every message the pilot path shows, the pages loaded on demand included (Mail merge, the imports). */
export function pilotTranslate(language: UiLanguage): Translate {
  return makeTranslate([wordMessages, excelMessages, ...paneCatalogs], language);
}

/** Waits until the pane says it is connected to the shared workspace with nothing waiting to be sent. */
export async function synced(page: Page) {
  await page
    .locator('[data-testid="sync-status"][data-connection="connected"][data-pending="0"]')
    .waitFor({ timeout: 30_000 });
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

/**
 * A letter as Word saves it: «Name» typed as text, City as a simple MERGEFIELD, Company Name and Job Title
 * as complex MERGEFIELDs (begin, instruction, separate, result, end), the way a Word mail-merge letter has them.
 */
export function pilotLetterDocx(): Uint8Array {
  const complex = (name: string) =>
    `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD "${name}" </w:instrText></w:r>` +
    `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(`«${name}»`)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  const body =
    `<w:p>${run('Pilot letter for «Name»,')}</w:p>` +
    `<w:p>${run('City: ')}<w:fldSimple w:instr=" MERGEFIELD City \\* MERGEFORMAT ">${run('«City»')}</w:fldSimple></w:p>` +
    `<w:p>${run('Company: ')}${complex('Company Name')}</w:p>` +
    `<w:p>${run('Job: ')}${complex('Job Title')}</w:p>`;
  const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`);
  return zipSync({
    '[Content_Types].xml': xml(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    ),
    '_rels/.rels': xml(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': xml(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'word/styles.xml': xml(
      `<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`,
    ),
    'word/document.xml': xml(
      `<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
    ),
  });
}

/**
 * Contacts as a Business Central list saved as CSV: one company, its persons named by Company Name only
 * (no Company No.), and one person with a salesperson code that is in no list.
 */
export function pilotCsv(): Buffer {
  const rows = [
    'No.,Name,Type,Company Name,City,Salesperson Code,E-Mail',
    'K100,Verdi Costruzioni S.r.l.,Company,Verdi Costruzioni S.r.l.,Verona,,info@verdi.example',
    'K101,Elena Verdi,Person,Verdi Costruzioni S.r.l.,Verona,,elena@verdi.example',
    'K102,Paolo Neri,Person,Verdi Costruzioni S.r.l.,Verona,XX,paolo@verdi.example',
  ];
  return Buffer.from(rows.join('\r\n') + '\r\n', 'utf8');
}

/** The merged .docx read by LibreOffice (headless, its own profile): the text, and the comments' texts. */
export async function readWithLibreOffice(file: string): Promise<{ text: string; comments: string[] }> {
  const work = mkdtempSync(join(tmpdir(), 'segments-pilot-lo-'));
  const profile = pathToFileURL(join(work, 'profile')).href;
  const convert = async (format: string) => {
    await promisify(execFile)(
      sofficePath(),
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', work, file],
      { timeout: 180_000 },
    );
    return join(work, file.replace(/^.*\//, '').replace(/\.docx$/, `.${format.split(':')[0]}`));
  };
  const text = readFileSync(await convert('txt:Text (encoded):UTF8'), 'utf8').replace(/^\uFEFF/, '');
  const fodt = new DOMParser().parseFromString(readFileSync(await convert('fodt'), 'utf8'), 'text/xml');
  const comments = Array.from(fodt.getElementsByTagName('office:annotation')).map((a) =>
    Array.from(a.getElementsByTagName('text:p'))
      .map((p) => p.textContent)
      .join('\n'),
  );
  return { text, comments };
}
