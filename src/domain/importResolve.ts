// What an import means beyond each row's own cells (segments.md, section 2): codes checked against their
// lists, persons linked to their company, rows without a number matched to contacts already stored.
// Pure: the lists and stored contacts come in, the decisions and their problems go out; contactImport.ts
// writes the result in one action.
import type { Contact } from './contact';
import { problem, rowsText, type ImportProblem } from './importProblems';
import type { PreparedRow } from './sheetImport';

/**
 * Work over many rows as steps: a generator that yields every EVERY rows, run at once (`runNow`) or in
 * slices that hand the thread back whenever one ran longer than a few milliseconds (`runInSlices`), so
 * that checking 100,000 rows before an import never holds the pane for long.
 */
export type Steps<T> = Generator<void, T, void>;
/** Hands the thread back to the browser (and may throw to cancel). */
export type Pause = () => Promise<void>;
const EVERY = 256;
/** The longest a slice runs before the thread is handed back. */
export const SLICE_MS = 10;

/**
 * A new task, so the browser can paint and take input between two slices. Not a timer: browsers hold a
 * timer set from within timers for at least 4 ms, which left a quarter of a sliced pass idle (10 ms of
 * work, 4 ms of waiting). A message to a channel of our own is queued behind the tasks already waiting
 * (the pane's own renders among them), unlike `scheduler.yield()`, whose continuation goes first. A timer
 * only where there is no MessageChannel.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const macrotask: Pause = nextTask;

export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export async function runInSlices<T>(steps: Steps<T>, pause: Pause = macrotask, sliceMs = SLICE_MS): Promise<T> {
  let since = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - since >= sliceMs) {
      await pause();
      since = performance.now();
    }
  }
}

/**
 * Whether a pass yields after item `i` (every EVERY items): `if (every(i)) yield;`. A test, not a
 * generator of its own, which cost an object per item and pass (eight passes over 100,000 rows).
 */
export function every(i: number): boolean {
  return i % EVERY === EVERY - 1;
}

/** The code lists an import checks, by the store's name of the list. */
export type CodeListName =
  | 'salespeople'
  | 'languages'
  | 'territories'
  | 'mailingGroups'
  | 'industryGroups'
  | 'jobResponsibilities'
  | 'businessRelations';

/** Contact fields whose values must exist in a code list. */
export type CodeField =
  | 'salespersonCode'
  | 'languageCode'
  | 'territoryCode'
  | 'mailingGroups'
  | 'industryGroups'
  | 'jobResponsibilities'
  | 'businessRelations';

export const CODE_FIELD_LISTS: Readonly<Record<CodeField, CodeListName>> = {
  salespersonCode: 'salespeople',
  languageCode: 'languages',
  territoryCode: 'territories',
  mailingGroups: 'mailingGroups',
  industryGroups: 'industryGroups',
  jobResponsibilities: 'jobResponsibilities',
  businessRelations: 'businessRelations',
};

/** BC's captions of the lists, for the English text of a problem (the pane translates by `list`). */
const LIST_CAPTIONS: Readonly<Record<CodeListName, string>> = {
  salespeople: 'Salesperson Code',
  languages: 'Language Code',
  territories: 'Territory Code',
  mailingGroups: 'Mailing Group Code',
  industryGroups: 'Industry Group Code',
  jobResponsibilities: 'Job Responsibility Code',
  businessRelations: 'Business Relation Code',
};

/** What to do with a code that is not in its list: create it, import the row without it, or reject the row. */
export type UnknownCodeChoice = 'create' | 'drop' | 'reject';

export interface UnknownCode {
  field: CodeField;
  list: CodeListName;
  code: string;
  /** Sheet rows that carry it. */
  rows: number[];
}

/** The codes each list holds. */
export type KnownCodes = Readonly<Record<CodeListName, ReadonlySet<string>>>;

function codesOf(row: PreparedRow['row'], field: CodeField): string[] {
  const v = row[field];
  if (Array.isArray(v)) return v;
  return typeof v === 'string' && v !== '' ? [v] : [];
}

/** Every code in the rows that its list does not hold, with the rows that carry it. */
export function findUnknownCodes(rows: readonly PreparedRow[], known: KnownCodes): UnknownCode[] {
  return runNow(findUnknownCodesSteps(rows, known));
}

export function* findUnknownCodesSteps(rows: readonly PreparedRow[], known: KnownCodes): Steps<UnknownCode[]> {
  const found = new Map<string, UnknownCode>();
  const fields = Object.keys(CODE_FIELD_LISTS) as CodeField[];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (const field of fields) {
      const list = CODE_FIELD_LISTS[field];
      for (const code of codesOf(r.row, field)) {
        if (known[list].has(code)) continue;
        const key = `${field}\u0000${code}`;
        let u = found.get(key);
        if (!u) found.set(key, (u = { field, list, code, rows: [] }));
        // Rows come in order: a row that carries the code twice is the last one listed.
        if (u.rows[u.rows.length - 1] !== r.sheetRow) u.rows.push(r.sheetRow);
      }
    }
    if (every(i)) yield;
  }
  return [...found.values()];
}

export type UnknownCodeChoices = UnknownCodeChoice | Partial<Record<CodeField, UnknownCodeChoice>>;

export function choiceFor(choices: UnknownCodeChoices | undefined, field: CodeField): UnknownCodeChoice {
  if (choices === undefined) return 'drop';
  return typeof choices === 'string' ? choices : (choices[field] ?? 'drop');
}

export interface CodeDecision {
  rows: PreparedRow[];
  rejectedRows: number[];
  /** Codes to create in their lists, in the same write as the contacts. */
  create: { list: CodeListName; code: string }[];
  problems: ImportProblem[];
}

/**
 * Applies the user's choice to each unknown code. A code to create is one note on the import, naming the
 * list, the code and the rows that carry it; any other unknown code is a warning on each row that carries
 * it (an error when the choice rejects the row), naming the list, the code and what happened.
 */
export function applyCodeChoices(
  rows: readonly PreparedRow[],
  unknown: readonly UnknownCode[],
  choices: UnknownCodeChoices | undefined,
  headerOf: (field: CodeField) => { column?: string; header?: string },
): CodeDecision {
  return runNow(applyCodeChoicesSteps(rows, unknown, choices, headerOf));
}

export function* applyCodeChoicesSteps(
  rows: readonly PreparedRow[],
  unknown: readonly UnknownCode[],
  choices: UnknownCodeChoices | undefined,
  headerOf: (field: CodeField) => { column?: string; header?: string },
): Steps<CodeDecision> {
  const problems: ImportProblem[] = [];
  const rejected = new Set<number>();
  const create: CodeDecision['create'] = [];
  const dropByRow = new Map<number, { field: CodeField; code: string }[]>();
  let done = 0;
  for (const u of unknown) {
    const choice = choiceFor(choices, u.field);
    if (choice === 'create') {
      create.push({ list: u.list, code: u.code });
      // Not a problem of its rows: they are imported with the code, which exists once the import is written.
      problems.push(
        problem('info', 'codeCreated', headerOf(u.field), {
          list: LIST_CAPTIONS[u.list],
          listName: u.list,
          field: u.field,
          code: u.code,
          rows: rowsText(u.rows),
          count: u.rows.length,
        }),
      );
      continue;
    }
    for (const sheetRow of u.rows) {
      if (every(done++)) yield;
      const at = { row: sheetRow, ...headerOf(u.field) };
      const params = { list: LIST_CAPTIONS[u.list], listName: u.list, field: u.field, code: u.code, choice };
      problems.push(
        problem(
          choice === 'reject' ? 'error' : 'warning',
          'unknownCode',
          at,
          choice === 'drop' ? { ...params, dropped: 1 } : params,
        ),
      );
      if (choice === 'reject') rejected.add(sheetRow);
      if (choice === 'drop') {
        const drops = dropByRow.get(sheetRow);
        if (drops) drops.push({ field: u.field, code: u.code });
        else dropByRow.set(sheetRow, [{ field: u.field, code: u.code }]);
      }
    }
  }
  const kept: PreparedRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (every(i)) yield;
    const r = rows[i];
    if (rejected.has(r.sheetRow)) continue;
    const drops = dropByRow.get(r.sheetRow);
    if (!drops) {
      kept.push(r);
      continue;
    }
    const row = { ...r.row } as Record<string, unknown>;
    for (const d of drops) {
      const v = row[d.field];
      if (Array.isArray(v)) row[d.field] = v.filter((c) => c !== d.code);
      else if (v === d.code) delete row[d.field];
    }
    kept.push({ ...r, row: row as PreparedRow['row'] });
  }
  return { rows: kept, rejectedRows: [...rejected], create, problems };
}

export interface CompanyLink {
  sheetRow: number;
  companyName: string;
  /** The company's number; blank for a miss. */
  companyNo: string;
  outcome: 'byNo' | 'byName' | 'created' | 'notFound' | 'ambiguous' | 'unknownNo';
}

/**
 * Links each person to its company: by Company No. when given (it must be a company, stored or in the
 * import), else by an exact Company Name match against company contacts (stored or in the import). A
 * name that matches no company gets a new company when `createCompanies` is set (its number from
 * `newCompanyNo`, called once per distinct name), else the person is imported without a company.
 */
export function linkCompanies(
  rows: readonly (PreparedRow & { row: { no: string } })[],
  stored: readonly Pick<Contact, 'no' | 'type' | 'name'>[],
  options: { createCompanies?: boolean; companyNos?: readonly string[] } = {},
): CompanyLinking {
  return runNow(linkCompaniesSteps(rows, stored, options));
}

export interface CompanyLinking {
  rows: (PreparedRow & { row: { no: string } })[];
  companies: (PreparedRow & { row: { no: string } })[];
  links: CompanyLink[];
  problems: ImportProblem[];
}

export function* linkCompaniesSteps(
  rows: readonly (PreparedRow & { row: { no: string } })[],
  stored: readonly Pick<Contact, 'no' | 'type' | 'name'>[],
  options: { createCompanies?: boolean; companyNos?: readonly string[] } = {},
): Steps<CompanyLinking> {
  const companiesByName = new Map<string, Set<string>>();
  const companyNos = new Set<string>();
  /** Each company's name by its number, so that a person linked by number is reported with it. */
  const companyNames = new Map<string, string>();
  const addCompany = (no: string, name: string) => {
    companyNos.add(no);
    companyNames.set(no, name);
    const set = companiesByName.get(name) ?? new Set<string>();
    set.add(no);
    companiesByName.set(name, set);
  };
  const storedTypes = new Map<string, Contact['type']>();
  for (let i = 0; i < stored.length; i++) {
    const c = stored[i];
    if (c.type === 'Company') addCompany(c.no, c.name);
    storedTypes.set(c.no, c.type);
    if (every(i)) yield;
  }
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.row.type === 'Company' && r.row.name) addCompany(r.row.no, r.row.name);
    if (every(i)) yield;
  }

  const links: CompanyLink[] = [];
  const problems: ImportProblem[] = [];
  const created = new Map<string, PreparedRow & { row: { no: string } }>();
  const spareNos = [...(options.companyNos ?? [])];
  const out: (PreparedRow & { row: { no: string } })[] = [];
  for (let i = 0; i < rows.length; i++) {
    out.push(link(rows[i]));
    if (every(i)) yield;
  }
  return { rows: out, companies: [...created.values()], links, problems };

  function link(r: PreparedRow & { row: { no: string } }): PreparedRow & { row: { no: string } } {
    if (r.row.type === 'Company') return r;
    const companyName = (r.row.companyName ?? '').trim();
    const companyNo = r.row.companyNo ?? '';
    if (companyNo !== '') {
      const known = companyNos.has(companyNo) || storedTypes.get(companyNo) === 'Company';
      links.push({ sheetRow: r.sheetRow, companyName, companyNo, outcome: known ? 'byNo' : 'unknownNo' });
      if (known)
        problems.push(
          problem(
            'info',
            'companyLinked',
            { row: r.sheetRow },
            { companyNo, companyName: companyName || (companyNames.get(companyNo) ?? ''), by: 'Company No.' },
          ),
        );
      else problems.push(problem('warning', 'companyNoNotFound', { row: r.sheetRow }, { companyNo }));
      return r;
    }
    if (companyName === '') return r;
    const matches = companiesByName.get(companyName);
    if (matches && matches.size === 1) {
      const [no] = matches;
      links.push({ sheetRow: r.sheetRow, companyName, companyNo: no, outcome: 'byName' });
      problems.push(
        problem('info', 'companyLinked', { row: r.sheetRow }, { companyNo: no, companyName, by: 'Company Name' }),
      );
      return { ...r, row: { ...r.row, companyNo: no } };
    }
    if (matches && matches.size > 1) {
      links.push({ sheetRow: r.sheetRow, companyName, companyNo: '', outcome: 'ambiguous' });
      problems.push(
        problem('warning', 'companyAmbiguous', { row: r.sheetRow }, { companyName, nos: [...matches].join(', ') }),
      );
      return r;
    }
    if (options.createCompanies && (created.has(companyName) || spareNos.length > 0)) {
      let company = created.get(companyName);
      if (!company) {
        const no = spareNos.shift()!;
        company = {
          sheetRow: r.sheetRow,
          hidden: false,
          row: { no, type: 'Company', name: companyName, source: r.row.source },
        };
        created.set(companyName, company);
        problems.push(problem('info', 'companyCreated', { row: r.sheetRow }, { companyNo: no, companyName }));
      }
      links.push({ sheetRow: r.sheetRow, companyName, companyNo: company.row.no, outcome: 'created' });
      return { ...r, row: { ...r.row, companyNo: company.row.no } };
    }
    links.push({ sheetRow: r.sheetRow, companyName, companyNo: '', outcome: 'notFound' });
    problems.push(problem('warning', 'companyNotFound', { row: r.sheetRow }, { companyName }));
    return r;
  }
}

/** Company names that persons in the rows name and no company (stored or imported) has: what `createCompanies` would create. */
export function missingCompanyNames(
  rows: readonly PreparedRow[],
  stored: readonly Pick<Contact, 'type' | 'name'>[],
): string[] {
  return runNow(missingCompanyNamesSteps(rows, stored));
}

export function* missingCompanyNamesSteps(
  rows: readonly PreparedRow[],
  stored: readonly Pick<Contact, 'type' | 'name'>[],
): Steps<string[]> {
  const names = new Set<string>();
  for (let i = 0; i < stored.length; i++) {
    if (stored[i].type === 'Company') names.add(stored[i].name);
    if (every(i)) yield;
  }
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.row.type === 'Company' && r.row.name) names.add(r.row.name);
    if (every(i)) yield;
  }
  const missing = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const n = (r.row.companyName ?? '').trim();
    if (r.row.type !== 'Company' && !r.row.companyNo && n !== '' && !names.has(n)) missing.add(n);
    if (every(i)) yield;
  }
  return [...missing];
}

export interface ExistingMatch {
  sheetRow: number;
  no: string;
  by: 'email' | 'namePostCode';
}

/** Rows without a number, resolved against the stored contacts by e-mail (and name), else by name and post code. */
export interface UnnumberedRows {
  /** Rows that are a stored contact: offered as updates. */
  matches: ExistingMatch[];
  /** Rows whose e-mail and name several stored contacts share: which one is meant, only a number can say. */
  ambiguous: { sheetRow: number; email: string; nos: string[] }[];
  /** Rows that are new contacts on an e-mail stored contacts of other names have (a shared mailbox). */
  sharedStored: { sheetRow: number; email: string; nos: string[] }[];
}

/** A name or an e-mail as matching compares it: trimmed, in lower case. */
export const fold = (s: string | undefined) => (s ?? '').trim().toLocaleLowerCase();

/**
 * Rows without a number that are a contact already stored, offered as updates, so the same file imported
 * twice updates instead of doubling. Contacts may share an e-mail (a shared mailbox, as BC allows), so
 * within an e-mail the name tells the persons apart:
 * - the stored contact with the row's e-mail and name is the row's contact (several such: ambiguous);
 * - else, when one stored contact has the e-mail and the file gives it for one name only, the e-mail is
 *   that contact's, whose name the row changes;
 * - else the row is a new person on that e-mail (`sharedStored`), never merged into a contact of another name.
 * A row whose e-mail no stored contact has is matched by name and post code when exactly one contact has them.
 */
export function matchExisting(
  rows: readonly PreparedRow[],
  stored: readonly Pick<Contact, 'no' | 'email' | 'name' | 'postCode'>[],
): ExistingMatch[] {
  return runNow(matchExistingSteps(rows, stored));
}

export function* matchExistingSteps(
  rows: readonly PreparedRow[],
  stored: readonly Pick<Contact, 'no' | 'email' | 'name' | 'postCode'>[],
): Steps<ExistingMatch[]> {
  return (yield* resolveUnnumberedSteps(rows, stored)).matches;
}

export function* resolveUnnumberedSteps(
  rows: readonly PreparedRow[],
  stored: readonly Pick<Contact, 'no' | 'email' | 'name' | 'postCode'>[],
): Steps<UnnumberedRows> {
  const byEmail = new Map<string, { no: string; name: string }[]>();
  const byNamePost = new Map<string, string[]>();
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (let i = 0; i < stored.length; i++) {
    const c = stored[i];
    if (c.email) push(byEmail, fold(c.email), { no: c.no, name: fold(c.name) });
    if (c.name) push(byNamePost, `${fold(c.name)}\u0000${fold(c.postCode)}`, c.no);
    if (every(i)) yield;
  }
  // The names the file gives each stored e-mail on its rows without a number.
  const namesInFile = new Map<string, Set<string>>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i].row;
    if (!r.no && r.email && byEmail.has(fold(r.email))) {
      const names = namesInFile.get(fold(r.email)) ?? new Set<string>();
      names.add(fold(r.name));
      namesInFile.set(fold(r.email), names);
    }
    if (every(i)) yield;
  }
  const out: UnnumberedRows = { matches: [], ambiguous: [], sharedStored: [] };
  for (let i = 0; i < rows.length; i++) {
    if (every(i)) yield;
    const r = rows[i];
    if (r.row.no) continue;
    const email = r.row.email ? fold(r.row.email) : '';
    const withEmail = email ? byEmail.get(email) : undefined;
    if (withEmail) {
      const name = fold(r.row.name);
      const same = withEmail.filter((c) => c.name === name);
      if (same.length === 1) out.matches.push({ sheetRow: r.sheetRow, no: same[0].no, by: 'email' });
      else if (same.length > 1)
        out.ambiguous.push({ sheetRow: r.sheetRow, email: r.row.email!, nos: same.map((c) => c.no) });
      else if (withEmail.length === 1 && namesInFile.get(email)!.size === 1)
        out.matches.push({ sheetRow: r.sheetRow, no: withEmail[0].no, by: 'email' });
      else out.sharedStored.push({ sheetRow: r.sheetRow, email: r.row.email!, nos: withEmail.map((c) => c.no) });
      continue;
    }
    const byName = r.row.name ? byNamePost.get(`${fold(r.row.name)}\u0000${fold(r.row.postCode)}`) : undefined;
    if (byName?.length === 1) out.matches.push({ sheetRow: r.sheetRow, no: byName[0], by: 'namePostCode' });
  }
  return out;
}
