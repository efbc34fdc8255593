// RFC 4180 CSV: fields separated by `,`, `;` or a tab (detected from the header line), optionally quoted
// with `"` (a quote inside is written `""`), records ended by CRLF, LF or CR; line breaks inside quotes
// are part of the field. UTF-8 with or without BOM. The first record is the header. Malformed input is a
// SegmentsError('INVALID_INPUT') whose code says what is wrong (csvQuoteNotClosed, csvTextAfterQuote,
// csvQuoteInField) and whose params name the line, the character on it and the column (letter and header).
import { SegmentsError } from './errors';
import { columnLetter } from './sheetCells';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRow {
  /** 1-based physical line where the record starts (a quoted line break moves the next record down). */
  line: number;
  cells: string[];
}

export interface CsvData {
  delimiter: CsvDelimiter;
  header: string[];
  rows: CsvRow[];
}

/** Decodes UTF-8 bytes (a leading BOM is dropped); invalid UTF-8 is an error naming the line it is on. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    throw new SegmentsError(
      'INVALID_INPUT',
      `The file is not UTF-8 text: line ${line} has a character that is not UTF-8. Save it as "CSV UTF-8".`,
      {
        line,
        code: 'csvNotUtf8',
        params: { line },
      },
    );
  }
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Offset of the first byte that starts an invalid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const x = b[i];
    const len = x < 0x80 ? 1 : x >= 0xc2 && x <= 0xdf ? 2 : x >= 0xe0 && x <= 0xef ? 3 : x >= 0xf0 && x <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > b.length) return i;
    for (let k = 1; k < len; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return b.length;
}

/**
 * The delimiter of the header line: the one of `,`, `;` and tab that occurs most often outside quotes
 * (on a tie `,`, then `;`).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semis = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semis++;
    else if (!quoted && ch === '\t') tabs++;
  }
  if (tabs > commas && tabs > semis) return '\t';
  return semis > commas ? ';' : ',';
}

type CsvSyntaxCode = 'csvQuoteNotClosed' | 'csvTextAfterQuote' | 'csvQuoteInField';

export function parseCsv(input: string, opts: { delimiter?: CsvDelimiter } = {}): CsvData {
  const text = stripBom(input);
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  const records: CsvRow[] = [];
  let line = 1;
  let col = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  // `c` is the character's place on its line; the column is the field it is in, by letter and, below the
  // header, by header (as the import report names columns).
  const fail = (code: CsvSyntaxCode, msg: string, l: number, c: number, at = cells.length): never => {
    const letter = columnLetter(at);
    const header = records.length > 0 ? (records[0].cells[at] ?? '').trim() : '';
    const column = header ? `${letter} (${header})` : letter;
    throw new SegmentsError('INVALID_INPUT', `CSV line ${l}, column ${column}, at character ${c}: ${msg}`, {
      line: l,
      character: c,
      code,
      params: { line: l, character: c, column },
    });
  };
  const endRecord = () => {
    cells.push(field);
    field = '';
    // A completely empty line is no record (but its line still counts).
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
  };
  let atFieldStart = true;
  let pending = false;
  while (i < n) {
    const ch = text[i];
    pending = true;
    if (atFieldStart && ch === '"') {
      const openLine = line;
      const openCol = col;
      i++;
      col++;
      for (;;) {
        if (i >= n) fail('csvQuoteNotClosed', 'a quoted field is not closed (opened here)', openLine, openCol);
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            col += 2;
            continue;
          }
          i++;
          col++;
          break;
        }
        if (q === '\r' || q === '\n') {
          field += q === '\r' && text[i + 1] === '\n' ? '\r\n' : q;
          i += q === '\r' && text[i + 1] === '\n' ? 2 : 1;
          line++;
          col = 1;
          continue;
        }
        field += q;
        i++;
        col++;
      }
      const next = text[i];
      if (i < n && next !== delimiter && next !== '\r' && next !== '\n') {
        fail(
          'csvTextAfterQuote',
          `unexpected character ${JSON.stringify(next)} after a closing quote (write "" for a quote inside a quoted field)`,
          line,
          col,
        );
      }
      atFieldStart = false;
      continue;
    }
    if (ch === delimiter) {
      cells.push(field);
      field = '';
      i++;
      col++;
      atFieldStart = true;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      pending = false;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      col = 1;
      recordLine = line;
      atFieldStart = true;
      continue;
    }
    if (ch === '"')
      fail(
        'csvQuoteInField',
        'a quote inside an unquoted field (quote the whole field and write "" for the quote)',
        line,
        col,
      );
    field += ch;
    i++;
    col++;
    atFieldStart = false;
  }
  if (pending) endRecord();
  if (records.length === 0)
    throw new SegmentsError('INVALID_INPUT', 'The CSV file is empty: it has no header line.', { code: 'csvEmpty' });
  const [head, ...rows] = records;
  return { delimiter, header: head.cells, rows };
}
