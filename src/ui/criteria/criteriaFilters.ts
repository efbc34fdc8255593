// The criteria dialog's filter rows ⇄ the workspace's CriteriaFilters (workspace-api.md), and a short
// readable summary of an action's filters.
import { contactFieldNames } from '../../domain/contact';
import { interactionLogFilterKeys, type CriteriaFilters } from '../../domain/criteria';

export interface FilterRow {
  /** 'contact.<field>', 'contact.extra.<Header>', 'mailingGroup', 'industryGroup', 'jobResponsibility',
   *  'businessRelation', 'profileAnswer.questionnaire', 'profileAnswer.answer', 'interactionLog.<key>'. */
  field: string;
  expression: string;
}

const notFilterable = new Set([
  'extra',
  'source',
  'profileAnswers',
  'mailingGroups',
  'industryGroups',
  'jobResponsibilities',
  'businessRelations',
]);
export const contactFilterFields = contactFieldNames.filter((f) => !notFilterable.has(f)).map((f) => `contact.${f}`);
export const relatedFilterFields = [
  'mailingGroup',
  'industryGroup',
  'jobResponsibility',
  'businessRelation',
  'profileAnswer.questionnaire',
  'profileAnswer.answer',
];
export const interactionLogFilterFields = interactionLogFilterKeys.map((k) => `interactionLog.${k}`);
export const EXTRA_PREFIX = 'contact.extra.';

/**
 * What a row with a filter lacks to say what it filters: the field, or the imported column's name. A filter on
 * such a row is never dropped in silence (it would run as "no filter: every contact"): the row is an error.
 */
export function missingPart(row: FilterRow): 'field' | 'columnName' | undefined {
  if (row.expression.trim() === '') return undefined;
  if (row.field === '') return 'field';
  if (row.field.startsWith(EXTRA_PREFIX) && row.field.slice(EXTRA_PREFIX.length).trim() === '') return 'columnName';
  return undefined;
}

/** Rows with an expression become filters; rows left blank are ignored (and rows `missingPart` refuses). */
export function toCriteriaFilters(rows: FilterRow[]): CriteriaFilters {
  const f: CriteriaFilters = {};
  for (const row of rows) {
    const { field, expression } = row;
    if (expression.trim() === '' || missingPart(row) !== undefined) continue;
    if (field.startsWith('contact.')) (f.contact ??= {})[field.slice('contact.'.length)] = expression;
    else if (field.startsWith('interactionLog.'))
      (f.interactionLog ??= {})[field.slice('interactionLog.'.length)] = expression;
    else if (field === 'profileAnswer.questionnaire') (f.profileAnswer ??= {}).questionnaire = expression;
    else if (field === 'profileAnswer.answer') (f.profileAnswer ??= {}).answer = expression;
    else if (
      field === 'mailingGroup' ||
      field === 'industryGroup' ||
      field === 'jobResponsibility' ||
      field === 'businessRelation'
    )
      f[field] = expression;
  }
  return f;
}

/** The rows of saved filters (for showing an action's filters). */
export function fromCriteriaFilters(f: CriteriaFilters): FilterRow[] {
  const rows: FilterRow[] = [];
  for (const [k, v] of Object.entries(f.contact ?? {})) rows.push({ field: `contact.${k}`, expression: v });
  for (const k of ['mailingGroup', 'industryGroup', 'jobResponsibility', 'businessRelation'] as const)
    if (f[k] !== undefined) rows.push({ field: k, expression: f[k] });
  if (f.profileAnswer?.questionnaire !== undefined)
    rows.push({ field: 'profileAnswer.questionnaire', expression: f.profileAnswer.questionnaire });
  if (f.profileAnswer?.answer !== undefined)
    rows.push({ field: 'profileAnswer.answer', expression: f.profileAnswer.answer });
  for (const [k, v] of Object.entries(f.interactionLog ?? {}))
    rows.push({ field: `interactionLog.${k}`, expression: v });
  return rows;
}

/** Does an INVALID_FILTER error's `details.field` name this row's field? */
export function errorIsForRow(errorField: unknown, row: FilterRow): boolean {
  if (typeof errorField !== 'string' || errorField === '') return false;
  const bare = row.field.replace(/^(contact|interactionLog|profileAnswer)\./, '');
  return (
    errorField === row.field ||
    errorField === bare ||
    row.field.endsWith(`.${errorField}`) ||
    errorField.endsWith(`.${bare}`)
  );
}
