// Sheet cells → validated contact rows. Every problem carries its sheet row number and column, so the
// import report speaks the sheet's language ("row 57, column E (Post Code)"). Nothing here writes: the
// rows go to `workspace.contacts.upsert` (see contactImport.ts).
import { effectiveMapping, type ColumnMapping, type MappableField, type MappingTarget } from './columnMapping';
import { contactRowSchema, type ContactRow, type ContactSource } from './contact';
import { countryCodeOf } from './countries';
import type { CsvData } from './csv';
import { CsvColumnTyping } from './csvValues';
import { SegmentsError } from './errors';
import { problem, rowsText, shortValue, sortProblems, type ImportProblem, type ProblemCode } from './importProblems';
import { every, SLICE_MS } from './importResolve';
import { textProblemMessage } from './text';
import {
  booleanOfCell,
  cellError,
  codeListOf,
  columnLetter,
  contactTypeOf,
  correspondenceTypeOf,
  extraOfCell,
  isBlankCell,
  textOfCell,
  type Cell,
  type CellValue,
} from './sheetCells';

export interface MergedArea {
  /** 1-based sheet row and 0-based sheet column of the top-left cell. */
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** A block of cells as the Excel adapter (or the CSV reader) gives it: the header row, then the data rows. */
export interface SheetGrid {
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** 0-based sheet column of the first column. */
  firstColumn: number;
  header: string[];
  /** Sheet row number of each data row (1-based; CSV: the line number). */
  rowNumbers: number[];
  values: CellValue[][];
  text: string[][];
  numberFormat?: string[][];
  valueTypes?: string[][];
  /** Sheet row numbers of hidden rows. */
  hiddenRows?: number[];
  mergedAreas?: MergedArea[];
  /** What the host could not report (older Excel): the import report says it was not checked. */
  unchecked?: UncheckedInSheet[];
  /** For the CSV reader: rows with more cells than the header. */
  overlongRows?: { row: number; cells: number }[];
  /**
   * Set for a CSV file (its cells are the text as typed). With `locale`, the cells of imported (extra)
   * columns are typed as Excel types them opening the file in that locale (csvValues.ts).
   */
  csv?: { locale?: string };
}

/** What an older Excel cannot report: hidden rows (< ExcelApi 1.9), merged cells (< 1.13), the date system (< 1.16). */
export type UncheckedInSheet = 'hiddenRows' | 'mergedCells' | 'dateSystem';

export interface PreparedRow {
  sheetRow: number;
  /** The contact row without a number when the sheet had none (numbered later). */
  row: Omit<ContactRow, 'no'> & { no?: string };
  hidden: boolean;
}

export interface PreparedImport {
  rows: PreparedRow[];
  problems: ImportProblem[];
  /** Sheet rows rejected here (with at least one error problem). */
  rejectedRows: number[];
  dataRows: number;
  /** Where each mapped contact field came from: sheet column letter(s) and header (for problems found later). */
  fieldColumns?: Partial<Record<MappableField, { column: string; header: string }>>;
}

/** Options of a preparation. */
export interface PrepareOptions {
  /** BCP 47 tags of the data's language: country names in it are recognised besides English and Italian. */
  dataLocales?: string[];
}

/** The fields that identify a row: a bad value there rejects the row; anywhere else only that value is left out. */
const IDENTITY_FIELDS: ReadonlySet<string> = new Set(['no', 'name']);

/** A key for the reason a value is invalid (the pane translates it), from the schema's issue. */
function reasonOf(iss: { code: string; message: string; maximum?: unknown }): Record<string, string | number> {
  if (iss.code === 'too_big') return { reasonKey: 'tooLong', max: Number(iss.maximum) };
  if (iss.message === 'is not an e-mail address') return { reasonKey: 'notEmail' };
  // The text rule's reasons (text.ts): a NUL is a control character to the user; a lone surrogate is a broken one.
  if (iss.message === textProblemMessage('control') || iss.message === textProblemMessage('nul'))
    return { reasonKey: 'controlCharacters' };
  if (iss.message === textProblemMessage('loneSurrogate')) return { reasonKey: 'brokenCharacter' };
  if (iss.message === 'contains a line break') return { reasonKey: 'lineBreak' };
  if (iss.message === 'is required') return { reasonKey: 'required' };
  return { reasonKey: 'invalid' };
}

const TEXT_KEEPS_ZEROS: MappableField[] = ['no', 'companyNo', 'postCode', 'phoneNo', 'mobilePhoneNo'];
const CODE_FIELDS = new Set<MappableField>([
  'no',
  'companyNo',
  'salutationCode',
  'countryRegionCode',
  'languageCode',
  'territoryCode',
  'salespersonCode',
]);
/** Fields that take several codes in one cell, separated by `;`, `,` or `|`. */
export const LIST_FIELDS: ReadonlySet<MappableField> = new Set<MappableField>([
  'mailingGroups',
  'industryGroups',
  'jobResponsibilities',
  'businessRelations',
]);

export function prepareRows(
  grid: SheetGrid,
  mapping: ColumnMapping,
  source: Omit<ContactSource, 'rowKey'> = {},
  options: PrepareOptions = {},
): PreparedImport {
  const steps = prepareSteps(grid, mapping, source, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * A grid whose data rows are still arriving (a sheet read in blocks): the rows before `arrived()` are
 * in its arrays; its header, row numbers, hidden rows and merged areas are known from the start, what
 * the host could not report (`unchecked`) once `ended()`.
 */
export interface ArrivingRows {
  arrived(): number;
  ended(): boolean;
  /** Resolves once more rows have arrived or the read has ended; rejects when the read failed. */
  more(): Promise<void>;
}

/** What the preparation yields when it needs rows that have not arrived yet. */
const WAIT = -1;

/**
 * The same, in slices: `step` is awaited whenever a slice has run `sliceMs` (progress, yielding to the
 * browser, cancel), so that no task holds the pane long, on a slow or busy machine too. With `arriving`,
 * the rows are prepared as they arrive (each block while the host reads the next), and the preparation
 * ends once the read has.
 */
export async function prepareRowsInSteps(
  grid: SheetGrid,
  mapping: ColumnMapping,
  source: Omit<ContactSource, 'rowKey'>,
  step: (done: number, total: number) => Promise<void>,
  options: PrepareOptions = {},
  sliceMs = SLICE_MS,
  arriving?: ArrivingRows,
): Promise<PreparedImport> {
  const steps = prepareSteps(grid, mapping, source, options, arriving);
  let since = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (r.value === WAIT) {
      await arriving!.more();
      since = performance.now();
      continue;
    }
    if (performance.now() - since >= sliceMs) {
      await step(r.value, grid.rowNumbers.length);
      since = performance.now();
    }
  }
}

function* prepareSteps(
  grid: SheetGrid,
  mapping: ColumnMapping,
  source: Omit<ContactSource, 'rowKey'>,
  options: PrepareOptions,
  arriving?: ArrivingRows,
): Generator<number, PreparedImport> {
  const total = grid.rowNumbers.length;
  const arrived = arriving ? () => arriving.arrived() : () => total;
  // An empty header over rows without a value is an empty range (said once every row has been seen).
  const headerBlank = grid.header.every((h) => h.trim() === '');
  let anyValue = false;
  const columns = effectiveMapping(mapping).columns.filter((c) => c.target.kind !== 'ignore');
  const problems: ImportProblem[] = [];
  const letter = (index: number) => columnLetter(grid.firstColumn + index);
  const cellAt = makeCellReader(grid, problems, letter);
  const hidden = new Set(grid.hiddenRows ?? []);
  const keyColumn = columns.find((c) => c.target.kind === 'field' && c.target.field === 'no');
  const rows: PreparedRow[] = [];
  const rejected = new Set<number>();
  const blank: number[] = [];
  const numbersInText = new Map<number, { count: number; first: number; example: string }>();
  /** Address cells of several lines (Alt+Enter in Excel), by column: their lines were spread, not dropped. */
  const linesIn = new Map<number, { count: number; first: number; example: string }>();
  const addressColumns = columns.filter(
    (c) => c.target.kind === 'field' && (c.target.field === 'address' || c.target.field === 'address2'),
  );
  const words: WordResults = new Map();
  const csvTyping = grid.csv?.locale
    ? new CsvColumnTyping(grid.csv.locale, (column) => grid.text.map((r) => r[column] ?? ''))
    : undefined;
  // Blank rows are blank rows of the data once a row with data follows them (those after the last are not).
  let blankSince: number[] = [];
  let lastDataIndex = -1;
  for (const o of grid.overlongRows ?? []) {
    problems.push(problem('error', 'overlongRow', { row: o.row }, { cells: o.cells, columns: grid.header.length }));
    rejected.add(o.row);
  }

  for (let i = 0; i < total; i++) {
    if (i >= arrived()) {
      while (i >= arrived() && !arriving!.ended()) yield WAIT;
      if (i >= arrived()) break; // the read ended short of its rows (it says why itself)
    }
    // After every row: the caller decides from its clock when to hand the thread back.
    if (i > 0) yield i;
    const sheetRow = grid.rowNumbers[i];
    if (headerBlank && !anyValue) anyValue = grid.values[i]?.some((v) => v !== null && v !== '') ?? false;
    if (rowIsBlank(grid, i, cellAt)) {
      blankSince.push(sheetRow);
      continue;
    }
    for (const b of blankSince) blank.push(b);
    blankSince = [];
    lastDataIndex = i;
    const row: Record<string, unknown> = {};
    const extra: Record<string, string | number | boolean> = {};
    let bad = rejected.has(sheetRow);
    const where = (index: number, header: string) => ({ row: sheetRow, column: letter(index), header });
    for (const col of columns) {
      const cell = cellAt(i, col.index);
      const target = col.target as Exclude<MappingTarget, { kind: 'ignore' }>;
      const identity = target.kind === 'field' && IDENTITY_FIELDS.has(target.field);
      const err = cellError(cell);
      if (err) {
        // One field's bad value never loses the row, unless the field identifies it.
        problems.push(
          problem(
            identity ? 'error' : 'warning',
            'excelError',
            where(col.index, col.header),
            identity ? { error: err } : { error: err, dropped: 1 },
          ),
        );
        if (identity) bad = true;
        continue;
      }
      if (target.kind === 'extra') {
        if (!isBlankCell(cell))
          extra[target.name] = csvTyping ? csvTyping.read(col.index, sheetRow, cell.text) : extraOfCell(cell);
        continue;
      }
      const field = target.field;
      const r = fieldValue(field, cell, options, words);
      if (r.problem) {
        if (r.problem.severity === 'error' && !identity) {
          problems.push(
            problem('warning', r.problem.code, where(col.index, col.header), { ...r.problem.params, dropped: 1 }),
          );
          continue;
        }
        problems.push(problem(r.problem.severity, r.problem.code, where(col.index, col.header), r.problem.params));
        if (r.problem.severity === 'error') bad = true;
      }
      // A country given by name: the code goes to the field, the name is kept under the column's header.
      if (r.keepAs !== undefined && !(col.header in extra)) extra[col.header] = r.keepAs;
      if (r.numberShown !== undefined && TEXT_KEEPS_ZEROS.includes(field)) {
        const n = numbersInText.get(col.index) ?? { count: 0, first: sheetRow, example: r.numberShown };
        n.count++;
        numbersInText.set(col.index, n);
      }
      if (r.value !== undefined) row[field] = r.value;
    }
    for (const col of addressColumns) {
      const field = (col.target as { field: 'address' | 'address2' }).field;
      const moved = addressLines(row, field);
      if (!moved) continue;
      const n = linesIn.get(col.index) ?? { count: 0, first: sheetRow, example: moved };
      n.count++;
      linesIn.set(col.index, n);
    }
    if (Object.keys(extra).length > 0) row.extra = extra;
    const keyValue = keyColumn ? (row.no as string | undefined) : undefined;
    row.source = {
      ...source,
      rowKey: keyValue ? rowKeyOf(keyColumn!.header, keyValue) : rowKeyOf('#row', String(sheetRow)),
    };
    if (row.no === '') delete row.no;
    // A company name and no person name: the row is the company itself.
    if (
      (row.name === undefined || row.name === '') &&
      typeof row.companyName === 'string' &&
      row.companyName !== '' &&
      row.type !== 'Person'
    ) {
      row.name = row.companyName;
      row.type = 'Company';
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      const check = contactRowSchema.safeParse({ ...row, no: row.no ?? 'X' });
      if (check.success) break;
      for (const iss of check.error.issues) {
        const field = String(iss.path[0] ?? '');
        // An extra column's issue names the column it came from (extra.<header>), as a field's does.
        const extraName = field === 'extra' && iss.path.length > 1 ? String(iss.path[1]) : '';
        const col =
          field === 'extra'
            ? columns.find((c) => c.target.kind === 'extra' && c.target.name === extraName)
            : columns.find((c) => c.target.kind === 'field' && c.target.field === field);
        const at = col
          ? where(col.index, col.header)
          : { row: sheetRow, column: field === 'extra' ? '' : field, header: field };
        // The value the report quotes (an element of a list field by its place in the list).
        let value = field === 'extra' ? extra[extraName] : row[field];
        if (Array.isArray(value) && typeof iss.path[1] === 'number') value = value[iss.path[1]];
        const reason = {
          reason: iss.message,
          ...reasonOf(iss as { code: string; message: string; maximum?: unknown }),
          value: shortValue(value),
        };
        if (IDENTITY_FIELDS.has(field) || attempt > 0) {
          problems.push(problem('error', 'invalidValue', at, reason));
          bad = true;
        } else {
          // Imported without that value, and the warning says so.
          problems.push(problem('warning', 'invalidValue', at, { ...reason, dropped: 1 }));
          if (field === 'extra' && extraName) delete extra[extraName];
          else delete row[field];
        }
      }
      if (bad) break;
    }
    if (bad) rejected.add(sheetRow);
    else rows.push({ sheetRow, row: row as PreparedRow['row'], hidden: hidden.has(sheetRow) });
  }

  while (arriving && !arriving.ended()) yield WAIT;
  if (headerBlank && !anyValue) {
    throw grid.csv
      ? new SegmentsError('INVALID_INPUT', 'The CSV file is empty: it has no header line.', { code: 'csvEmpty' })
      : new SegmentsError('INVALID_INPUT', 'The range is empty: select a header row and the rows below it.', {
          code: 'emptyRange',
        });
  }
  if (lastDataIndex < 0) {
    throw grid.csv
      ? new SegmentsError('INVALID_INPUT', 'The file has a header line but no data rows below it.', {
          code: 'csvHeaderOnly',
        })
      : new SegmentsError('INVALID_INPUT', 'The range has a header row but no data rows below it.', {
          code: 'headerOnly',
        });
  }
  for (const [index, n] of linesIn) {
    const header = grid.header[index] ?? '';
    problems.push(
      problem(
        'info',
        'addressLines',
        { row: n.first, column: letter(index), header },
        { count: n.count, value: n.example },
      ),
    );
  }
  for (const [index, n] of numbersInText) {
    const header = grid.header[index] ?? '';
    problems.push(
      problem(
        'warning',
        'numbersInTextColumn',
        { row: n.first, column: letter(index), header },
        { count: n.count, example: n.example },
      ),
    );
  }
  if (csvTyping) problems.push(...csvTyping.problems(letter, grid.header));
  // Blank and hidden rows: one note each, the rows as runs (3–5, 9), however many there are.
  if (blank.length)
    problems.push(problem('info', 'blankRows', { row: blank[0] }, { rows: rowsText(blank), count: blank.length }));
  const hiddenImported = rows.filter((r) => r.hidden).map((r) => r.sheetRow);
  if (hiddenImported.length)
    problems.push(
      problem(
        'info',
        'hiddenRows',
        { row: hiddenImported[0] },
        { rows: rowsText(hiddenImported), count: hiddenImported.length },
      ),
    );
  // What this Excel could not report, said once each rather than passed over in silence.
  for (const u of grid.unchecked ?? []) problems.push(problem('info', `${u}NotChecked`, {}, {}));
  const deduped = yield* dropDuplicates(rows, problems, rejected, lastDataIndex);
  const fieldColumns: PreparedImport['fieldColumns'] = {};
  for (const c of columns)
    if (c.target.kind === 'field') fieldColumns[c.target.field] = { column: letter(c.index), header: c.header };
  return {
    rows: deduped,
    problems: sortProblems(problems),
    rejectedRows: [...rejected].sort((a, b) => a - b),
    dataRows: lastDataIndex + 1 - blank.length,
    fieldColumns,
  };
}

/** The key stored in `source.rowKey`: the column that identifies the row and its value there. */
export function rowKeyOf(header: string, value: string): string {
  return JSON.stringify([header, value]);
}

export function parseRowKey(rowKey: string | undefined): { header: string; value: string } | undefined {
  if (!rowKey) return undefined;
  try {
    const v = JSON.parse(rowKey) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string')
      return { header: v[0], value: v[1] };
  } catch {
    /* not a key of ours */
  }
  return undefined;
}

interface FieldResult {
  value?: unknown;
  /** The value as written, kept as an extra field (a country's name). */
  keepAs?: string;
  numberShown?: string;
  problem?: { severity: 'error' | 'warning'; code: ProblemCode; params: Record<string, string | number> };
}

/**
 * What a word-valued field (Type, Correspondence Type, a yes/no field) made of a cell, by field and
 * cell: a column holds a few words on 100,000 rows, and reading one means normalising its text.
 */
type WordResults = Map<string, FieldResult>;
const WORD_FIELDS = new Set<MappableField>(['type', 'correspondenceType', 'excludeFromSegment']);
/** Distinct words remembered per preparation, at most (a column of free text is not a column of words). */
const MAX_WORDS = 1_000;

function fieldValue(field: MappableField, cell: Cell, options: PrepareOptions, words?: WordResults): FieldResult {
  if (!words || !WORD_FIELDS.has(field) || typeof cell.value !== 'string') return valueOfField(field, cell, options);
  // A text cell's word is read from its value when the host gave nothing else, else from the text shown
  // (textOfCell, booleanOfCell): the key is that text alone.
  const plain = cell.format === undefined && cell.type === undefined;
  const key = `${field}\u0000${plain ? `v${cell.value}` : `t${cell.text}`}`;
  let r = words.get(key);
  if (!r) {
    r = valueOfField(field, cell, options);
    if (words.size < MAX_WORDS) words.set(key, r);
  }
  return r;
}

function valueOfField(field: MappableField, cell: Cell, options: PrepareOptions): FieldResult {
  if (field === 'excludeFromSegment') {
    const b = booleanOfCell(cell);
    return b === undefined
      ? { problem: { severity: 'error', code: 'notBoolean', params: { value: shortValue(cell.text) } } }
      : { value: b };
  }
  const shown = textOfCell(cell);
  const text = shown.text.trim();
  const note: FieldResult['problem'] = shown.note
    ? { severity: 'warning', code: shown.note, params: { value: shown.text } }
    : undefined;
  // A number shown as such (General format) where text belongs: zeros the sheet dropped cannot come back.
  const numberShown =
    typeof cell.value === 'number' && (cell.format === undefined || cell.format === 'General') ? text : undefined;
  if (field === 'type') {
    if (text === '') return {};
    const t = contactTypeOf(text);
    return t ? { value: t } : { problem: { severity: 'error', code: 'badType', params: { value: shortValue(text) } } };
  }
  if (field === 'correspondenceType') {
    const t = correspondenceTypeOf(text);
    return t !== undefined
      ? { value: t }
      : { problem: { severity: 'error', code: 'badCorrespondenceType', params: { value: shortValue(text) } } };
  }
  if (field === 'countryRegionCode') {
    if (text === '') return { value: '' };
    const country = countryCodeOf(text, options.dataLocales);
    if (!country)
      return {
        keepAs: text,
        problem: { severity: 'warning', code: 'unknownCountry', params: { value: text, dropped: 1 } },
      };
    return { value: country.code, keepAs: country.by === 'name' ? text : undefined };
  }
  if (LIST_FIELDS.has(field)) return { value: codeListOf(text), problem: note };
  if (field === 'email') return { value: text, problem: note };
  return { value: CODE_FIELDS.has(field) ? text.toUpperCase() : text, numberShown, problem: note };
}

type CellReader = (rowIndex: number, colIndex: number) => Cell;

function makeCellReader(grid: SheetGrid, problems: ImportProblem[], letter: (i: number) => string): CellReader {
  // A merged area shows its top-left value over every cell it covers: the rows below and the columns to
  // the right take that value (what the user sees), and each area is reported.
  const cover = new Map<string, { r: number; c: number }>();
  const firstDataRow = grid.rowNumbers[0] ?? grid.headerRow + 1;
  const indexOfRow = new Map<number, number>();
  grid.rowNumbers.forEach((n, i) => indexOfRow.set(n, i));
  for (const m of grid.mergedAreas ?? []) {
    const top = indexOfRow.get(m.row);
    const left = m.column - grid.firstColumn;
    const address = `${letter(left)}${m.row}:${letter(left + m.columnCount - 1)}${m.row + m.rowCount - 1}`;
    problems.push(
      problem(
        'warning',
        'mergedCells',
        { row: m.row, column: address },
        { address, inHeader: m.row < firstDataRow ? 1 : 0 },
      ),
    );
    if (top === undefined) continue;
    for (let dr = 0; dr < m.rowCount; dr++) {
      const ri = indexOfRow.get(m.row + dr);
      if (ri === undefined) continue;
      for (let dc = 0; dc < m.columnCount; dc++) if (dr || dc) cover.set(`${ri}:${left + dc}`, { r: top, c: left });
    }
  }
  const raw = (r: number, c: number): Cell => ({
    value: grid.values[r]?.[c] ?? null,
    text: grid.text[r]?.[c] ?? '',
    format: grid.numberFormat?.[r]?.[c],
    type: grid.valueTypes?.[r]?.[c],
  });
  if (cover.size === 0) return raw;
  return (r, c) => {
    const from = cover.get(`${r}:${c}`);
    return from ? raw(from.r, from.c) : raw(r, c);
  };
}

function rowIsBlank(grid: SheetGrid, i: number, cellAt: CellReader): boolean {
  const width = Math.max(grid.header.length, grid.values[i]?.length ?? 0);
  for (let c = 0; c < width; c++) if (!isBlankCell(cellAt(i, c)) || cellError(cellAt(i, c))) return false;
  return true;
}

/** The same contact number twice: the later row wins; the earlier is reported and left out. */
function* dropDuplicates(
  rows: PreparedRow[],
  problems: ImportProblem[],
  rejected: Set<number>,
  done: number,
): Generator<number, PreparedRow[]> {
  const last = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const no = rows[i].row.no;
    if (no) last.set(no, i);
    if (every(i)) yield done;
  }
  const kept: PreparedRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const winner = r.row.no ? last.get(r.row.no)! : i;
    if (winner === i) kept.push(r);
    else {
      problems.push(
        problem('error', 'duplicateNo', { row: r.sheetRow }, { no: r.row.no!, winner: rows[winner].sheetRow }),
      );
      rejected.add(r.sheetRow);
    }
    if (every(i)) yield done;
  }
  return kept;
}

/**
 * A parsed CSV file as a grid: every cell is text; line numbers stand for sheet rows. With the workspace
 * `locale`, imported (extra) columns take numbers and dates as Excel opening the file there would.
 */
export function gridFromCsv(csv: CsvData, options: { locale?: string } = {}): SheetGrid {
  const width = csv.header.length;
  const overlong: { row: number; cells: number }[] = [];
  const text = csv.rows.map((r) => {
    if (r.cells.length > width && r.cells.slice(width).some((c) => c.trim() !== ''))
      overlong.push({ row: r.line, cells: r.cells.length });
    return Array.from({ length: width }, (_, i) => r.cells[i] ?? '');
  });
  return {
    headerRow: 1,
    firstColumn: 0,
    header: csv.header,
    rowNumbers: csv.rows.map((r) => r.line),
    values: text,
    text,
    overlongRows: overlong,
    csv: { locale: options.locale },
  };
}

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/;

/**
 * An address cell of several lines (BC's Address holds one): the first line stays in Address and the others
 * go to Address 2 when the row gives none, else they follow in the same field after a comma. An Address 2 of
 * several lines is joined the same way. Returns the cell as the report quotes it (lines joined by " / "),
 * or undefined when the cell had one line.
 */
function addressLines(row: Record<string, unknown>, field: 'address' | 'address2'): string | undefined {
  const value = row[field];
  if (typeof value !== 'string' || !LINE_BREAKS.test(value)) return undefined;
  const lines = value
    .split(LINE_BREAKS)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const rest = row.address2;
  if (field === 'address' && lines.length > 1 && (rest === undefined || rest === '')) {
    row.address = lines[0];
    row.address2 = lines.slice(1).join(', ');
  } else {
    row[field] = lines.join(', ');
  }
  return lines.join(' / ');
}
