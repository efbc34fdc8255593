#!/usr/bin/env node
// Writes test/fixtures/excel-traps.xlsx: a workbook with every trap the Excel import must survive, for
// the checks by hand in real Excel (TESTING.md, "Excel") and the fixture tests. Deterministic: the same
// bytes on every run. Run: node scripts/make-excel-fixture.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'test/fixtures/excel-traps.xlsx');

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// Characters XML cannot hold are written as Excel's _xHHHH_ escapes.
const xmlText = (s) =>
  esc(s).replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`,
  );
const col = (i) => {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

// Cell builders: s(text), n(number, style), b(bool), f(formula, cached value, type), e(error formula)
const s = (v, style) => ({ t: 'inlineStr', v, style });
const n = (v, style) => ({ t: 'n', v, style });
const b = (v) => ({ t: 'b', v });
const f = (formula, cached, type = 'str') => ({ t: type, f: formula, v: cached });

// Styles: 0 General, 1 text "@", 2 "00000", 3 dd/mm/yyyy, 4 #,##0.00, 5 "0"
const STYLE = { text: 1, zip: 2, date: 3, money: 4, integer: 5 };

function cellXml(c, ref) {
  if (c === null || c === undefined) return '';
  const st = c.style ? ` s="${c.style}"` : '';
  if (c.t === 'inlineStr')
    return `<c r="${ref}" t="inlineStr"${st}><is><t xml:space="preserve">${xmlText(c.v)}</t></is></c>`;
  if (c.t === 'n') return `<c r="${ref}"${st}><v>${c.v}</v></c>`;
  if (c.t === 'b') return `<c r="${ref}" t="b"${st}><v>${c.v ? 1 : 0}</v></c>`;
  if (c.f) return `<c r="${ref}" t="${c.t}"${st}><f>${esc(c.f)}</f><v>${esc(String(c.v))}</v></c>`;
  throw new Error(`cell ${ref}`);
}

function sheetXml({ rows, hidden = [], merges = [], widths = [], tablePart = false }) {
  const cols = widths.length
    ? `<cols>${widths.map((w, i) => (w ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : '')).join('')}</cols>`
    : '';
  const body = rows
    .map((r, i) => {
      const h = hidden.includes(i + 1) ? ' hidden="1"' : '';
      return `<row r="${i + 1}"${h}>${(r ?? []).map((c, j) => cellXml(c, `${col(j)}${i + 1}`)).join('')}</row>`;
    })
    .join('');
  const mergeXml = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  const tp = tablePart ? '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>' : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${cols}<sheetData>${body}</sheetData>${mergeXml}${tp}</worksheet>`;
}

const headers = [
  'No.',
  'Name',
  'Company Name',
  'E-Mail',
  'Post Code',
  'City',
  'Country/Region Code',
  'Salesperson Code',
  'Language Code',
  'Type',
  'Exclude from Segment',
  'Mailing Groups',
  'Phone No.',
  'Revenue',
  'Customer Since',
  'Notes',
];
const H = headers.map((h) => s(h));
const person = (no, name, extra = {}) => {
  const r = [
    s(no),
    s(name),
    s('Alfa Srl'),
    s(`${no.toLowerCase()}@example.it`),
    s('00184', STYLE.text),
    s('Roma'),
    s('IT'),
    s('JR'),
    s('ITA'),
    s('Person'),
    b(false),
    s('NEWS;EVENTS'),
    s('06 1234567', STYLE.text),
    n(1234.5, STYLE.money),
    n(46053, STYLE.date),
    s(''),
  ];
  for (const [k, v] of Object.entries(extra)) r[headers.indexOf(k)] = v;
  return r;
};

// Sheet 1 "Contacts": the traps, one per row, with the row number the import report must name.
const contacts = [
  H,
  person('CT001', 'Rossi Mario'), // 2: clean
  person('CT002', 'Bianchi Anna', { 'Post Code': n(184, STYLE.zip) }), // 3: post code 00184 as a number formatted 00000: stays 00184
  person('CT003', 'Verdi Luca', { 'Post Code': n(184) }), // 4: post code typed as a number, General: shows 184 (numbers that should be text)
  person('CT004', 'Neri Sara', { 'Phone No.': n(3912345678, STYLE.integer) }), // 5: phone as a number (format 0) in a too narrow column: shows ####
  person('CT005', 'Russo Paolo', { Name: f('"Russo "&"Paolo"', 'Russo Paolo') }), // 6: a formula: its result is imported
  person('CT006', 'Ferrari Elena', { City: f('NA()', '#N/A', 'e') }), // 7: #N/A: rejected, named
  person('CT007', 'Esposito Dario', { Revenue: f('"a"+1', '#VALUE!', 'e') }), // 8: #VALUE!: rejected, named
  null, // 9: blank row in the middle: skipped, said
  person('CT008', 'Colombo Giulia', { Notes: s('x'.repeat(30_000)) }), // 10: 30,000 characters in an extra column: kept
  person('CT009', 'x'.repeat(30_000)), // 11: 30,000 characters in Name: rejected (longer than 100)
  person('CT010', 'Ricci\u0007Marta'), // 12: a control character: rejected
  person('CT011', 'Greco Ugo', { Notes: s('=HYPERLINK("http://x","y")', STYLE.text) }), // 13: text that looks like a formula: kept as text, exported as text
  person('CT012', 'Hidden Row'), // 14: hidden row: imported, said
  person('CT001', 'Rossi Mario (updated)'), // 15: CT001 again: row 15 wins, row 2 reported
  person('CT013', 'Merged City'), // 16: City merged over F16:F17
  person('CT014', 'Merged City too', { City: null }), // 17
  person('', 'Senza Numero', { 'E-Mail': s('nuovo@example.it') }), // 18: no number: numbered from the series (or matched by e-mail)
  person('CT015', 'Bruno Zoe', { Type: s('Robot') }), // 19: not Company or Person: rejected
  person('CT016', 'Conti Iris', { 'Exclude from Segment': s('Sì') }), // 20: Italian Yes
  person('CT017', 'Costa Ivo', { 'Phone No.': n(393331234567) }), // 21: a long number shown as 3.93E+11 in a General cell
];
const sheet1 = sheetXml({
  rows: contacts,
  hidden: [14],
  merges: ['F16:F17'],
  widths: [10, 22, 14, 24, 10, 12, 8, 8, 8, 10, 8, 14, 5, 12, 12, 30],
});

// Sheet 2 "Leads": an Excel table (ListObject) named Leads, Italian headers.
const it = ['Nr.', 'Nome', 'Nome società', 'CAP', 'Città', 'Cod. agente', 'Gruppi mailing'];
const leads = [
  it.map((h) => s(h)),
  ...Array.from({ length: 8 }, (_, i) => [
    s(`LD${String(i + 1).padStart(3, '0')}`),
    s(`Lead ${i + 1}`),
    s('Beta SpA'),
    s(`0010${i}`, STYLE.text),
    s('Città di Castello'),
    s('BD'),
    s('PROMO, XMAS'),
  ]),
];
const sheet2 = sheetXml({ rows: leads, tablePart: true });
const table1 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Leads" displayName="Leads" ref="A1:G9" totalsRowShown="0"><autoFilter ref="A1:G9"/><tableColumns count="7">${it.map((h, i) => `<tableColumn id="${i + 1}" name="${esc(h)}"/>`).join('')}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;

// Sheet 3 "Duplicate headers", sheet 4 "Header only", sheet 5 "Empty".
const sheet3 = sheetXml({
  rows: [
    [s('No.'), s('E-Mail'), s('Email'), s('Name')],
    [s('DH1'), s('first@example.it'), s('second@example.it'), s('Dup')],
  ],
});
const sheet4 = sheetXml({ rows: [H] });
const sheet5 = sheetXml({ rows: [] });
const sheets = [
  ['Contacts', sheet1],
  ['Leads', sheet2],
  ['Duplicate headers', sheet3],
  ['Header only', sheet4],
  ['Empty', sheet5],
];

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="00000"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/><numFmt numFmtId="166" formatCode="#,##0.00"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

const files = {
  '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>`,
  '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map(([name], i) => `<sheet name="${esc(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`,
  'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  'xl/styles.xml': styles,
  'xl/worksheets/_rels/sheet2.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>`,
  'xl/tables/table1.xml': table1,
};
sheets.forEach(([, xml], i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = xml));

const fixed = new Date(Date.UTC(2026, 0, 1));
const zipped = zipSync(
  Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [strToU8(v), { mtime: fixed, level: 6 }]])),
);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, zipped);
console.log(`wrote ${out} (${zipped.length} bytes)`);
