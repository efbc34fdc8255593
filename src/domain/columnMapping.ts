// Header → contact field mapping for sheet ranges and CSV files. A header is recognised by its English
// name, its Italian name or Business Central's caption, ignoring case, accents, spaces and punctuation
// ("E-Mail" = "email" = "E mail"). Columns that match no field become `extra` fields under their header;
// columns without a header are ignored. The user reviews and corrects the result before anything is written.
import type { ContactFields } from './contact';

/** The contact fields a column can fill (everything but `extra`, `source` and profile answers). */
export type MappableField = Exclude<keyof ContactFields, 'extra' | 'source' | 'profileAnswers'>;

export type MappingTarget =
  { kind: 'field'; field: MappableField } | { kind: 'extra'; name: string } | { kind: 'ignore' };

export interface MappedColumn {
  /** 0-based position in the range. */
  index: number;
  header: string;
  target: MappingTarget;
}

export type MappingIssue =
  | { code: 'duplicateHeader'; header: string; index: number; firstIndex: number }
  | { code: 'blankHeader'; index: number }
  | { code: 'duplicateField'; field: MappableField; index: number; firstIndex: number }
  | { code: 'duplicateExtra'; name: string; index: number; firstIndex: number };

export interface ColumnMapping {
  columns: MappedColumn[];
}

/** Names by field: English, Italian, BC captions. Normalised on load, so write them as users do. */
const SYNONYMS: Record<MappableField, string[]> = {
  no: [
    'No.',
    'Nr.',
    'N.',
    'Number',
    'Numero',
    'Contact No.',
    'Nr. contatto',
    'No',
    'Nr',
    'CustomerID',
    'Customer ID',
    'Customer No.',
    'Codice cliente',
    'Cod. cliente',
    'Nr. cliente',
    'ContactID',
  ],
  type: ['Type', 'Tipo', 'Contact Type', 'Tipo contatto'],
  name: ['Name', 'Nome', 'Contact Name', 'Nome contatto', 'Full Name', 'Nome completo'],
  name2: ['Name 2', 'Nome 2'],
  companyNo: ['Company No.', 'Nr. società', 'Contact Company No.', 'Nr. società contatto'],
  companyName: [
    'Company Name',
    'Nome società',
    'Company',
    'Società',
    'Azienda',
    'Ragione sociale',
    'Contact Company Name',
    'Nome società contatto',
  ],
  jobTitle: ['Job Title', 'Posizione', 'Qualifica', 'Titolo professionale', 'Title', 'Contact Title', 'Titolo'],
  salutationCode: ['Salutation Code', 'Cod. formula di saluto', 'Codice formula di saluto', 'Cod. saluto'],
  address: ['Address', 'Indirizzo', 'Street', 'Via'],
  address2: ['Address 2', 'Indirizzo 2'],
  postCode: ['Post Code', 'CAP', 'ZIP', 'ZIP Code', 'Postal Code', 'Postcode', 'Codice postale', 'Cod. postale'],
  city: ['City', 'Città', 'Comune', 'Località', 'Town'],
  county: ['County', 'Provincia', 'State', 'Prov.', 'Region', 'Regione'],
  countryRegionCode: [
    'Country/Region Code',
    'Cod. paese/area',
    'Codice paese/area',
    'Country',
    'Country Code',
    'Paese',
    'Nazione',
    'Country/Region',
  ],
  languageCode: ['Language Code', 'Cod. lingua', 'Codice lingua', 'Language', 'Lingua'],
  territoryCode: ['Territory Code', 'Cod. zona', 'Codice zona', 'Territory', 'Zona'],
  salespersonCode: ['Salesperson Code', 'Cod. agente', 'Codice agente', 'Salesperson', 'Agente', 'Cod. venditore'],
  email: ['E-Mail', 'Email', 'E-Mail Address', 'Email Address', 'Indirizzo e-mail', 'Posta elettronica', 'Mail'],
  phoneNo: ['Phone No.', 'Nr. telefono', 'Phone', 'Telephone', 'Telefono', 'Tel.'],
  mobilePhoneNo: ['Mobile Phone No.', 'Nr. cellulare', 'Mobile', 'Mobile Phone', 'Cellulare', 'Cell.'],
  correspondenceType: ['Correspondence Type', 'Tipo di corrispondenza', 'Tipo corrispondenza', 'Corres. Type'],
  excludeFromSegment: ['Exclude from Segment', 'Escludi da segmento', 'Escludi dal segmento', 'Escludi da segmenti'],
  mailingGroups: [
    'Mailing Groups',
    'Mailing Group',
    'Mailing Group Code',
    'Gruppi mailing',
    'Gruppo mailing',
    'Cod. gruppo mailing',
  ],
  industryGroups: [
    'Industry Groups',
    'Industry Group',
    'Industry Group Code',
    'Settori industriali',
    'Settore industriale',
  ],
  jobResponsibilities: ['Job Responsibilities', 'Job Responsibility', 'Ruoli professionali', 'Ruolo professionale'],
  businessRelations: ['Business Relations', 'Business Relation', "Relazioni d'affari", "Relazione d'affari"],
};

export const mappableFields = Object.keys(SYNONYMS) as MappableField[];

/** Columns BC knows that the contact here keeps as an extra field, under BC's caption. */
const KNOWN_EXTRAS: Record<string, string[]> = {
  'Fax No.': ['Fax', 'Fax No.', 'Nr. fax', 'Fax Number', 'Numero fax', 'Telefax'],
};

const EXTRA_BY_NAME: Map<string, string> = new Map(
  Object.entries(KNOWN_EXTRAS).flatMap(([caption, names]) =>
    names.map((n) => [normalizeHeader(n), caption] as [string, string]),
  ),
);

/** Lower case, no accents, no spaces or punctuation: "Città" → "citta", "E-Mail" → "email". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const BY_NAME: Map<string, MappableField> = (() => {
  const m = new Map<string, MappableField>();
  for (const field of mappableFields) {
    for (const name of [field, ...SYNONYMS[field]]) {
      const key = normalizeHeader(name);
      const had = m.get(key);
      if (had && had !== field) throw new Error(`column name "${name}" maps to both ${had} and ${field}`);
      m.set(key, field);
    }
  }
  return m;
})();

/** The field a header names, if any. */
export function fieldForHeader(header: string): MappableField | undefined {
  return BY_NAME.get(normalizeHeader(header));
}

/**
 * The suggested mapping of a header row: known names to their field, the rest to `extra`. A field or
 * an extra name claimed twice keeps its first column; the later ones are ignored (and reported) until the
 * user maps them elsewhere.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  return {
    columns: headers.map((raw, index) => {
      const header = raw.trim();
      if (header === '') return { index, header, target: { kind: 'ignore' } };
      const field = fieldForHeader(header);
      return {
        index,
        header,
        target: field ? { kind: 'field', field } : { kind: 'extra', name: extraNameOf(header) },
      };
    }),
  };
}

/** The name an unknown header is kept under as an imported column: BC's caption for a column it knows, else the header. */
export function extraNameOf(header: string): string {
  const trimmed = header.trim();
  return EXTRA_BY_NAME.get(normalizeHeader(trimmed)) ?? trimmed;
}

/**
 * What a mapping without a column for Name (or Company Name, which names a company row) means: a new
 * contact needs a name, so only rows that update an existing contact can be imported. `noName`: a column
 * gives the No. or the e-mail, by which a row can find an existing contact; `noNameNoKey`: none does, so
 * every row would be a new contact without a name and none could be imported.
 */
export type NameMappingIssue = 'noName' | 'noNameNoKey';

export function nameMappingIssue(mapping: ColumnMapping): NameMappingIssue | undefined {
  const fields = new Set(mapping.columns.flatMap((c) => (c.target.kind === 'field' ? [c.target.field] : [])));
  if (fields.has('name') || fields.has('companyName')) return undefined;
  return fields.has('no') || fields.has('email') ? 'noName' : 'noNameNoKey';
}

/** Conflicts in a mapping: blank headers, the same header twice, a field or extra name claimed twice. */
export function mappingIssues(mapping: ColumnMapping): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const headers = new Map<string, number>();
  const fields = new Map<MappableField, number>();
  const extras = new Map<string, number>();
  for (const c of mapping.columns) {
    if (c.header === '') {
      issues.push({ code: 'blankHeader', index: c.index });
    } else {
      const key = normalizeHeader(c.header) || c.header;
      const first = headers.get(key);
      if (first !== undefined)
        issues.push({ code: 'duplicateHeader', header: c.header, index: c.index, firstIndex: first });
      else headers.set(key, c.index);
    }
    if (c.target.kind === 'field') {
      const first = fields.get(c.target.field);
      if (first !== undefined)
        issues.push({ code: 'duplicateField', field: c.target.field, index: c.index, firstIndex: first });
      else fields.set(c.target.field, c.index);
    } else if (c.target.kind === 'extra') {
      const key = c.target.name.toLowerCase();
      const first = extras.get(key);
      if (first !== undefined)
        issues.push({ code: 'duplicateExtra', name: c.target.name, index: c.index, firstIndex: first });
      else extras.set(key, c.index);
    }
  }
  return issues;
}

/** The mapping with every later claim of a field or extra name set to ignore (what an import uses). */
export function effectiveMapping(mapping: ColumnMapping): ColumnMapping {
  const seen = new Set<string>();
  return {
    columns: mapping.columns.map((c) => {
      if (c.target.kind === 'ignore') return c;
      const key = c.target.kind === 'field' ? `f:${c.target.field}` : `x:${c.target.name.toLowerCase()}`;
      if (seen.has(key)) return { ...c, target: { kind: 'ignore' } };
      seen.add(key);
      return c;
    }),
  };
}

/** What is remembered per sheet or table: the target of each header. */
export interface SavedMapping {
  version: 1;
  columns: { header: string; target: MappingTarget }[];
}

export function toSavedMapping(mapping: ColumnMapping): SavedMapping {
  return { version: 1, columns: mapping.columns.map((c) => ({ header: c.header, target: c.target })) };
}

/**
 * The suggestion for `headers`, corrected by what the user chose last time for the same headers. A saved
 * mapping that is malformed or from another shape is ignored (it came from storage: untrusted).
 */
export function restoreMapping(headers: readonly string[], saved: unknown): ColumnMapping {
  const suggested = suggestMapping(headers);
  if (!isSavedMapping(saved)) return suggested;
  const byHeader = new Map<string, MappingTarget[]>();
  for (const c of saved.columns) {
    const list = byHeader.get(c.header.trim()) ?? [];
    list.push(c.target);
    byHeader.set(c.header.trim(), list);
  }
  return {
    columns: suggested.columns.map((c) => {
      const targets = byHeader.get(c.header);
      const target = targets?.shift();
      return target ? { ...c, target } : c;
    }),
  };
}

function isSavedMapping(v: unknown): v is SavedMapping {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<SavedMapping>;
  return (
    s.version === 1 &&
    Array.isArray(s.columns) &&
    s.columns.every((c) => typeof c?.header === 'string' && isTarget(c.target))
  );
}

function isTarget(t: unknown): t is MappingTarget {
  if (typeof t !== 'object' || t === null) return false;
  const x = t as { kind?: unknown; field?: unknown; name?: unknown };
  if (x.kind === 'ignore') return true;
  if (x.kind === 'field') return typeof x.field === 'string' && (mappableFields as string[]).includes(x.field);
  return x.kind === 'extra' && typeof x.name === 'string' && x.name.trim() !== '';
}

/** The key under which a mapping is remembered: the workbook's sheet or table, or a CSV file's name. */
export function mappingKey(source: { workbook?: string; sheet?: string; table?: string; file?: string }): string {
  if (source.file !== undefined && !source.workbook && !source.sheet && !source.table) return `file:${source.file}`;
  return source.table
    ? `table:${source.workbook ?? ''}:${source.table}`
    : `sheet:${source.workbook ?? ''}:${source.sheet ?? ''}`;
}
