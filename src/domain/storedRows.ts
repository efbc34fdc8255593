// The schema every stored row of each workspace table satisfies: the pane checks its writes with them
// and the server its pushed rows (one definition; each follows the text rule of text.ts).
import * as z from 'zod/mini';
import { codeDescriptionSchema, languageSchema, salespersonSchema, territorySchema } from './codes';
import { contactSchema } from './contact';
import { criteriaActionSchema, savedCriteriaSchema } from './criteria';
import { code20, recordBase } from './fields';
import { interactionTemplateSchema } from './interaction';
import { interactionLogEntrySchema, loggedSegmentRecordSchema } from './log';
import { segmentHeaderRecordSchema, segmentLineSchema } from './segment';
import { setupSchema } from './setup';
import type { SyncTable } from './syncProtocol';

/** A number series' last number issued. */
export const seriesRecordSchema = z.object({
  id: z.enum(['segment', 'contact', 'loggedSegment', 'interactionLogEntry']),
  lastNo: code20,
  updatedAt: recordBase.updatedAt,
});

export const storedRowSchemas: Record<SyncTable, z.ZodMiniType> = {
  setup: setupSchema,
  series: seriesRecordSchema,
  contacts: contactSchema,
  salespeople: salespersonSchema,
  interactionGroups: codeDescriptionSchema,
  mailingGroups: codeDescriptionSchema,
  industryGroups: codeDescriptionSchema,
  jobResponsibilities: codeDescriptionSchema,
  businessRelations: codeDescriptionSchema,
  languages: languageSchema,
  territories: territorySchema,
  interactionTemplates: interactionTemplateSchema,
  segments: segmentHeaderRecordSchema,
  segmentLines: segmentLineSchema,
  criteriaActions: criteriaActionSchema,
  savedCriteria: savedCriteriaSchema,
  loggedSegments: loggedSegmentRecordSchema,
  interactionLog: interactionLogEntrySchema,
};
