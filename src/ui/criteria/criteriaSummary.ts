// A criteria action in one line of words: its filters as BC writes them (`Field: expression`, as in
// `E-mail: <>''` — never "E-mail = <>''", which reads "equals not blank") and its options.
import type { CriteriaActionView } from '../../domain/criteria';
import { fromCriteriaFilters } from './criteriaFilters';
import { criteriaFieldCaption } from './criteriaCaptions';
import type { Translate } from '../common/i18n';

export function criteriaSummary(t: Translate, a: Pick<CriteriaActionView, 'filters' | 'options'>): string {
  const parts: string[] = [];
  if (a.filters.contactList)
    parts.push(
      t('criteria.contactList', { count: a.filters.contactList.count, source: a.filters.contactList.source ?? '' }),
    );
  for (const r of fromCriteriaFilters(a.filters)) parts.push(`${criteriaFieldCaption(t, r.field)}: ${r.expression}`);
  if (parts.length === 0) parts.push(t('criteria.noFilter'));
  const opts = Object.entries(a.options)
    .filter(([k, v]) => v === true && k !== 'resetCriteriaWhenEmpty')
    .map(([k]) => t(`criteria.${k}`));
  return opts.length ? `${parts.join('; ')} (${opts.join(', ')})` : parts.join('; ');
}
