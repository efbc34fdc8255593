// Lists → sheets: a segment's lines, a logged segment's entries, the interaction log and the contacts,
// each as an ExportTable with BC's captions in the user's language.
import type { Contact } from './contact';
import type { ExportCellKind, ExportTable, ExportValue } from './ports/excelPort';
import type { InteractionLogEntry, LoggedSegment } from './log';
import type { SegmentLine } from './segment';
import type { UiLanguage } from './setup';

type Caption = { en: string; it: string };
interface Col<T> {
  caption: Caption;
  kind: ExportCellKind;
  get(r: T): ExportValue;
}

const c = <T>(en: string, it: string, kind: ExportCellKind, get: (r: T) => ExportValue): Col<T> => ({
  caption: { en, it },
  kind,
  get,
});

const LINE_COLUMNS: Col<SegmentLine>[] = [
  c('Line No.', 'Nr. riga', 'number', (l) => l.lineNo),
  c('Contact No.', 'Nr. contatto', 'text', (l) => l.contactNo),
  c('Contact Company No.', 'Nr. società contatto', 'text', (l) => l.contactCompanyNo),
  c('Description', 'Descrizione', 'text', (l) => l.description),
  c('Salesperson Code', 'Cod. agente', 'text', (l) => l.salespersonCode),
  c('Interaction Template Code', 'Codice modello interazione', 'text', (l) => l.interactionTemplateCode),
  c('Correspondence Type', 'Tipo di corrispondenza', 'text', (l) => l.correspondenceType),
  c('Language Code', 'Codice lingua', 'text', (l) => l.languageCode),
  c('Subject', 'Oggetto', 'text', (l) => l.subject),
  c('Date', 'Data', 'date', (l) => l.date || null),
  c('Cost (LCY)', 'Costo (VL)', 'number', (l) => l.cost),
  c('Duration (Min.)', 'Durata (min.)', 'number', (l) => l.duration),
  c('Campaign No.', 'Nr. campagna', 'text', (l) => l.campaignNo),
  c('Evaluation', 'Valutazione', 'text', (l) => l.evaluation),
  c('Attempt Failed', 'Tentativo non riuscito', 'boolean', (l) => l.attemptFailed),
  c('Comment', 'Commento', 'text', (l) => l.comment),
];

const ENTRY_COLUMNS: Col<InteractionLogEntry>[] = [
  c('Entry No.', 'Nr. movimento', 'number', (e) => e.entryNo),
  c('Logged Segment Entry No.', 'Nr. mov. segmento registrato', 'number', (e) => e.loggedSegmentEntryNo),
  c('Segment No.', 'Nr. segmento', 'text', (e) => e.segmentNo),
  c('Contact No.', 'Nr. contatto', 'text', (e) => e.contactNo),
  c('Contact Company No.', 'Nr. società contatto', 'text', (e) => e.contactCompanyNo),
  c('Date', 'Data', 'date', (e) => e.date),
  c('Time of Interaction', 'Ora interazione', 'text', (e) => e.time),
  c('Description', 'Descrizione', 'text', (e) => e.description),
  c('Subject', 'Oggetto', 'text', (e) => e.subject),
  c('Interaction Template Code', 'Codice modello interazione', 'text', (e) => e.interactionTemplateCode),
  c('Interaction Group Code', 'Cod. gruppo interazioni', 'text', (e) => e.interactionGroupCode),
  c('Correspondence Type', 'Tipo di corrispondenza', 'text', (e) => e.correspondenceType),
  c('Language Code', 'Codice lingua', 'text', (e) => e.languageCode),
  c('Salesperson Code', 'Cod. agente', 'text', (e) => e.salespersonCode),
  c('Information Flow', 'Flusso informazioni', 'text', (e) => e.informationFlow),
  c('Initiated By', 'Avviata da', 'text', (e) => e.initiatedBy),
  c('Cost (LCY)', 'Costo (VL)', 'number', (e) => e.cost),
  c('Duration (Min.)', 'Durata (min.)', 'number', (e) => e.duration),
  c('Attempt Failed', 'Tentativo non riuscito', 'boolean', (e) => e.attemptFailed),
  c('Evaluation', 'Valutazione', 'text', (e) => e.evaluation),
  c('Campaign No.', 'Nr. campagna', 'text', (e) => e.campaignNo),
  c('Canceled', 'Annullato', 'boolean', (e) => e.canceled),
  c('Delivery Status', 'Stato consegna', 'text', (e) => e.deliveryStatus),
  c('User ID', 'ID utente', 'text', (e) => e.userId),
  c('Comment', 'Commento', 'text', (e) => e.comment),
];

const CONTACT_COLUMNS: Col<Contact>[] = [
  c('No.', 'Nr.', 'text', (x) => x.no),
  c('Type', 'Tipo', 'text', (x) => x.type),
  c('Name', 'Nome', 'text', (x) => x.name),
  c('Company No.', 'Nr. società', 'text', (x) => x.companyNo),
  c('Company Name', 'Nome società', 'text', (x) => x.companyName),
  c('Job Title', 'Posizione', 'text', (x) => x.jobTitle),
  c('Address', 'Indirizzo', 'text', (x) => x.address),
  c('Post Code', 'CAP', 'text', (x) => x.postCode),
  c('City', 'Città', 'text', (x) => x.city),
  c('County', 'Provincia', 'text', (x) => x.county),
  c('Country/Region Code', 'Cod. paese/area', 'text', (x) => x.countryRegionCode),
  c('Language Code', 'Codice lingua', 'text', (x) => x.languageCode),
  c('Salesperson Code', 'Cod. agente', 'text', (x) => x.salespersonCode),
  c('E-Mail', 'E-mail', 'text', (x) => x.email),
  c('Phone No.', 'Nr. telefono', 'text', (x) => x.phoneNo),
  c('Mobile Phone No.', 'Nr. cellulare', 'text', (x) => x.mobilePhoneNo),
  c('Correspondence Type', 'Tipo di corrispondenza', 'text', (x) => x.correspondenceType),
  c('Exclude from Segment', 'Escludi da segmento', 'boolean', (x) => x.excludeFromSegment),
  c('Mailing Groups', 'Gruppi mailing', 'text', (x) => x.mailingGroups.join(';')),
];

function build<T>(cols: Col<T>[], rows: readonly T[], lang: UiLanguage, name: string, sheetName: string): ExportTable {
  return {
    name,
    sheetName,
    columns: cols.map((col) => ({ header: col.caption[lang], kind: col.kind })),
    rows: rows.map((r) => cols.map((col) => col.get(r))),
  };
}

/** Excel table names: letters, digits, `_` and `.`, starting with a letter or `_`. */
export function tableNameOf(prefix: string, key: string): string {
  const safe = `${prefix}_${key}`.replace(/[^A-Za-z0-9_.]/g, '_');
  return /^[A-Za-z_]/.test(safe) ? safe : `_${safe}`;
}

export function segmentLinesTable(segmentNo: string, lines: readonly SegmentLine[], lang: UiLanguage): ExportTable {
  return build(
    LINE_COLUMNS,
    lines,
    lang,
    tableNameOf('Segment', segmentNo),
    `${lang === 'it' ? 'Segmento' : 'Segment'} ${segmentNo}`,
  );
}

export function loggedSegmentTable(
  ls: LoggedSegment,
  entries: readonly InteractionLogEntry[],
  lang: UiLanguage,
): ExportTable {
  return build(
    ENTRY_COLUMNS,
    entries,
    lang,
    tableNameOf('LoggedSegment', String(ls.entryNo)),
    `${lang === 'it' ? 'Segm. registrato' : 'Logged Segment'} ${ls.entryNo}`,
  );
}

export function interactionLogTable(entries: readonly InteractionLogEntry[], lang: UiLanguage): ExportTable {
  return build(
    ENTRY_COLUMNS,
    entries,
    lang,
    'InteractionLog',
    lang === 'it' ? 'Mov. log interazione' : 'Interaction Log',
  );
}

export function contactsTable(contacts: readonly Contact[], lang: UiLanguage): ExportTable {
  const extras = [...new Set(contacts.flatMap((x) => Object.keys(x.extra)))];
  const t = build(CONTACT_COLUMNS, contacts, lang, 'Contacts', lang === 'it' ? 'Contatti' : 'Contacts');
  if (extras.length === 0) return t;
  return {
    ...t,
    columns: [...t.columns, ...extras.map((h) => ({ header: h, kind: 'auto' as const }))],
    rows: t.rows.map((r, i) => [...r, ...extras.map((h) => contacts[i].extra[h] ?? null)]),
  };
}
