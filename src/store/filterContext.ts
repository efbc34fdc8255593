import type { FilterContext } from '../domain/filterExpression';
import { isoDateOf } from '../domain/time';
import type { StoreContext } from './context';
import { readSetup } from './setupProfile';

/** How filters read dates and collate text: the workspace locale of Setup, today from the clock. */
export async function filterContext(ctx: StoreContext, now: Date = ctx.now()): Promise<FilterContext> {
  const setup = await readSetup(ctx);
  return { locale: setup.updatedAt ? setup.locale : ctx.locale, today: isoDateOf(now) };
}
