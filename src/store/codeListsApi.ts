// Code lists and interaction templates: upsert, list, get and remove by code.
import type { Table } from 'dexie';
import * as z from 'zod/mini';
import {
  codeDescriptionFieldsSchema,
  languageFieldsSchema,
  salespersonFieldsSchema,
  territoryFieldsSchema,
} from '../domain/codes';
import { actionNames, type CodeListArea } from '../domain/actionNames';
import { SegmentsError } from '../domain/errors';
import { emptyTemplateFields, interactionTemplateFieldsSchema } from '../domain/interaction';
import type { CodeListApi } from '../domain/workspace';
import { registerReplayer, runAction } from './action';
import type { StoreContext } from './context';
import { upsertRows } from './rows';
import { cleanRowLetters } from './letters';

interface CodeRecord {
  id: string;
  code: string;
  createdAt: string;
  updatedAt: string;
}

function codeListApi<T extends CodeRecord>(
  ctx: StoreContext,
  name: CodeListArea,
  caption: string,
  table: Table<T, string>,
  fields: z.ZodMiniObject,
  empty: (code: string) => Omit<T, 'id' | 'createdAt' | 'updatedAt'>,
): CodeListApi<T> {
  const rowSchema = z.strictObject(z.required(z.partial(fields), { code: true }).shape);
  const api: CodeListApi<T> = {
    upsert: (rows) =>
      runAction(ctx, actionNames[name].upsert, [rows], (s) =>
        upsertRows<T, 'code'>(
          { table, keyField: 'code', keyCaption: 'Code', rowSchema, empty },
          rows.map(cleanRowLetters),
          s,
        ),
      ),
    list: () => table.orderBy('code').toArray(),
    get: (code) => table.where('code').equals(code).first(),
    remove: (code) =>
      runAction(ctx, actionNames[name].remove, [code], async () => {
        const r = await table.where('code').equals(code).first();
        if (!r) throw new SegmentsError('NOT_FOUND', `${caption} ${code} does not exist`, { code });
        await table.delete(r.id);
      }),
  };
  // Codes are the user's keys, never renumbered: the recorded arguments are the public ones.
  registerReplayer(ctx, actionNames[name].upsert, (rows) => api.upsert(rows as unknown[]));
  registerReplayer(ctx, actionNames[name].remove, (code) => api.remove(code as string));
  return api;
}

export function codeListsApis(ctx: StoreContext) {
  const db = ctx.db;
  const cd = (code: string) => ({ code, description: '' });
  return {
    salespeople: codeListApi(ctx, 'salespeople', 'Salesperson', db.salespeople, salespersonFieldsSchema, (code) => ({
      code,
      name: '',
      jobTitle: '',
      email: '',
      phoneNo: '',
    })),
    interactionGroups: codeListApi(
      ctx,
      'interactionGroups',
      'Interaction Group',
      db.interactionGroups,
      codeDescriptionFieldsSchema,
      cd,
    ),
    mailingGroups: codeListApi(
      ctx,
      'mailingGroups',
      'Mailing Group',
      db.mailingGroups,
      codeDescriptionFieldsSchema,
      cd,
    ),
    industryGroups: codeListApi(
      ctx,
      'industryGroups',
      'Industry Group',
      db.industryGroups,
      codeDescriptionFieldsSchema,
      cd,
    ),
    jobResponsibilities: codeListApi(
      ctx,
      'jobResponsibilities',
      'Job Responsibility',
      db.jobResponsibilities,
      codeDescriptionFieldsSchema,
      cd,
    ),
    businessRelations: codeListApi(
      ctx,
      'businessRelations',
      'Business Relation',
      db.businessRelations,
      codeDescriptionFieldsSchema,
      cd,
    ),
    languages: codeListApi(ctx, 'languages', 'Language', db.languages, languageFieldsSchema, (code) => ({
      code,
      name: '',
      locale: '',
    })),
    territories: codeListApi(ctx, 'territories', 'Territory', db.territories, territoryFieldsSchema, (code) => ({
      code,
      name: '',
    })),
    interactionTemplates: codeListApi(
      ctx,
      'interactionTemplates',
      'Interaction Template',
      db.interactionTemplates,
      interactionTemplateFieldsSchema,
      emptyTemplateFields,
    ),
  };
}
