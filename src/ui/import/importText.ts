// Import problems and Excel refusals in the user's language.
import type { MappableField, MappingIssue } from '../../domain/columnMapping';
import { SegmentsError } from '../../domain/errors';
import { columnLetter } from '../../domain/sheetCells';
import type { ImportProblem } from '../../domain/importProblems';
import { LIST_FIELDS } from '../../domain/sheetImport';
import { errorText, fieldCaption } from '../common/errorText';
import type { Translate } from '../common/i18n';

/** A contact field as a mapping target: the list fields say how their codes are separated. */
export function targetFieldCaption(t: Translate, field: MappableField): string {
  const caption = fieldCaption(t, field);
  return LIST_FIELDS.has(field) ? t('excel.field.codeList', { field: caption }) : caption;
}

export function problemText(t: Translate, p: ImportProblem): string {
  const key = `excel.problem.${p.code}`;
  const text = t(key, p.params);
  return text === key ? p.message : text;
}

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
      return t('excel.mapping.duplicateHeader', { column: col(issue.index), first: col(issue.firstIndex), header: issue.header });
    case 'duplicateField':
      return t('excel.mapping.duplicateField', { column: col(issue.index), first: col(issue.firstIndex), field: targetFieldCaption(t, issue.field) });
    case 'duplicateExtra':
      return t('excel.mapping.duplicateExtra', { column: col(issue.index), first: col(issue.firstIndex), header: issue.name });
  }
}
