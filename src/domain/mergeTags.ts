// The tags of merge-field content controls and Word's case switches, shared by the merge's rendering and
// the conversion of Word mail-merge fields (which both need them, neither through the other).
import { COMMENT_FIELD } from './mergeFields';

/** A tag that names a merge field (known or not): `contact.…`, `salesperson.…`, `extra.…`, `comment`… */
export function isFieldTag(tag: string): boolean {
  return /^(contact|salesperson|segment|interaction|extra)\.[^\s]+$/.test(tag) || tag === COMMENT_FIELD;
}

/** Word's case switches (`\* Upper`…), kept on the field's control and applied to its value. */
export const CASE_FORMATS = ['Upper', 'Lower', 'FirstCap', 'Caps'] as const;
export type CaseFormat = (typeof CASE_FORMATS)[number];

/** The case switch in a field code or a control's caption (`City \* Upper`), spelled as Word does. */
export function caseFormatOf(text: string): CaseFormat | undefined {
  const m = /\\\*\s*(Upper|Lower|FirstCap|Caps)\b/i.exec(text);
  return m ? CASE_FORMATS.find((f) => f.toLowerCase() === m[1].toLowerCase()) : undefined;
}
