// What the server knows of each workspace table: the schema a row must satisfy, the business keys that
// must stay unique across everyone, and the parent a row needs (sync.md, "Keys").
import * as z from 'zod/mini';
import { codeDescriptionSchema, languageSchema, salespersonSchema, territorySchema } from '../domain/codes';
import { contactSchema } from '../domain/contact';
import { criteriaActionSchema, savedCriteriaSchema } from '../domain/criteria';
import { interactionTemplateSchema } from '../domain/interaction';
import { interactionLogEntrySchema, loggedSegmentRecordSchema } from '../domain/log';
import { segmentHeaderRecordSchema, segmentLineSchema } from '../domain/segment';
import { setupSchema } from '../domain/setup';
import type { SyncTable } from '../domain/syncProtocol';

const seriesSchema = z.object({
  id: z.enum(['segment', 'contact', 'loggedSegment', 'interactionLogEntry']),
  lastNo: z.string().check(z.maxLength(20)),
  updatedAt: z.string(),
});

interface TableRules {
  schema: z.ZodMiniType;
  /** Business keys, each "<scope>:<value>", unique across the workspace. */
  keys(value: Record<string, unknown>): string[];
  /** The row this row belongs to, as "<table>/<id>", when it must exist. */
  parent?(value: Record<string, unknown>): string | undefined;
  /** A field the server fills from the key's user, never from the client's word. */
  userField?: string;
}

const s = (v: unknown) => String(v ?? '');
const code = (scope: string) => (v: Record<string, unknown>) => [`${scope}:${s(v.code)}`];

export const tableRules: Record<SyncTable, TableRules> = {
  setup: { schema: setupSchema, keys: () => [] },
  series: { schema: seriesSchema, keys: () => [] },
  contacts: { schema: contactSchema, keys: (v) => [`contactNo:${s(v.no)}`] },
  salespeople: { schema: salespersonSchema, keys: code('salesperson') },
  interactionGroups: { schema: codeDescriptionSchema, keys: code('interactionGroup') },
  mailingGroups: { schema: codeDescriptionSchema, keys: code('mailingGroup') },
  industryGroups: { schema: codeDescriptionSchema, keys: code('industryGroup') },
  jobResponsibilities: { schema: codeDescriptionSchema, keys: code('jobResponsibility') },
  businessRelations: { schema: codeDescriptionSchema, keys: code('businessRelation') },
  languages: { schema: languageSchema, keys: code('language') },
  territories: { schema: territorySchema, keys: code('territory') },
  interactionTemplates: { schema: interactionTemplateSchema, keys: code('interactionTemplate') },
  // A segment number is unique across open and logged segments.
  segments: { schema: segmentHeaderRecordSchema, keys: (v) => [`segmentNo:${s(v.no)}`] },
  segmentLines: {
    schema: segmentLineSchema,
    keys: (v) => [`segmentLineNo:${s(v.segmentId)}/${s(v.lineNo)}`],
    parent: (v) => `segments/${s(v.segmentId)}`,
  },
  criteriaActions: {
    schema: criteriaActionSchema,
    keys: (v) => [`criteriaActionNo:${s(v.segmentId)}/${s(v.actionNo)}`],
    parent: (v) => `segments/${s(v.segmentId)}`,
  },
  savedCriteria: { schema: savedCriteriaSchema, keys: code('savedCriteria'), userField: 'userId' },
  loggedSegments: {
    schema: loggedSegmentRecordSchema,
    keys: (v) => [`segmentNo:${s(v.segmentNo)}`, `loggedSegmentEntryNo:${s(v.entryNo)}`],
    userField: 'userId',
  },
  interactionLog: {
    schema: interactionLogEntrySchema,
    keys: (v) => [`interactionLogEntryNo:${s(v.entryNo)}`],
    parent: (v) => (v.loggedSegmentId ? `loggedSegments/${s(v.loggedSegmentId)}` : undefined),
    userField: 'userId',
  },
};

/** Tables whose rows are parents of others, and the tables of their children. */
export const parentTables = new Set(['segments', 'loggedSegments']);
