// Code lists and interaction templates: upsert, list, get and remove by code.
import type { Table } from 'dexie';
import * as z from 'zod/mini';
import {
  type CodeUsage,
  codeDescriptionFieldsSchema,
  languageFieldsSchema,
  salespersonFieldsSchema,
  territoryFieldsSchema,
} from '../domain/codes';
import { actionNames, type CodeListArea } from '../domain/actionNames';
import { SegmentsError } from '../domain/errors';
import { emptyTemplateFields, interactionTemplateFieldsSchema } from '../domain/interaction';
import type { CodeListApi } from '../domain/workspace';
import { registerReplayer, runAction, runRead, type ActionScope } from './action';
import type { StoreContext } from './context';
import { upsertRows } from './rows';
import { cleanRowLetters } from './letters';

interface CodeRecord {
  id: string;
  code: string;
  createdAt: string;
  updatedAt: string;
}

/** What a list does beyond its own table: where its codes are used, and what removing one takes along. */
interface CodeListRefs {
  usage(code: string): Promise<Partial<CodeUsage>>;
  /** Runs in the remove's transaction, before the record goes. */
  cascade?(code: string, s: ActionScope): Promise<void>;
}

type UpsertOptions = { insertOnly?: boolean };

function codeListApi<T extends CodeRecord>(
  ctx: StoreContext,
  name: CodeListArea,
  caption: string,
  table: Table<T, string>,
  fields: z.ZodMiniObject,
  empty: (code: string) => Omit<T, 'id' | 'createdAt' | 'updatedAt'>,
  refs: CodeListRefs,
): CodeListApi<T> {
  const rowSchema = z.strictObject(z.required(z.partial(fields), { code: true }).shape);
  // An insert is the upsert action with its option recorded: a replay refuses a code that another pane
  // inserted meanwhile, as BC refuses a second record with the same key.
  const write = (rows: unknown[], opts: UpsertOptions = {}) =>
    runAction(ctx, actionNames[name].upsert, opts.insertOnly ? [rows, opts] : [rows], async (s) => {
      if (opts.insertOnly) await refuseExisting(rows);
      return upsertRows<T, 'code'>(
        {
          table,
          keyField: 'code',
          keyCaption: 'Code',
          rowSchema,
          empty,
          record: opts.insertOnly ? (taken) => [taken, { insertOnly: true }] : undefined,
        },
        rows.map(cleanRowLetters),
        s,
      );
    });
  const refuseExisting = async (rows: unknown[]) => {
    const codes = rows
      .map((r) => (typeof r === 'object' && r !== null ? (r as { code?: unknown }).code : undefined))
      .filter((c): c is string => typeof c === 'string' && c !== '');
    const found = codes.length ? await table.where('code').anyOf(codes).first() : undefined;
    if (found)
      throw new SegmentsError('ALREADY_EXISTS', `The ${caption} already exists. Code='${found.code}'`, {
        code: found.code,
        field: 'code',
        list: name,
      });
  };
  const api: CodeListApi<T> = {
    upsert: (rows) => write(rows),
    insert: (rows) => write(rows, { insertOnly: true }),
    list: () => table.orderBy('code').toArray(),
    get: (code) => table.where('code').equals(code).first(),
    usage: (code) =>
      runRead(ctx, async () => ({
        contacts: 0,
        segments: 0,
        interactionTemplates: 0,
        interactionLogEntries: 0,
        ...(await refs.usage(code)),
      })),
    remove: (code) =>
      runAction(ctx, actionNames[name].remove, [code], async (s) => {
        const r = await table.where('code').equals(code).first();
        if (!r) throw new SegmentsError('NOT_FOUND', `${caption} ${code} does not exist`, { code });
        await refs.cascade?.(code, s);
        await table.delete(r.id);
      }),
  };
  // Codes are the user's keys, never renumbered: the recorded arguments are the public ones.
  registerReplayer(ctx, actionNames[name].upsert, (rows, opts) => write(rows as unknown[], opts as UpsertOptions));
  registerReplayer(ctx, actionNames[name].remove, (code) => api.remove(code as string));
  return api;
}

/** How each list's codes are used: the counts the confirmation of a removal names. */
function codeListRefs(ctx: StoreContext) {
  const db = ctx.db;
  type Fields = Record<string, unknown>;
  const has = (field: string, code: string) => (r: unknown) => (r as Fields)[field] === code;
  /** Open segments whose header or any line has the code in one of the fields. */
  const segments = async (header: string, line: string, code: string) => {
    const ids = new Set((await db.segments.filter(has(header, code)).toArray()).map((h) => h.id));
    for (const l of await db.segmentLines.filter(has(line, code)).toArray()) ids.add(l.segmentId);
    return ids.size;
  };
  const entries = (field: string, code: string) => db.interactionLog.filter(has(field, code)).count();
  type ContactList = 'mailingGroups' | 'industryGroups' | 'jobResponsibilities' | 'businessRelations';
  /**
   * A code list a contact has several of (mailing, industry groups…): counted by the multi-entry index, and
   * taken off every contact that has it in the removal's transaction, as BC deletes the Contact Mailing Group
   * (Industry Group, Job Responsibility, Business Relation) rows with the code: no contact keeps a code that is gone.
   */
  const contactsList = (index: ContactList) => ({
    usage: async (code: string) => ({ contacts: await db.contacts.where(index).equals(code).count() }),
    cascade: async (code: string, s: ActionScope) => {
      const having = await db.contacts.where(index).equals(code).toArray();
      if (having.length)
        await db.contacts.bulkPut(
          having.map((c) => ({ ...c, [index]: c[index].filter((g) => g !== code), updatedAt: s.stamp })),
        );
    },
  });
  return {
    salespeople: {
      usage: async (code: string) => ({
        contacts: await db.contacts.where('salespersonCode').equals(code).count(),
        segments: await segments('salespersonCode', 'salespersonCode', code),
        interactionLogEntries: await entries('salespersonCode', code),
      }),
    },
    interactionGroups: {
      usage: async (code: string) => ({
        interactionTemplates: await db.interactionTemplates.filter(has('interactionGroupCode', code)).count(),
        segments: await segments('interactionGroupCode', 'interactionGroupCode', code),
        interactionLogEntries: await entries('interactionGroupCode', code),
      }),
    },
    mailingGroups: contactsList('mailingGroups'),
    industryGroups: contactsList('industryGroups'),
    jobResponsibilities: contactsList('jobResponsibilities'),
    businessRelations: contactsList('businessRelations'),
    languages: {
      usage: async (code: string) => ({
        contacts: await db.contacts.filter(has('languageCode', code)).count(),
        interactionTemplates: await db.interactionTemplates
          .filter((tp) => tp.languageCodeDefault === code || Object.hasOwn(tp.letters, code))
          .count(),
        segments: await segments('languageCodeDefault', 'languageCode', code),
        interactionLogEntries: await entries('languageCode', code),
      }),
    },
    territories: {
      usage: async (code: string) => ({ contacts: await db.contacts.filter(has('territoryCode', code)).count() }),
    },
    interactionTemplates: {
      usage: async (code: string) => ({
        segments: await segments('interactionTemplateCode', 'interactionTemplateCode', code),
        interactionLogEntries: await entries('interactionTemplateCode', code),
      }),
    },
  } satisfies Record<CodeListArea, CodeListRefs>;
}

export function codeListsApis(ctx: StoreContext) {
  const db = ctx.db;
  const cd = (code: string) => ({ code, description: '' });
  const refs = codeListRefs(ctx);
  return {
    salespeople: codeListApi(
      ctx,
      'salespeople',
      'Salesperson/Purchaser',
      db.salespeople,
      salespersonFieldsSchema,
      (code) => ({ code, name: '', jobTitle: '', email: '', phoneNo: '' }),
      refs.salespeople,
    ),
    interactionGroups: codeListApi(
      ctx,
      'interactionGroups',
      'Interaction Group',
      db.interactionGroups,
      codeDescriptionFieldsSchema,
      cd,
      refs.interactionGroups,
    ),
    mailingGroups: codeListApi(
      ctx,
      'mailingGroups',
      'Mailing Group',
      db.mailingGroups,
      codeDescriptionFieldsSchema,
      cd,
      refs.mailingGroups,
    ),
    industryGroups: codeListApi(
      ctx,
      'industryGroups',
      'Industry Group',
      db.industryGroups,
      codeDescriptionFieldsSchema,
      cd,
      refs.industryGroups,
    ),
    jobResponsibilities: codeListApi(
      ctx,
      'jobResponsibilities',
      'Job Responsibility',
      db.jobResponsibilities,
      codeDescriptionFieldsSchema,
      cd,
      refs.jobResponsibilities,
    ),
    businessRelations: codeListApi(
      ctx,
      'businessRelations',
      'Business Relation',
      db.businessRelations,
      codeDescriptionFieldsSchema,
      cd,
      refs.businessRelations,
    ),
    languages: codeListApi(
      ctx,
      'languages',
      'Language',
      db.languages,
      languageFieldsSchema,
      (code) => ({ code, name: '', locale: '' }),
      refs.languages,
    ),
    territories: codeListApi(
      ctx,
      'territories',
      'Territory',
      db.territories,
      territoryFieldsSchema,
      (code) => ({ code, name: '' }),
      refs.territories,
    ),
    interactionTemplates: codeListApi(
      ctx,
      'interactionTemplates',
      'Interaction Template',
      db.interactionTemplates,
      interactionTemplateFieldsSchema,
      emptyTemplateFields,
      refs.interactionTemplates,
    ),
  };
}
