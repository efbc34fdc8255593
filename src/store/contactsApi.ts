// Contacts: import rows, number series, reads by criteria.
import type { Table } from 'dexie';
import * as z from 'zod/mini';
import {
  codeDescriptionFieldsSchema,
  languageFieldsSchema,
  salespersonFieldsSchema,
  territoryFieldsSchema,
} from '../domain/codes';
import { companyHasPersonsIssue, contactRowSchema, emptyContactFields, type Contact } from '../domain/contact';
import { compileContactFilters, isEmptyFilters, type RelatedData } from '../domain/contactFilters';
import type { CriteriaFilters } from '../domain/criteria';
import type { CodeListName } from '../domain/importResolve';
import type { ImportReport } from '../domain/importReport';
import { actionNames } from '../domain/actionNames';
import { SegmentsError } from '../domain/errors';
import { findTextRuleViolation, textProblemMessage } from '../domain/text';
import { registerReplayer, runAction, runRead, type ActionScope } from './action';
import type { StoreContext } from './context';
import { candidateContacts, relatedDataFor } from './contactQueries';
import { upsertRows, type UpsertOptions, type UpsertSpec } from './rows';
import { takeNos } from './series';
import { filterContext } from './filterContext';
import { readSetup } from './setupProfile';
import { readByIndexKeys } from './indexReads';

const CODE_LIST_NAMES: readonly CodeListName[] = [
  'salespeople',
  'languages',
  'territories',
  'mailingGroups',
  'industryGroups',
  'jobResponsibilities',
  'businessRelations',
];

/** Creates the codes an import asked for (those already there are left as they are). */
async function createCodes(
  ctx: StoreContext,
  s: ActionScope,
  wanted: readonly { list: CodeListName; code: string }[],
): Promise<void> {
  const db = ctx.db;
  for (const list of CODE_LIST_NAMES) {
    const codes = [...new Set(wanted.filter((w) => w.list === list).map((w) => w.code))];
    if (codes.length === 0) continue;
    const table = db[list] as unknown as Table<
      { id: string; code: string; createdAt: string; updatedAt: string },
      string
    >;
    const have = new Set((await readByIndexKeys(table, 'code', codes)).map((r) => r.code));
    const rows = codes.filter((c) => !have.has(c)).map((code) => ({ code }));
    if (rows.length === 0) continue;
    const fields =
      list === 'salespeople'
        ? salespersonFieldsSchema
        : list === 'languages'
          ? languageFieldsSchema
          : list === 'territories'
            ? territoryFieldsSchema
            : codeDescriptionFieldsSchema;
    const empty = (code: string) =>
      list === 'salespeople'
        ? { code, name: '', jobTitle: '', email: '', phoneNo: '' }
        : list === 'languages'
          ? { code, name: '', locale: '' }
          : list === 'territories'
            ? { code, name: '' }
            : { code, description: '' };
    const report = await upsertRows(
      {
        table: table as never,
        keyField: 'code',
        keyCaption: 'Code',
        rowSchema: z.strictObject(
          z.required(z.partial(fields as typeof codeDescriptionFieldsSchema), { code: true }).shape,
        ),
        empty: empty as never,
        record: null,
      },
      rows,
      s,
    );
    if (report.rejected.length) {
      const first = report.rejected[0];
      throw new SegmentsError('INVALID_INPUT', `${list} ${first.key ?? ''}: ${first.issues.join('; ')}`, {
        field: 'createCodes',
        code: first.key,
      });
    }
  }
}

/** The codes an import asks to create follow the text rule (they are recorded with the action). */
function checkCodesText(wanted: readonly { list: CodeListName; code: string }[]): void {
  const v = findTextRuleViolation(wanted);
  if (!v) return;
  const at = wanted[Number(v.path[0])];
  throw new SegmentsError('INVALID_INPUT', `createCodes: the ${at?.list ?? ''} code ${textProblemMessage(v.problem)}`, {
    field: 'createCodes',
    textProblem: v.problem,
  });
}

/** The persons among `records` by the Company No. they name (other than their own No.). */
function personsByCompany(records: Iterable<Contact>): Map<string, string[]> {
  const byCompany = new Map<string, string[]>();
  for (const r of records) {
    if (r.type !== 'Person' || !r.companyNo || r.companyNo === r.no) continue;
    const list = byCompany.get(r.companyNo);
    if (list) list.push(r.no);
    else byCompany.set(r.companyNo, [r.no]);
  }
  return byCompany;
}

/** How a caller follows a large write: `onProgress(done, total)`, called after each batch; `batch`: rows per batch. */
export type ContactWriteOptions = Pick<UpsertOptions, 'onProgress' | 'batch'>;

export function contactsApi(ctx: StoreContext) {
  const db = ctx.db;
  const upsertContacts = (
    rows: unknown[],
    s: ActionScope,
    record?: UpsertSpec<Contact, 'no'>['record'],
    opts?: UpsertOptions,
  ): Promise<ImportReport> => {
    // The rows refused by the rules between contacts (a company with persons stays a company), by record.
    const refused = new Map<Contact, string[]>();
    let personsInCall: Map<string, string[]> | undefined;
    return upsertRows<Contact, 'no'>(
      {
        table: db.contacts,
        keyField: 'no',
        keyCaption: 'No.',
        record,
        rowSchema: contactRowSchema,
        empty: (no) => emptyContactFields(no),
        check: (c, isNew) =>
          refused.get(c) ?? (isNew && c.name.trim() === '' ? ['name: is required for a new contact'] : []),
        complete: async (records, merged) => {
          personsInCall ??= personsByCompany(merged.values());
          await refuseCompaniesWithPersons(records, merged, personsInCall, refused);
          // As BC's Type: a company is its own company, under its own name; a contact that was a company and
          // becomes a person loses its own number as Company No. A person takes its company's name when it
          // has none, and only a company's: the company written in the same call, else the stored one (a
          // company that the call makes a person while this person names it stays a company: refused above).
          const isCompany = (c: Contact | undefined) => (c?.type === 'Company' ? c : undefined);
          const wanted = new Set<string>();
          for (const r of records) {
            if (r.type === 'Company') {
              r.companyNo = r.no;
              r.companyName = r.name;
            } else if (r.companyNo === r.no) {
              r.companyNo = '';
              r.companyName = '';
            } else if (r.companyNo && !r.companyName && !isCompany(merged.get(r.companyNo))) wanted.add(r.companyNo);
          }
          const stored = new Map(
            (wanted.size ? await readByIndexKeys(db.contacts, 'no', wanted) : []).map((c) => [c.no, c]),
          );
          for (const r of records) {
            if (r.type !== 'Person' || !r.companyNo || r.companyName) continue;
            const company = isCompany(merged.get(r.companyNo)) ?? isCompany(stored.get(r.companyNo));
            if (company) r.companyName = company.name;
          }
        },
      },
      rows,
      s,
      opts,
    );
  };

  /**
   * BC refuses to change a company's Type to Person while persons are linked to it (Contact.TypeChange):
   * such a record is refused with the persons count and the first person's No. The persons are those
   * linked once the call is written: the stored ones that the call leaves linked, and those the call links.
   */
  const refuseCompaniesWithPersons = async (
    records: Contact[],
    merged: ReadonlyMap<string, Contact>,
    personsInCall: ReadonlyMap<string, string[]>,
    refused: Map<Contact, string[]>,
  ): Promise<void> => {
    const persons = records.filter((r) => r.type === 'Person');
    if (persons.length === 0) return;
    const linked = new Map<string, Set<string>>();
    const link = (companyNo: string, personNo: string) => {
      const set = linked.get(companyNo) ?? new Set<string>();
      set.add(personNo);
      linked.set(companyNo, set);
    };
    for (const p of await readByIndexKeys(
      db.contacts,
      'companyNo',
      persons.map((r) => r.no),
    )) {
      const now = merged.get(p.no) ?? p;
      if (p.no !== p.companyNo && now.type === 'Person' && now.companyNo === p.companyNo) link(p.companyNo, p.no);
    }
    for (const r of persons) for (const no of personsInCall.get(r.no) ?? []) link(r.no, no);
    if (linked.size === 0) return;
    // Only a change of Type is refused: a person that persons name as their company stays as it is.
    for (const before of await readByIndexKeys(db.contacts, 'no', linked.keys())) {
      const r = merged.get(before.no);
      if (before.type !== 'Company' || !r) continue;
      const nos = [...linked.get(before.no)!].sort();
      refused.set(r, [companyHasPersonsIssue(nos.length, nos[0])]);
    }
  };

  const api = {
    // Progress (optional) is the caller's view of the work, not part of what the action records.
    upsert: (rows: unknown[], options?: ContactWriteOptions) =>
      runAction(ctx, actionNames.contacts.upsert, [rows], async (s) => {
        const report = await upsertContacts(rows, s, undefined, options);
        // Recorded: the rows taken, each checked against the text rule as it was validated.
        s.textChecked = true;
        return report;
      }),

    importRows: (
      input: { rows: unknown[]; createCodes?: { list: CodeListName; code: string }[] },
      options?: ContactWriteOptions,
    ) =>
      runAction(ctx, actionNames.contacts.importRows, [input], async (s) => {
        if (typeof input !== 'object' || input === null || !Array.isArray(input.rows))
          throw new SegmentsError('INVALID_INPUT', 'rows must be a list', { field: 'rows' });
        const wanted = input.createCodes ?? [];
        if (
          !Array.isArray(wanted) ||
          wanted.some((w) => !CODE_LIST_NAMES.includes(w?.list) || typeof w?.code !== 'string')
        ) {
          throw new SegmentsError('INVALID_INPUT', 'createCodes must list code lists and codes', {
            field: 'createCodes',
          });
        }
        // Recorded with the rows: the codes are checked against the text rule here, the rows as they are validated.
        checkCodesText(wanted);
        await createCodes(ctx, s, wanted);
        // Recorded: the contact rows taken and the codes asked for (a rejected row's value is never stored).
        const report = await upsertContacts(input.rows, s, (taken) => [{ rows: taken, createCodes: wanted }], options);
        s.textChecked = true;
        return report;
      }),

    nextNos: (count: number) =>
      runAction(ctx, actionNames.contacts.nextNos, [count], async (s) => {
        if (!Number.isInteger(count) || count < 0 || count > 1_000_000)
          throw new SegmentsError('INVALID_INPUT', `count must be a whole number from 0 to 1,000,000, got ${count}`, {
            field: 'count',
          });
        const setup = await readSetup(ctx);
        return takeNos(
          ctx,
          s,
          'contact',
          setup.contactNos,
          count,
          async (nos) => new Set((await readByIndexKeys(db.contacts, 'no', nos)).map((c) => c.no)),
        );
      }),

    get: (no: string) => db.contacts.where('no').equals(no).first(),

    list: (filters?: CriteriaFilters) =>
      runRead(ctx, async () => {
        if (!filters || isEmptyFilters(filters)) return db.contacts.orderBy('no').toArray();
        const fctx = await filterContext(ctx);
        const { candidates, all } = await candidateContacts(ctx, filters);
        // The contacts read type the imported columns, as for Add Contacts: a date column refuses a non-date.
        const predicate = compileContactFilters(filters, fctx, all ?? candidates);
        const rel: RelatedData = await relatedDataFor(ctx, filters, all ?? candidates);
        return candidates.filter((c) => predicate(c, rel)).sort((a, b) => (a.no < b.no ? -1 : a.no > b.no ? 1 : 0));
      }),

    count: () => runRead(ctx, () => db.contacts.count()),

    remove: (no: string) =>
      runAction(ctx, actionNames.contacts.remove, [no], async () => {
        const c = await db.contacts.where('no').equals(no).first();
        if (!c) throw new SegmentsError('NOT_FOUND', `Contact ${no} does not exist`, { contactNo: no });
        await db.contacts.delete(c.id);
      }),
  };
  // Contact numbers are the user's keys (an import names them), never renumbered: recorded as called.
  registerReplayer(ctx, actionNames.contacts.upsert, (rows) => api.upsert(rows as unknown[]));
  registerReplayer(ctx, actionNames.contacts.importRows, (input) =>
    api.importRows(input as Parameters<typeof api.importRows>[0]),
  );
  registerReplayer(ctx, actionNames.contacts.nextNos, (count) => api.nextNos(count as number));
  registerReplayer(ctx, actionNames.contacts.remove, (no) => api.remove(no as string));
  return api;
}
