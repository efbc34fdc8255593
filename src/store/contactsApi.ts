// Contacts: import rows, number series, reads by criteria.
import { contactRowSchema, emptyContactFields, type Contact } from '../domain/contact';
import { compileContactFilters, isEmptyFilters, type RelatedData } from '../domain/contactFilters';
import type { CriteriaFilters } from '../domain/criteria';
import { actionNames } from '../domain/actionNames';
import { SegmentsError } from '../domain/errors';
import { registerReplayer, runAction, runRead } from './action';
import type { StoreContext } from './context';
import { candidateContacts, relatedDataFor } from './contactQueries';
import { upsertRows } from './rows';
import { takeNos } from './series';
import { filterContext } from './filterContext';
import { readSetup } from './setupProfile';
import { readByIndexKeys } from './indexReads';

export function contactsApi(ctx: StoreContext) {
  const db = ctx.db;
  const api = {
    upsert: (rows: unknown[]) =>
      runAction(ctx, actionNames.contacts.upsert, [rows], (s) =>
        upsertRows<Contact, 'no'>(
          {
            table: db.contacts,
            keyField: 'no',
            keyCaption: 'No.',
            rowSchema: contactRowSchema,
            empty: (no) => emptyContactFields(no),
            check: (c, isNew) => (isNew && c.name.trim() === '' ? ['name: is required for a new contact'] : []),
            complete: async (records) => {
              // A company is its own company; a person takes its company's name when it has none.
              const byNo = new Map(records.map((r) => [r.no, r]));
              const wanted = new Set<string>();
              for (const r of records) {
                if (r.type === 'Company') {
                  if (!r.companyNo) r.companyNo = r.no;
                  if (!r.companyName) r.companyName = r.name;
                } else if (r.companyNo && !r.companyName && !byNo.has(r.companyNo)) wanted.add(r.companyNo);
              }
              const stored = wanted.size ? await readByIndexKeys(db.contacts, 'no', wanted) : [];
              for (const c of stored) byNo.set(c.no, c);
              for (const r of records) {
                if (r.type === 'Person' && r.companyNo && !r.companyName) r.companyName = byNo.get(r.companyNo)?.name ?? '';
              }
            },
          },
          rows,
          s,
        ),
      ),

    nextNos: (count: number) =>
      runAction(ctx, actionNames.contacts.nextNos, [count], async (s) => {
        if (!Number.isInteger(count) || count < 0 || count > 1_000_000) throw new SegmentsError('INVALID_INPUT', `count must be a whole number from 0 to 1,000,000, got ${count}`, { field: 'count' });
        const setup = await readSetup(ctx);
        return takeNos(ctx, s, 'contact', setup.contactNos, count, async (nos) => new Set((await readByIndexKeys(db.contacts, 'no', nos)).map((c) => c.no)));
      }),

    get: (no: string) => db.contacts.where('no').equals(no).first(),

    list: (filters?: CriteriaFilters) =>
      runRead(ctx, async () => {
        if (!filters || isEmptyFilters(filters)) return db.contacts.orderBy('no').toArray();
        const fctx = await filterContext(ctx);
        const predicate = compileContactFilters(filters, fctx);
        const { candidates, all } = await candidateContacts(ctx, filters);
        const rel: RelatedData = await relatedDataFor(ctx, filters, all ?? candidates);
        return candidates.filter((c) => predicate(c, rel)).sort((a, b) => (a.no < b.no ? -1 : a.no > b.no ? 1 : 0));
      }),

    remove: (no: string) =>
      runAction(ctx, actionNames.contacts.remove, [no], async () => {
        const c = await db.contacts.where('no').equals(no).first();
        if (!c) throw new SegmentsError('NOT_FOUND', `Contact ${no} does not exist`, { contactNo: no });
        await db.contacts.delete(c.id);
      }),
  };
  // Contact numbers are the user's keys (an import names them), never renumbered: recorded as called.
  registerReplayer(ctx, actionNames.contacts.upsert, (rows) => api.upsert(rows as unknown[]));
  registerReplayer(ctx, actionNames.contacts.nextNos, (count) => api.nextNos(count as number));
  registerReplayer(ctx, actionNames.contacts.remove, (no) => api.remove(no as string));
  return api;
}
