// Problems of an import, each with its sheet row and column, in English for logs (the pane translates
// them by code with the same parameters).

export type ProblemCode =
  | 'blankRows'
  | 'hiddenRows'
  | 'mergedCells'
  | 'hiddenRowsNotChecked'
  | 'mergedCellsNotChecked'
  | 'dateSystemNotChecked'
  | 'excelError'
  | 'invalidValue'
  | 'notBoolean'
  | 'badType'
  | 'badCorrespondenceType'
  | 'duplicateNo'
  | 'duplicateEmail'
  | 'numbersInTextColumn'
  | 'addressLines'
  | 'unreadNumbers'
  | 'unreadDates'
  | 'narrowColumn'
  | 'scientific'
  | 'overlongRow'
  | 'emailAmbiguous'
  | 'emailSharedInFile'
  | 'emailSharedStored'
  | 'rejectedByStore'
  | 'unknownCountry'
  | 'unknownCode'
  | 'codeCreated'
  | 'companyLinked'
  | 'companyNotFound'
  | 'companyNoNotFound'
  | 'companyAmbiguous'
  | 'companyCreated'
  | 'matchedExisting'
  | 'updatedExisting';

export interface ImportProblem {
  severity: 'error' | 'warning' | 'info';
  code: ProblemCode;
  /** Sheet row number (the first of a run for aggregated notes). */
  row?: number;
  /** Column letter(s) and header. */
  column?: string;
  header?: string;
  /** English text, for logs and as the fallback of the message catalog. */
  message: string;
  params: Record<string, string | number>;
}

export function problem(
  severity: ImportProblem['severity'],
  code: ProblemCode,
  at: { row?: number; column?: string; header?: string },
  params: Record<string, string | number>,
): ImportProblem {
  const all = { ...params, row: at.row ?? '', column: at.column ?? '', header: at.header ?? '' };
  return {
    severity,
    code,
    row: at.row,
    column: at.column,
    header: at.header,
    params: all,
    message:
      severity === 'error' && at.row !== undefined ? notImported(englishMessage(code, all)) : englishMessage(code, all),
  };
}

/** An error on a row leaves the row out of the import: its message ends by saying so. */
const NOT_IMPORTED = 'The row was not imported.';

/** A message and the sentence that follows it, with one full stop between them. */
export function thenSentence(text: string, next: string): string {
  return `${/[.!?]$/.test(text) ? text : `${text}.`} ${next}`;
}

function notImported(text: string): string {
  return thenSentence(text, NOT_IMPORTED);
}

/** The longest a quoted value runs in a message, before it is cut with "…". */
const QUOTE_MAX = 30;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g;
// Other control characters (a tab is a space) and halves of a broken character are shown as the replacement character.
// eslint-disable-next-line no-control-regex
const UNSHOWABLE = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A cell's value as a message quotes it: on one line (lines joined by " / ") and cut after 30 characters. */
export function shortValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = (Array.isArray(value) ? value.join(', ') : String(value))
    .replace(LINE_BREAKS, ' / ')
    .replace(/\t/g, ' ')
    .replace(UNSHOWABLE, '\ufffd');
  const chars = Array.from(text);
  return chars.length > QUOTE_MAX ? `${chars.slice(0, QUOTE_MAX).join('')}…` : text;
}

/**
 * A problem's English text; a bad value that has a value quotes it (invalidValueQuoted), an e-mail that
 * several stored contacts have names them all (emailSharedStoredMany).
 */
const ENGLISH: Record<ProblemCode | 'invalidValueQuoted' | 'emailSharedStoredMany', string> = {
  blankRows: 'Blank rows, skipped ({count}): {rows}.',
  hiddenRows: 'Hidden rows, imported ({count}): {rows}.',
  mergedCells: 'Cells {address} are merged: each cell took the value shown in the merged area.',
  hiddenRowsNotChecked:
    'Hidden rows could not be checked: this Excel cannot report them (ExcelApi 1.9 is needed). Hidden rows were imported like the others.',
  mergedCellsNotChecked: 'Merged cells could not be checked: this Excel cannot report them (ExcelApi 1.13 is needed).',
  dateSystemNotChecked:
    "The workbook's date system could not be checked: this Excel cannot report it (ExcelApi 1.16 is needed). Dates were read in the 1900 date system; in a workbook that uses the 1904 date system they are four years early.",
  excelError: 'Row {row}, column {column} ({header}): the cell holds the Excel error {error}.',
  invalidValue: 'Row {row}, column {column} ({header}): {reason}.',
  invalidValueQuoted: 'Row {row}, column {column} ({header}): "{value}" {reason}.',
  notBoolean: 'Row {row}, column {column} ({header}): "{value}" is not Yes or No.',
  badType: 'Row {row}, column {column} ({header}): "{value}" is not Company or Person.',
  badCorrespondenceType: 'Row {row}, column {column} ({header}): "{value}" is not blank, Hard Copy or Email.',
  duplicateNo: 'Row {row}: contact {no} appears again in row {winner}; row {winner} wins.',
  duplicateEmail:
    'Row {row}: the same name and e-mail ("{name}", {email}) appear again in row {winner}; row {winner} wins.',
  unreadNumbers:
    'Column {column} ({header}): cells that are not numbers as this workspace writes them ({expected}): {count}, the first in row {row} ("{value}"). They were imported as text: filters compare them as text, not as numbers.',
  unreadDates:
    'Column {column} ({header}): cells that are not dates (YYYY-MM-DD or {expected}): {count}, the first in row {row} ("{value}"). They were imported as text: filters compare them as text, not as dates.',
  numbersInTextColumn:
    'Column {column} ({header}): {count} cells are numbers, not text (first in row {row}: {example}). They were taken as the sheet shows them; zeros the sheet dropped cannot come back: format the column as Text and retype them.',
  addressLines:
    'Column {column} ({header}): {count} cells have several lines, the first in row {row} ("{value}"). An address holds one line: the first line went to Address and the others to Address 2, or, where the row gives Address 2, after a comma in the same field.',
  narrowColumn:
    'Row {row}, column {column} ({header}): the column is too narrow to show the number ({value}); the full number was taken.',
  scientific:
    'Row {row}, column {column} ({header}): the number is shown in scientific notation ({value}); the full number was taken.',
  overlongRow: 'Row {row} has {cells} cells but the header has {columns}.',
  emailAmbiguous:
    'Row {row}: several contacts ({nos}) have e-mail {email} and this name; give the row its contact number.',
  emailSharedInFile:
    'Row {row}: e-mail {email} is also given for another name (rows: {rows}); each row is imported as its own contact, sharing the e-mail.',
  emailSharedStored:
    'Row {row}: e-mail {email} is also the e-mail of contact {nos}, which has another name; the row is imported as a new contact sharing the e-mail. To update that contact instead, give the row its contact number.',
  emailSharedStoredMany:
    'Row {row}: e-mail {email} is also the e-mail of contacts {nos}, which have other names; the row is imported as a new contact sharing the e-mail. To update one of them instead, give the row its contact number.',
  rejectedByStore: 'Row {row}: {reason}',
  unknownCountry:
    'Row {row}, column {column} ({header}): "{value}" is not a known country or region; the name is kept, the code left blank.',
  unknownCode: 'Row {row}, column {column} ({header}): {list} {code} does not exist.',
  codeCreated: '{list} {code} created (rows: {rows}).',
  companyLinked: 'Row {row}: linked by its {by} to company {companyNo} "{companyName}".',
  companyNotFound: 'Row {row}: no company contact is named "{companyName}"; the person is imported without a company.',
  companyNoNotFound:
    'Row {row}: no company contact has the number {companyNo}; the person keeps the number but has no company name.',
  companyAmbiguous:
    'Row {row}: several company contacts are named "{companyName}" ({nos}); the person is imported without a company.',
  companyCreated: 'Row {row}: company {companyNo} "{companyName}" created for it.',
  matchedExisting: 'Row {row}: matches contact {no} by {by}; it updates that contact.',
  updatedExisting: 'Row {row}: contact {no} "{name}" was updated.',
};

/** Added to a warning whose value was left out of an imported row. */
const DROPPED = ' The row was imported without this value.';

/** Whether the message of a bad value quotes the value (a blank cell has none to quote). */
export function quotesValue(code: ProblemCode, params: Record<string, string | number>): boolean {
  return code === 'invalidValue' && params.value !== undefined && params.value !== '';
}

export function englishMessage(code: ProblemCode, params: Record<string, string | number>): string {
  const template = quotesValue(code, params)
    ? ENGLISH.invalidValueQuoted
    : code === 'emailSharedStored' && Number(params.count) > 1
      ? ENGLISH.emailSharedStoredMany
      : ENGLISH[code];
  const text = template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
  return params.dropped && code !== 'unknownCountry' ? `${text}${DROPPED}` : text;
}

const SEVERITY_ORDER: Record<ImportProblem['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * The order of a report: errors (rows not imported) first, then warnings, then notes; each in row order
 * (a note on the whole file, which has no row, first), and in the order found within a row.
 */
export function sortProblems(p: ImportProblem[]): ImportProblem[] {
  return p
    .map((x, i) => [x, i] as const)
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a[0].severity] - SEVERITY_ORDER[b[0].severity] ||
        (a[0].row ?? 0) - (b[0].row ?? 0) ||
        a[1] - b[1],
    )
    .map(([x]) => x);
}

/** Consecutive sheet rows grouped: [3,4,5,9] → [[3,4,5],[9]]. */
export function runs(rows: number[]): number[][] {
  const out: number[][] = [];
  for (const r of rows) {
    const cur = out[out.length - 1];
    if (cur && cur[cur.length - 1] === r - 1) cur.push(r);
    else out.push([r]);
  }
  return out;
}

export function runText(run: number[]): string {
  return run.length === 1 ? String(run[0]) : `${run[0]}–${run[run.length - 1]}`;
}

const MAX_RUNS = 20;

/** Sheet rows as runs for a message: "3–5, 9"; past 20 runs, the first 20 and "…". */
export function rowsText(rows: number[]): string {
  const all = runs(rows);
  const shown = all.slice(0, MAX_RUNS).map(runText).join(', ');
  return all.length > MAX_RUNS ? `${shown}, …` : shown;
}
