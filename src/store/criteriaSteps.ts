// A criteria step previewed or applied (segments.md, section 3): the store reads what the step needs and
// hands it to the domain's planner (criteriaPlan.ts); preview returns the plan, apply writes it and
// records the criteria action with its history (the lines it inserted, the whole lines it deleted).
import type { Contact } from '../domain/contact';
import {
  addContactsOptionsSchema,
  criteriaFiltersSchema,
  removeContactsOptionsSchema,
  type CriteriaFilters,
  type StepResult,
} from '../domain/criteria';
import {
  matchContacts,
  planCriteriaStep,
  type CriteriaPlan,
  type CriteriaStepSpec,
  type LineFactory,
} from '../domain/criteriaPlan';
import type { CriteriaKind } from '../domain/enums';
import { SegmentsError } from '../domain/errors';
import { normalizeDateExpression } from '../domain/filterDates';
import type { FilterContext } from '../domain/filterExpression';
import type { SegmentHeaderRecord } from '../domain/segment';
import type { ActionScope } from './action';
import { candidateContacts, contactsByNos, relatedDataFor } from './contactQueries';
import type { StoreContext } from './context';
import { filterContext } from './filterContext';
import { readByIndexKeys } from './indexReads';
import { parseOrThrow } from './input';
import { linesOf, makeAction, nextActionNo, templateByCode, touchHeader } from './segmentState';

/** A step from a caller's filters and options, parsed (options by the step's kind). */
export const stepOf = (kind: CriteriaKind, filters: unknown, opts: unknown): CriteriaStepSpec => ({
  kind,
  filters: parseOrThrow(criteriaFiltersSchema, filters ?? {}, 'Filters'),
  options:
    kind === 'Add Contacts'
      ? parseOrThrow(addContactsOptionsSchema, opts ?? {}, 'Options')
      : parseOrThrow(removeContactsOptionsSchema, opts ?? {}, 'Options'),
});

interface Planned {
  actionNo: number;
  fctx: FilterContext;
  plan: CriteriaPlan;
}

/** Reads what the step needs (the lines, the contacts that may match, their companies) and plans it. */
async function planStep(
  ctx: StoreContext,
  f: LineFactory & { now: Date },
  header: SegmentHeaderRecord,
  step: CriteriaStepSpec,
): Promise<Planned> {
  const db = ctx.db;
  const lines = await linesOf(ctx, header.id);
  const actionNo = await nextActionNo(ctx, header.id);
  const fctx = await filterContext(ctx, f.now);
  let matched: Contact[];
  let known: Map<string, Contact>;
  const members = new Map<string, Contact[]>();

  if (step.kind === 'Add Contacts') {
    if (step.contactNos) {
      known = await contactsByNos(ctx, step.contactNos);
      const missing = step.contactNos.filter((n) => !known.has(n));
      if (missing.length)
        throw new SegmentsError(
          'NOT_FOUND',
          `Contact${missing.length > 1 ? 's' : ''} ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} do${missing.length > 1 ? '' : 'es'} not exist`,
          { contactNo: missing[0] },
        );
      matched = step.contactNos.map((n) => known.get(n)!);
    } else {
      const { candidates, all } = await candidateContacts(ctx, step.filters);
      const rel = await relatedDataFor(ctx, step.filters, all ?? candidates);
      matched = matchContacts(step.filters, candidates, rel, fctx, all !== undefined);
      known = rel.contactsByNo;
    }
    // The companies of the matched contacts, read once what matched is known.
    const companyNos = [...new Set(matched.map((c) => c.companyNo).filter(Boolean))];
    if (step.options.expandCompanies && companyNos.length) {
      for (const c of await readByIndexKeys(db.contacts, 'companyNo', companyNos)) {
        known.set(c.no, c);
        const list = members.get(c.companyNo);
        if (list) list.push(c);
        else members.set(c.companyNo, [c]);
      }
    }
    if (step.options.allowRelatedCompanies) {
      const missing = companyNos.filter((n) => !known.has(n));
      for (const [no, c] of await contactsByNos(ctx, missing)) known.set(no, c);
    }
  } else {
    let pool: Contact[];
    let everyContact = false;
    if (step.options.entireCompanies) {
      const { candidates, all } = await candidateContacts(ctx, step.filters);
      pool = candidates;
      everyContact = all !== undefined;
      known = new Map((all ?? candidates).map((c) => [c.no, c]));
      for (const [no, c] of await contactsByNos(
        ctx,
        lines.map((l) => l.contactNo).filter((n) => !known.has(n)),
      ))
        known.set(no, c);
    } else {
      known = await contactsByNos(
        ctx,
        lines.map((l) => l.contactNo),
      );
      pool = [...known.values()];
    }
    const rel = await relatedDataFor(ctx, step.filters, [...known.values()]);
    matched = matchContacts(step.filters, pool, rel, fctx, everyContact);
  }

  const plan = planCriteriaStep({
    step,
    header,
    lines,
    matched,
    contactsByNo: known,
    membersOf: (companyNo) => members.get(companyNo) ?? [],
    locale: fctx.locale,
    template: step.kind === 'Add Contacts' ? await templateByCode(ctx, header.interactionTemplateCode) : undefined,
    actionNo,
    lineFactory: f,
  });
  return { actionNo, fctx, plan };
}

/** What the step would do, written nowhere: new lines carry placeholder ids. */
export async function previewCriteriaStep(
  ctx: StoreContext,
  header: SegmentHeaderRecord,
  step: CriteriaStepSpec,
): Promise<StepResult> {
  const now = ctx.now();
  let n = 0;
  const { plan, actionNo } = await planStep(
    ctx,
    { now, stamp: now.toISOString(), newId: () => `preview-${++n}` },
    header,
    step,
  );
  return { added: plan.add, removed: plan.remove, noOfCriteriaActions: actionNo };
}

/** Applies the step inside the caller's action: writes its plan and records its criteria action. */
export async function applyCriteriaStep(
  ctx: StoreContext,
  s: ActionScope,
  header: SegmentHeaderRecord,
  step: CriteriaStepSpec,
): Promise<StepResult> {
  const db = ctx.db;
  const { actionNo, fctx, plan } = await planStep(ctx, s, header, step);
  if (plan.add.length) await db.segmentLines.bulkAdd(plan.add);
  if (plan.remove.length) await db.segmentLines.bulkDelete(plan.remove.map((l) => l.id));
  let noOfCriteriaActions = actionNo;
  const { resetCriteriaWhenEmpty, ...kept } = step.options;
  await db.criteriaActions.add(
    makeAction(
      s,
      header,
      actionNo,
      step.kind,
      kept,
      withIsoDates(step.filters, fctx),
      plan.add,
      plan.remove,
      step.contactNos,
    ),
  );
  if (plan.emptiesSegment && actionNo > 1 && resetCriteriaWhenEmpty) {
    // BC asks "the segment is now empty: reset the criteria?"; the answer came as an option.
    await db.criteriaActions.where('segmentId').equals(header.id).delete();
    noOfCriteriaActions = 0;
  }
  await touchHeader(ctx, s, header);
  return { added: plan.add, removed: plan.remove, noOfCriteriaActions };
}

/** Dates in a recorded action are kept as ISO, so saved criteria mean the same for every user. */
function withIsoDates(filters: CriteriaFilters, fctx: FilterContext): CriteriaFilters {
  const date = filters.interactionLog?.date;
  if (!date || date.trim() === '') return filters;
  return {
    ...filters,
    interactionLog: { ...filters.interactionLog, date: normalizeDateExpression(date, fctx, 'interactionLog.date') },
  };
}
