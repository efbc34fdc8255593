// Prepared sheet rows → the workspace (one import flow for Excel and CSV). Before anything is written:
// codes not in their lists get the user's choice (create / import without / reject the row), rows
// without a number are matched to stored contacts (same e-mail, or same name and post code) and offered
// as updates, the rest are numbered from the contact series, and persons are linked to their company.
// Then every valid row (and every code or company to create) is written in one action (one transaction).
// Every link, miss, warning and rejection is reported by sheet row.
import { extraNameOf } from './columnMapping';
import { readCompanyHasPersonsIssue, type Contact, type ContactRow, type ExtraValue } from './contact';
import { problem, rowsText, shortValue, sortProblems, type ImportProblem } from './importProblems';
import {
  applyCodeChoicesSteps,
  every,
  findUnknownCodesSteps,
  linkCompaniesSteps,
  fold,
  matchExistingSteps,
  missingCompanyNamesSteps,
  nextTask,
  resolveUnnumberedSteps,
  runInSlices,
  type Pause,
  type Steps,
  type CodeField,
  type CodeListName,
  type CompanyLink,
  type ExistingMatch,
  type KnownCodes,
  type UnknownCode,
  type UnknownCodeChoices,
} from './importResolve';
import type { ImportReport } from './importReport';
import type { PreparedImport, PreparedRow } from './sheetImport';
import type { Workspace } from './workspace';

export interface ContactImportResult {
  inserted: number;
  updated: number;
  /** Imported rows that carry at least one warning (a value left out, an unknown code, a company not found). */
  warned: number;
  /** Rows not imported. */
  rejected: number;
  /** Every problem: those of the preparation, the numbering and the store, by sheet row. */
  problems: ImportProblem[];
  /** Sheet rows that were not imported. */
  rejectedRows: number[];
  /** The numbers of the imported contacts, in sheet order. */
  contactNos: string[];
  /** Rows that got a number from the contact series (the pane offers to write them into the sheet). */
  generated: { sheetRow: number; no: string }[];
  /** Rows without a number that were matched to a stored contact by e-mail. */
  matchedByEmail: { sheetRow: number; no: string }[];
  /** Rows without a number matched to a stored contact (by e-mail or by name and post code). */
  matchedExisting: ExistingMatch[];
  /** Every person's link to its company, or the miss. */
  companyLinks: CompanyLink[];
  /** Codes that were not in their lists, and what was done. */
  unknownCodes: UnknownCode[];
}

export interface ContactImportOptions {
  /** For codes not in their list; default: import the row without that code. */
  unknownCodes?: UnknownCodeChoices;
  /** Create a company contact for a Company Name that matches none. */
  createCompanies?: boolean;
  /** Rows without a number that match a stored contact: update it (default) or leave the row out. */
  existingMatches?: 'update' | 'skip';
  /**
   * Progress, `done` of `total` rows written. Awaited between the steps before the write (where it may
   * yield to the browser, or throw to cancel: nothing is written yet); during the write it is only
   * called, not awaited (the write is one transaction, which must not wait for a timer); after the write
   * a rejection is ignored, because what was written stays written and its report must be shown.
   */
  onProgress?: (done: number, total: number) => Promise<void>;
  /**
   * Called once, right before the write begins: from then on the import cannot be canceled (the write is
   * one transaction that commits as a whole), so the pane stops offering Cancel.
   */
  onWriting?: () => void;
  /** The longest the checks run before handing the thread back (default SLICE_MS; 0: at every step). */
  sliceMs?: number;
}

export type ImportWorkspace = Pick<Workspace, CodeListName> & {
  contacts: Pick<Workspace['contacts'], 'nextNos' | 'list' | 'importRows'>;
};

/** What the user decides before an import: unknown codes, rows that match stored contacts, companies missing. */
export interface ImportReview {
  unknownCodes: UnknownCode[];
  existingMatches: ExistingMatch[];
  missingCompanies: string[];
}

async function knownCodes(ws: ImportWorkspace): Promise<KnownCodes> {
  const lists: CodeListName[] = [
    'salespeople',
    'languages',
    'territories',
    'mailingGroups',
    'industryGroups',
    'jobResponsibilities',
    'businessRelations',
  ];
  const entries = await Promise.all(
    lists.map(async (l) => [l, new Set((await ws[l].list()).map((c) => c.code))] as const),
  );
  return Object.fromEntries(entries) as unknown as KnownCodes;
}

/**
 * The decisions an import needs from the user, computed from the prepared rows and the workspace; in
 * slices, handing the thread back with `pause` (a macrotask by default) so the pane stays responsive.
 */
export async function reviewImport(
  ws: ImportWorkspace,
  prepared: PreparedImport,
  pause?: Pause,
  sliceMs?: number,
): Promise<ImportReview> {
  const stored = await ws.contacts.list();
  const known = await knownCodes(ws);
  return {
    unknownCodes: await runInSlices(findUnknownCodesSteps(prepared.rows, known), pause, sliceMs),
    existingMatches: await runInSlices(matchExistingSteps(prepared.rows, stored), pause, sliceMs),
    missingCompanies: await runInSlices(missingCompanyNamesSteps(prepared.rows, stored), pause, sliceMs),
  };
}

type NumberedRow = PreparedRow & { row: { no: string } };

/** The rows `keep` accepts, in order, in steps. */
function* filterSteps<T>(items: readonly T[], keep: (item: T) => boolean): Steps<T[]> {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    if (keep(items[i])) out.push(items[i]);
    if (every(i)) yield;
  }
  return out;
}

export async function importContacts(
  ws: ImportWorkspace,
  prepared: PreparedImport,
  options: ContactImportOptions = {},
): Promise<ContactImportResult> {
  const total = prepared.rows.length;
  // Before the write, every pass over the rows runs in slices; between them the thread goes back to the
  // page through the progress callback (which may cancel: nothing is written yet).
  const pause: Pause = options.onProgress ? () => options.onProgress!(0, total) : nextTask;
  const sliced = <T>(steps: Steps<T>) => runInSlices(steps, pause, options.sliceMs);
  const problems = [...prepared.problems];
  const rejected = new Set(prepared.rejectedRows);
  const stored: Contact[] = await ws.contacts.list();
  await pause();

  // Codes not in their lists: the user's choice.
  const unknownCodes = await sliced(findUnknownCodesSteps(prepared.rows, await knownCodes(ws)));
  const headerOf = (field: CodeField) => prepared.fieldColumns?.[field] ?? {};
  const codes = await sliced(applyCodeChoicesSteps(prepared.rows, unknownCodes, options.unknownCodes, headerOf));
  for (const p of codes.problems) problems.push(p);
  for (const r of codes.rejectedRows) rejected.add(r);
  let rows = codes.rows;
  await pause();

  // Rows without a number: the stored contact with the same e-mail and name, or the one contact with the
  // e-mail (a new name for it), else the one with the same name and post code. Contacts may share an
  // e-mail (BC allows it: a shared mailbox): a row with another name is a new person on that e-mail, and
  // a row whose e-mail and name several contacts share is refused (only its number can say which).
  const unnumbered = await sliced(resolveUnnumberedSteps(rows, stored));
  const refused = new Set(unnumbered.ambiguous.map((a) => a.sheetRow));
  for (const a of unnumbered.ambiguous) {
    problems.push(problem('error', 'emailAmbiguous', { row: a.sheetRow }, { email: a.email, nos: a.nos.join(', ') }));
    rejected.add(a.sheetRow);
  }
  const sharedStored = new Set<number>();
  for (const x of unnumbered.sharedStored) {
    sharedStored.add(x.sheetRow);
    problems.push(
      problem(
        'warning',
        'emailSharedStored',
        { row: x.sheetRow },
        { email: x.email, nos: x.nos.join(', '), count: x.nos.length },
      ),
    );
  }
  if (refused.size > 0) rows = await sliced(filterSteps(rows, (r) => !refused.has(r.sheetRow)));
  const matchedExisting = unnumbered.matches;
  const assigned = new Map<PreparedRow, string>();
  const matchByRow = new Map(matchedExisting.map((m) => [m.sheetRow, m]));
  const skip = options.existingMatches === 'skip';
  rows = await sliced(
    filterSteps(rows, (r) => {
      const m = r.row.no ? undefined : matchByRow.get(r.sheetRow);
      if (!m) return true;
      problems.push(
        problem(
          'info',
          'matchedExisting',
          { row: r.sheetRow },
          { no: m.no, by: m.by === 'email' ? 'e-mail' : 'name and post code', byKey: m.by, skipped: skip ? 1 : 0 },
        ),
      );
      if (skip) return false;
      assigned.set(r, m.no);
      return true;
    }),
  );

  // Unmatched rows with the same e-mail and the same name are one new contact: the later row wins. With
  // other names they are other persons sharing the e-mail: each is imported, and told of the others.
  const pending = await sliced(filterSteps(rows, (r) => !r.row.no && !assigned.has(r)));
  const personKey = (r: PreparedRow) => `${fold(r.row.email)}\u0000${fold(r.row.name)}`;
  const lastByPerson = new Map<string, PreparedRow>();
  const toNumber = await sliced(
    (function* (): Steps<PreparedRow[]> {
      for (let i = 0; i < pending.length; i++) {
        const r = pending[i];
        if (r.row.email) lastByPerson.set(personKey(r), r);
        if (every(i)) yield;
      }
      return yield* filterSteps(pending, (r) => {
        if (!r.row.email) return true;
        const winner = lastByPerson.get(personKey(r))!;
        if (winner === r) return true;
        problems.push(
          problem(
            'error',
            'duplicateEmail',
            { row: r.sheetRow },
            { email: r.row.email, name: shortValue(r.row.name), winner: winner.sheetRow },
          ),
        );
        rejected.add(r.sheetRow);
        return false;
      });
    })(),
  );
  await sliced(
    (function* (): Steps<void> {
      const rowsByEmail = new Map<string, number[]>();
      for (let i = 0; i < toNumber.length; i++) {
        const r = toNumber[i];
        if (r.row.email) {
          const e = fold(r.row.email);
          const list = rowsByEmail.get(e);
          if (list) list.push(r.sheetRow);
          else rowsByEmail.set(e, [r.sheetRow]);
        }
        if (every(i)) yield;
      }
      for (let i = 0; i < toNumber.length; i++) {
        const r = toNumber[i];
        const others = r.row.email ? rowsByEmail.get(fold(r.row.email))!.filter((n) => n !== r.sheetRow) : [];
        // A row told that stored contacts have its e-mail is not told again of the file's rows.
        if (others.length > 0 && !sharedStored.has(r.sheetRow))
          problems.push(
            problem(
              'info',
              'emailSharedInFile',
              { row: r.sheetRow },
              { email: r.row.email!, rows: rowsText(others), count: others.length },
            ),
          );
        if (every(i)) yield;
      }
    })(),
  );
  const nos = toNumber.length > 0 ? await ws.contacts.nextNos(toNumber.length) : [];
  const generated = toNumber.map((r, i) => {
    assigned.set(r, nos[i]);
    return { sheetRow: r.sheetRow, no: nos[i] };
  });

  // Numbers matched may meet a row that carries the same number: the later row wins.
  const noOf = (r: PreparedRow) => r.row.no ?? assigned.get(r)!;
  const numbered = await sliced(
    (function* (): Steps<NumberedRow[]> {
      const candidates = yield* filterSteps(
        rows,
        (r) => !rejected.has(r.sheetRow) && Boolean(r.row.no || assigned.has(r)),
      );
      const lastByNo = new Map<string, PreparedRow>();
      for (let i = 0; i < candidates.length; i++) {
        lastByNo.set(noOf(candidates[i]), candidates[i]);
        if (every(i)) yield;
      }
      const out: NumberedRow[] = [];
      for (let i = 0; i < candidates.length; i++) {
        if (every(i)) yield;
        const r = candidates[i];
        const winner = lastByNo.get(noOf(r))!;
        if (winner === r) out.push({ ...r, row: { ...r.row, no: noOf(r) } });
        else {
          problems.push(problem('error', 'duplicateNo', { row: r.sheetRow }, { no: noOf(r), winner: winner.sheetRow }));
          rejected.add(r.sheetRow);
        }
      }
      return out;
    })(),
  );

  // Persons to their company: by Company No., else by exact Company Name (a new company if asked).
  const missing = options.createCompanies ? await sliced(missingCompanyNamesSteps(numbered, stored)) : [];
  const companyNos = missing.length > 0 ? await ws.contacts.nextNos(missing.length) : [];
  const linked = await sliced(
    linkCompaniesSteps(numbered, stored, { createCompanies: options.createCompanies, companyNos }),
  );
  for (const p of linked.problems) problems.push(p);
  await pause();

  const final = [...linked.companies, ...linked.rows];
  const written: ContactRow[] = final.map((r) => r.row as ContactRow);
  // The store validates and writes in batches within its one transaction, and says how far it got.
  const writing = options.onProgress
    ? {
        onProgress: (done: number, steps: number) =>
          void options.onProgress?.(Math.round((done / Math.max(1, steps)) * total), total).catch(() => undefined),
      }
    : undefined;
  options.onWriting?.();
  const report: ImportReport =
    written.length > 0
      ? await ws.contacts.importRows({ rows: written, createCodes: codes.create }, writing)
      : { inserted: 0, updated: 0, rejected: [], results: [] };
  await options.onProgress?.(total, total).catch(() => undefined);
  // After the write, the report is built in slices too; a cancel now is ignored (what was written stays).
  const after: Pause = nextTask;
  const { contactNos, warned, kept } = await runInSlices(
    (function* () {
      for (let i = 0; i < report.rejected.length; i++) {
        const rej = report.rejected[i];
        const sheetRow = final[rej.index]?.sheetRow;
        // A key for the pane's message: the store's reasons are English text.
        const hasPersons = rej.issues.map(readCompanyHasPersonsIssue).find((x) => x !== undefined);
        const reasonKey = hasPersons
          ? 'companyHasPersons'
          : rej.issues.some((x) => x.startsWith('name: is required'))
            ? 'nameRequired'
            : 'invalid';
        problems.push(
          problem(
            'error',
            'rejectedByStore',
            { row: sheetRow },
            { reason: rej.issues.join('; '), reasonKey, ...(hasPersons && { no: rej.key ?? '', ...hasPersons }) },
          ),
        );
        if (sheetRow !== undefined) rejected.add(sheetRow);
        if (every(i)) yield;
      }
      const kept = new Set<string>();
      const contactNos: string[] = [];
      const createdCompanies = new Set(linked.companies.map((c) => c.row.no));
      for (let i = 0; i < report.results.length; i++) {
        const r = report.results[i];
        if (r.outcome !== 'rejected') {
          kept.add(r.key);
          if (!createdCompanies.has(r.key)) contactNos.push(r.key);
        }
        if (every(i)) yield;
      }
      const importedRows = new Set<number>();
      for (let i = 0; i < final.length; i++) {
        if (kept.has(final[i].row.no)) importedRows.add(final[i].sheetRow);
        if (every(i)) yield;
      }
      // A row that updated a stored contact by its number is named (one matched by e-mail or by name and
      // post code already is, by its match).
      const updated = report.results.filter((r) => r.outcome === 'updated');
      if (updated.length > 0) {
        const storedNames = new Map<string, string>();
        for (let i = 0; i < stored.length; i++) {
          storedNames.set(stored[i].no, stored[i].name);
          if (every(i)) yield;
        }
        for (let i = 0; i < updated.length; i++) {
          const r = final[updated[i].index];
          if (r && !matchByRow.has(r.sheetRow))
            problems.push(
              problem(
                'info',
                'updatedExisting',
                { row: r.sheetRow },
                { no: r.row.no, name: shortValue(r.row.name || storedNames.get(r.row.no) || '') },
              ),
            );
          if (every(i)) yield;
        }
      }
      // A column's cells that were not numbers (or dates) are counted on the rows imported only.
      yield* recountUnread(
        problems,
        final.filter((r) => importedRows.has(r.sheetRow)),
      );
      const warnedRows = new Set<number>();
      for (let i = 0; i < problems.length; i++) {
        const p = problems[i];
        if (p.severity === 'warning' && p.row !== undefined && !rejected.has(p.row) && importedRows.has(p.row))
          warnedRows.add(p.row);
        if (every(i)) yield;
      }
      return { contactNos, warned: warnedRows.size, kept };
    })(),
    after,
    options.sliceMs,
  );
  return {
    inserted: report.inserted,
    updated: report.updated,
    warned,
    rejected: rejected.size,
    problems: sortProblems(problems),
    rejectedRows: [...rejected].sort((a, b) => a - b),
    contactNos,
    generated: generated.filter((g) => kept.has(g.no)),
    matchedByEmail: matchedExisting
      .filter((m) => m.by === 'email' && !skip)
      .map((m) => ({ sheetRow: m.sheetRow, no: m.no })),
    matchedExisting,
    companyLinks: linked.links,
    unknownCodes,
  };
}

/** A valid calendar date written YYYY-MM-DD, as an imported column keeps a date it read. */
function isIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Digits beyond what a number keeps exactly (15): such a value is a code, kept as text on purpose. */
const LONG_NUMBER = /^[+-]?[\d.,'\s\u00a0\u202f]+$/;

/**
 * Whether an imported column's value is a cell the CSV typing could not read (csvValues.ts): kept as its
 * text, and neither a date it read (an ISO date) nor a code it keeps as text on purpose (a leading zero,
 * more digits than a number holds).
 */
function isUnreadText(v: ExtraValue | undefined): v is string {
  if (typeof v !== 'string' || v.trim() === '') return false;
  const s = v.trim();
  if (isIsoDate(s) || /^[+-]?0\d/.test(s)) return false;
  return !(LONG_NUMBER.test(s) && s.replace(/\D/g, '').replace(/^0+/, '').length > 15);
}

/**
 * The preparation counts a column's cells that are not numbers (or dates) over every row of the file; a
 * row that is then left out (a duplicate, a refusal) took no value in. Each such warning is counted again
 * on `imported` (in sheet order), its first row and value with it, and dropped when none is left.
 */
function* recountUnread(problems: ImportProblem[], imported: readonly PreparedRow[]): Steps<void> {
  for (let at = problems.length - 1; at >= 0; at--) {
    const p = problems[at];
    if (p.code !== 'unreadNumbers' && p.code !== 'unreadDates') continue;
    const header = p.header ?? '';
    const names = [extraNameOf(header), header.trim()];
    let count = 0;
    let first: { row: number; value: string } | undefined;
    for (let i = 0; i < imported.length; i++) {
      const { extra } = imported[i].row;
      const name = names.find((n) => extra !== undefined && n in extra);
      const v = name === undefined ? undefined : extra![name];
      if (isUnreadText(v)) {
        count++;
        if (!first || imported[i].sheetRow < first.row) first = { row: imported[i].sheetRow, value: v };
      }
      if (every(i)) yield;
    }
    if (!first) problems.splice(at, 1);
    else if (count !== p.params.count || first.row !== p.row)
      problems[at] = problem(
        p.severity,
        p.code,
        { row: first.row, column: p.column, header: p.header },
        { count, value: first.value, expected: p.params.expected },
      );
  }
}
