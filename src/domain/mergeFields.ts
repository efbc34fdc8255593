// The merge fields a letter may hold: their keys (a field content control's tag), where their values
// come from, and the key of their caption in the message catalog (the UI shows captions in the user's
// language). Pure: values are read from plain records.
import type { Salesperson } from './codes';
import type { Contact, ExtraValue } from './contact';
import type { InteractionTemplate } from './interaction';
import type { SegmentHeader, SegmentLine } from './segment';

export type MergeFieldGroup = 'contact' | 'salesperson' | 'segment' | 'interaction' | 'comment' | 'extra';

/** A raw value before it is formatted for the letter's language. */
/**
 * A field's value before it is written in a letter. `{ plain }`: a number of an imported column, written as
 * Excel's General format shows it (no group separators: a year 2015 stays 2015), the decimals in the locale.
 */
export type MergeRawValue = string | number | boolean | { date: string } | { plain: number } | undefined;

export interface MergeFieldDef {
  /** The key: the tag of the field's content control, e.g. `contact.name` or `extra.Region`. */
  key: string;
  group: MergeFieldGroup;
  /** The message-catalog key of the caption; for `extra` fields the caption is the column header. */
  captionKey: string;
}

/** What a letter for one segment line is made from. */
export interface MergeRecord {
  header: SegmentHeader;
  line: SegmentLine;
  contact: Contact | undefined;
  salesperson: Salesperson | undefined;
  template: InteractionTemplate | undefined;
}

interface Source extends MergeFieldDef {
  read(r: MergeRecord): MergeRawValue;
}

const date = (iso: string): MergeRawValue => (iso ? { date: iso } : '');

const contactKeys = [
  'no',
  'name',
  'name2',
  'companyName',
  'jobTitle',
  'salutationCode',
  'address',
  'address2',
  'postCode',
  'city',
  'county',
  'countryRegionCode',
  'email',
  'phoneNo',
  'mobilePhoneNo',
  'languageCode',
] as const;

const salespersonKeys = ['code', 'name', 'jobTitle', 'email', 'phoneNo'] as const;

const sources: Source[] = [
  ...contactKeys.map((k): Source => ({
    key: `contact.${k}`,
    group: 'contact',
    captionKey: `word.field.contact.${k}`,
    read: (r) => r.contact?.[k] ?? '',
  })),
  ...salespersonKeys.map((k): Source => ({
    key: `salesperson.${k}`,
    group: 'salesperson',
    captionKey: `word.field.salesperson.${k}`,
    read: (r) => (k === 'code' ? r.line.salespersonCode : (r.salesperson?.[k] ?? '')),
  })),
  { key: 'segment.no', group: 'segment', captionKey: 'word.field.segment.no', read: (r) => r.header.no },
  {
    key: 'segment.description',
    group: 'segment',
    captionKey: 'word.field.segment.description',
    read: (r) => r.header.description,
  },
  {
    key: 'interaction.date',
    group: 'interaction',
    captionKey: 'word.field.interaction.date',
    read: (r) => date(r.line.date),
  },
  {
    key: 'interaction.subject',
    group: 'interaction',
    captionKey: 'word.field.interaction.subject',
    read: (r) => r.line.subject,
  },
  {
    key: 'interaction.description',
    group: 'interaction',
    captionKey: 'word.field.interaction.description',
    read: (r) => r.line.description,
  },
  {
    key: 'interaction.templateCode',
    group: 'interaction',
    captionKey: 'word.field.interaction.templateCode',
    read: (r) => r.line.interactionTemplateCode,
  },
  {
    key: 'interaction.templateDescription',
    group: 'interaction',
    captionKey: 'word.field.interaction.templateDescription',
    read: (r) => r.template?.description ?? '',
  },
  {
    key: 'interaction.campaignNo',
    group: 'interaction',
    captionKey: 'word.field.interaction.campaignNo',
    read: (r) => r.line.campaignNo,
  },
  {
    key: 'interaction.cost',
    group: 'interaction',
    captionKey: 'word.field.interaction.cost',
    read: (r) => r.line.cost,
  },
  {
    key: 'interaction.duration',
    group: 'interaction',
    captionKey: 'word.field.interaction.duration',
    read: (r) => r.line.duration,
  },
  { key: 'comment', group: 'comment', captionKey: 'word.field.comment', read: (r) => r.line.comment },
];

const byKey = new Map(sources.map((s) => [s.key, s]));

export const EXTRA_PREFIX = 'extra.';
export const COMMENT_FIELD = 'comment';

/** The fixed fields, in the order the pane lists them. */
export const mergeFields: readonly MergeFieldDef[] = sources.map(({ key, group, captionKey }) => ({
  key,
  group,
  captionKey,
}));

/** The fields of `extra` columns, from the headers the contacts carry (sorted, deduplicated). */
export function extraMergeFields(contacts: Iterable<Pick<Contact, 'extra'> | undefined>): MergeFieldDef[] {
  const headers = new Set<string>();
  for (const c of contacts) if (c) for (const h of Object.keys(c.extra)) headers.add(h);
  return [...headers].sort().map((h) => ({ key: `${EXTRA_PREFIX}${h}`, group: 'extra', captionKey: h }));
}

export function isKnownFieldKey(key: string): boolean {
  return byKey.has(key) || (key.startsWith(EXTRA_PREFIX) && key.length > EXTRA_PREFIX.length);
}

/** The raw value of a field for one record; `undefined` when the key names no field. */
export function readMergeValue(key: string, r: MergeRecord): MergeRawValue {
  const s = byKey.get(key);
  if (s) return s.read(r);
  if (key.startsWith(EXTRA_PREFIX)) {
    const v: ExtraValue | undefined = r.contact?.extra[key.slice(EXTRA_PREFIX.length)];
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
      return { date: v };
    if (typeof v === 'number') return { plain: v };
    return v ?? '';
  }
  return undefined;
}
