// The sample workspace, loaded in one action and removed in one action (segments.md, "First run").
// Every record it creates carries a sample id (a fixed prefix, its table and key), so removal deletes
// exactly those and nothing of the user's own: a code or contact number the user already has is left
// as it is at load (and is never removed).
import type { Table } from 'dexie';
import type { z } from 'zod/mini';
import { codeDescriptionSchema, languageSchema, salespersonSchema } from '../domain/codes';
import { contactSchema, emptyContactFields } from '../domain/contact';
import { actionNames } from '../domain/actionNames';
import { SegmentsError } from '../domain/errors';
import { emptyTemplateFields, interactionTemplateSchema } from '../domain/interaction';
import {
  isSampleId,
  SAMPLE_ID_PREFIXES,
  sampleId,
  sampleWorkspaceData,
  type SampleTable,
  type SampleWorkspaceResult,
} from '../domain/sampleWorkspace';
import { registerReplayer, runAction, runRead } from './action';
import type { StoreContext } from './context';

/** Codes first, then templates, then contacts (companies before their persons). */
const TABLES: readonly SampleTable[] = [
  'salespeople',
  'interactionGroups',
  'mailingGroups',
  'industryGroups',
  'businessRelations',
  'languages',
  'interactionTemplates',
  'contacts',
];

interface Rec {
  id: string;
  createdAt: string;
  updatedAt: string;
}

function spec(table: SampleTable): { key: 'code' | 'no'; schema: z.ZodMiniType; empty: (key: string) => object } {
  switch (table) {
    case 'contacts':
      return { key: 'no', schema: contactSchema, empty: emptyContactFields };
    case 'salespeople':
      return {
        key: 'code',
        schema: salespersonSchema,
        empty: (code) => ({ code, name: '', jobTitle: '', email: '', phoneNo: '' }),
      };
    case 'languages':
      return { key: 'code', schema: languageSchema, empty: (code) => ({ code, name: '', locale: '' }) };
    case 'interactionTemplates':
      return { key: 'code', schema: interactionTemplateSchema, empty: emptyTemplateFields };
    default:
      return { key: 'code', schema: codeDescriptionSchema, empty: (code) => ({ code, description: '' }) };
  }
}

const zero = (): Record<SampleTable, number> =>
  Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<SampleTable, number>;

export function sampleWorkspaceApi(ctx: StoreContext) {
  const db = ctx.db;
  const table = (t: SampleTable) => db[t] as unknown as Table<Rec & Record<string, unknown>, string>;
  const sampleIds = (t: SampleTable) => table(t).where(':id').startsWithAnyOf(SAMPLE_ID_PREFIXES).primaryKeys();
  const api = {
    load: () =>
      runAction(ctx, actionNames.sampleWorkspace.load, [], async (s): Promise<SampleWorkspaceResult> => {
        const data = sampleWorkspaceData();
        const result: SampleWorkspaceResult = { counts: zero(), kept: [] };
        for (const t of TABLES) {
          const { key, schema, empty } = spec(t);
          const rows = data[t] as Record<string, unknown>[];
          const keys = rows.map((r) => String(r[key]));
          const existing = new Set((await table(t).where(key).anyOf(keys).toArray()).map((r) => String(r[key])));
          const fresh: Rec[] = [];
          for (const row of rows) {
            const k = String(row[key]);
            if (existing.has(k)) {
              if (!isSampleId(String((await table(t).where(key).equals(k).first())?.id ?? '')))
                result.kept.push({ table: t, key: k });
              continue;
            }
            const parsed = schema.safeParse({
              ...empty(k),
              ...row,
              id: sampleId(t, k),
              createdAt: s.stamp,
              updatedAt: s.stamp,
            });
            if (!parsed.success)
              throw new SegmentsError(
                'INVALID_INPUT',
                `sample ${t} ${k}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
                { field: t, code: k },
              );
            fresh.push(parsed.data as Rec);
          }
          if (fresh.length) await table(t).bulkAdd(fresh as (Rec & Record<string, unknown>)[]);
          result.counts[t] = fresh.length;
        }
        return result;
      }),

    remove: () =>
      runAction(ctx, actionNames.sampleWorkspace.remove, [], async (): Promise<SampleWorkspaceResult> => {
        const result: SampleWorkspaceResult = { counts: zero(), kept: [] };
        for (const t of [...TABLES].reverse()) {
          const ids = await sampleIds(t);
          if (ids.length) await table(t).bulkDelete(ids);
          result.counts[t] = ids.length;
        }
        return result;
      }),

    /**
     * Whether any record of the sample is in the workspace: its contacts, or only its codes or templates
     * once the user deleted its contacts (removal must stay possible while anything of it is left).
     */
    status: () =>
      runRead(ctx, async () => {
        for (const t of TABLES)
          if ((await table(t).where(':id').startsWithAnyOf(SAMPLE_ID_PREFIXES).limit(1).count()) > 0)
            return { loaded: true };
        return { loaded: false };
      }),
  };
  registerReplayer(ctx, actionNames.sampleWorkspace.load, () => api.load());
  registerReplayer(ctx, actionNames.sampleWorkspace.remove, () => api.remove());
  return api;
}
