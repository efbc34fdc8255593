// One sheet cell as Excel gives it (value, displayed text, number format, value type) → the value a
// contact field or an extra column takes. Text fields take what the sheet shows; booleans, numbers and
// dates are typed; Excel error values are bad cells.
import type { ContactType, CorrespondenceType } from './enums';
import { normalizeHeader } from './columnMapping';

export type CellValue = string | number | boolean | null;

export interface Cell {
  value: CellValue;
  /** What the sheet shows (Range.text). */
  text: string;
  /** Range.numberFormat ('General', '@', '00000', 'dd/mm/yyyy', …); absent for CSV. */
  format?: string;
  /** Range.valueTypes: 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error' | 'Unknown'; absent for CSV. */
  type?: string;
}

const ERROR_TEXT =
  /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** The Excel error a cell holds (#N/A, #VALUE!, …), if any. */
export function cellError(c: Cell): string | undefined {
  if (c.type === 'Error') return String(c.value ?? c.text);
  if (c.type === undefined && c.format !== undefined && typeof c.value === 'string' && ERROR_TEXT.test(c.value))
    return c.value;
  return undefined;
}

export function isBlankCell(c: Cell): boolean {
  return (c.value === null || (typeof c.value === 'string' && c.value.trim() === '')) && c.text.trim() === '';
}

/** A number format that shows a date (d, y, or a month name), outside quoted text and [..] sections. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === 'General' || format === '@') return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '');
  return /[dy]/i.test(bare) || /m{3,}/i.test(bare);
}

/** Excel's serial day (1900 date system) → ISO date, with the time when the day has a fraction. */
export function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

export interface TextOf {
  text: string;
  /** Set when the shown text could not be taken as it is. */
  note?: 'narrowColumn' | 'scientific';
}

/** The text a text field takes: what the sheet shows, except where the display hides the value. */
export function textOfCell(c: Cell): TextOf {
  const shown = c.text;
  if (typeof c.value === 'number') {
    if (/^#+$/.test(shown.trim())) return { text: plainNumber(c.value), note: 'narrowColumn' };
    if (/\d[Ee][+-]\d/.test(shown) && Number.isInteger(c.value))
      return { text: plainNumber(c.value), note: 'scientific' };
  }
  if (c.format === undefined && c.type === undefined && typeof c.value === 'string') return { text: c.value };
  return { text: shown };
}

function plainNumber(n: number): string {
  return Number.isInteger(n) ? BigInt(n).toString() : String(n);
}

/** A typed value for an extra column: number, boolean, ISO date or the shown text. */
export function extraOfCell(c: Cell): string | number | boolean {
  if (typeof c.value === 'boolean') return c.value;
  if (typeof c.value === 'number') {
    if (isDateFormat(c.format)) return serialToIso(c.value);
    // Zero-padded codes (00184 in a "00000" format) and text-formatted numbers keep what the sheet shows.
    if (c.format === '@' || (c.format && /^0{2,}$/.test(c.format))) return textOfCell(c).text;
    return c.value;
  }
  return textOfCell(c).text;
}

const YES = new Set(['yes', 'true', 'si', 'vero', 'x', '1', 'y', 's']);
const NO = new Set(['no', 'false', 'falso', '0', 'n', '']);

/** A boolean field: TRUE/FALSE cells, 1/0, Yes/No, Sì/No, true/false, X. */
export function booleanOfCell(c: Cell): boolean | undefined {
  if (typeof c.value === 'boolean') return c.value;
  if (typeof c.value === 'number') return c.value === 1 ? true : c.value === 0 ? false : undefined;
  const key = normalizeHeader(textOfCell(c).text);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}

export function contactTypeOf(text: string): ContactType | undefined {
  const k = normalizeHeader(text);
  if (k === 'company' || k === 'societa' || k === 'azienda') return 'Company';
  if (k === 'person' || k === 'persona') return 'Person';
  return undefined;
}

export function correspondenceTypeOf(text: string): CorrespondenceType | undefined {
  const k = normalizeHeader(text);
  if (k === '') return '';
  if (k === 'hardcopy' || k === 'stampa' || k === 'cartaceo' || k === 'lettera') return 'Hard Copy';
  if (k === 'email' || k === 'mail') return 'Email';
  return undefined;
}

/** Codes in one cell, separated by `;` or `,`; upper case as BC keeps codes. */
export function codeListOf(text: string): string[] {
  return text
    .split(/[;,|]/)
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s !== '');
}

/** 0-based column index → Excel letters (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
