// Import problems and Excel refusals in the user's language.
import type { MappableField, MappingIssue } from '../../domain/columnMapping';
import { SegmentsError } from '../../domain/errors';
import { columnLetter } from '../../domain/sheetCells';
import { quotesValue, thenSentence, type ImportProblem } from '../../domain/importProblems';
import { LIST_FIELDS } from '../../domain/sheetImport';
import { errorText, fieldCaption } from '../common/errorText';
import type { Translate } from '../common/i18n';

/** A contact field as a mapping target: the list fields say how their codes are separated. */
export function targetFieldCaption(t: Translate, field: MappableField): string {
  const caption = fieldCaption(t, field);
  return LIST_FIELDS.has(field) ? t('excel.field.codeList', { field: caption }) : caption;
}

/**
 * A problem in the user's words: its reason, list and match by their keys, the value quoted where it has
 * one, and what became of the row: "not imported" after an error, "imported without this value" when a
 * value was left out.
 */
export function problemText(t: Translate, p: ImportProblem): string {
  const key = `excel.problem.${p.code}`;
  const params: Record<string, string | number> = { ...p.params };
  const word = (prefix: string, k: unknown) => {
    if (typeof k !== 'string') return undefined;
    const w = t(`${prefix}.${k}`, params);
    return w === `${prefix}.${k}` ? undefined : w;
  };
  params.reason = word('excel.reason', p.params.reasonKey) ?? params.reason ?? '';
  if (p.params.listName !== undefined) params.list = word('excel.list', p.params.listName) ?? params.list;
  if (p.params.by !== undefined)
    params.by = word('excel.by', p.params.byKey ?? BY_KEYS[String(p.params.by)]) ?? params.by;
  const quoted = quotesValue(p.code, p.params) ? `${key}Quoted` : key;
  const text = t(quoted, params);
  if (text === quoted) return p.message;
  // An error on a row leaves the row out: said at its end, as a value left out is.
  if (p.severity === 'error' && p.row !== undefined) return thenSentence(text, t('excel.problem.notImported'));
  return p.params.dropped && p.code !== 'unknownCountry' ? thenSentence(text, t('excel.problem.dropped')) : text;
}

/** The English words the domain gives for a match, to their catalog keys. */
const BY_KEYS: Record<string, string> = {
  'Company No.': 'companyNo',
  'Company Name': 'companyName',
  'e-mail': 'email',
  'name and post code': 'namePostCode',
};

/** A refusal of the Excel adapter by its details.code, else the shell's wording of the error. */
export function excelErrorText(t: Translate, e: unknown): string {
  if (e instanceof SegmentsError && typeof e.details.code === 'string') {
    const key = `excel.error.${e.details.code}`;
    const vars: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(e.details)) if (typeof v === 'string' || typeof v === 'number') vars[k] = v;
    const text = t(key, vars);
    if (text !== key) return text;
  }
  return errorText(t, e);
}

export function mappingIssueText(t: Translate, issue: MappingIssue, firstColumn: number): string {
  const col = (i: number) => columnLetter(firstColumn + i);
  switch (issue.code) {
    case 'blankHeader':
      return t('excel.mapping.blankHeader', { column: col(issue.index) });
    case 'duplicateHeader':
      return t('excel.mapping.duplicateHeader', {
        column: col(issue.index),
        first: col(issue.firstIndex),
        header: issue.header,
      });
    case 'duplicateField':
      return t('excel.mapping.duplicateField', {
        column: col(issue.index),
        first: col(issue.firstIndex),
        field: targetFieldCaption(t, issue.field),
      });
    case 'duplicateExtra':
      return t('excel.mapping.duplicateExtra', {
        column: col(issue.index),
        first: col(issue.firstIndex),
        header: issue.name,
      });
  }
}
