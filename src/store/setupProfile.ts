// Setup (shared by the workspace) and Profile (this pane's user, never synced).
import { actionNames } from '../domain/actionNames';
import { SegmentsError } from '../domain/errors';
import {
  defaultProfile,
  defaultSetup,
  profileSchema,
  setupProblem,
  setupSchema,
  type Profile,
  type Setup,
} from '../domain/setup';
import { registerReplayer, runAction } from './action';
import type { StoreContext } from './context';
import { describeIssues } from './rows';

export async function readSetup(ctx: StoreContext): Promise<Setup> {
  return (await ctx.db.setup.get('setup')) ?? { ...defaultSetup, locale: ctx.locale, updatedAt: '' };
}

export async function readProfile(ctx: StoreContext): Promise<Profile> {
  return (await ctx.db.profile.get('profile')) ?? { ...defaultProfile, updatedAt: '' };
}

export function setupApi(ctx: StoreContext) {
  const api = {
    get: () => readSetup(ctx),
    update: (patch: Partial<Setup>) =>
      runAction(ctx, actionNames.setup.update, [patch], async (s) => {
        const before = await readSetup(ctx);
        const next = { ...before, ...patch, id: 'setup' as const, updatedAt: s.stamp };
        // A code, as BC keeps it: in capitals.
        if (typeof next.defaultLanguageCode === 'string')
          next.defaultLanguageCode = next.defaultLanguageCode.trim().toUpperCase();
        const parsed = setupSchema.safeParse(next);
        // The refusal names the field and the rule it breaks: the page words it at the field.
        if (!parsed.success)
          throw new SegmentsError('INVALID_INPUT', `Setup: ${describeIssues(parsed.error).join('; ')}`, {
            ...setupProblem(parsed.error),
          });
        // BC's table relation: the Default Language Code is one of Languages (a code kept from before,
        // since removed, stands until it is changed).
        const code = parsed.data.defaultLanguageCode;
        if (code !== '' && code !== before.defaultLanguageCode && !(await ctx.db.languages.get({ code })))
          throw new SegmentsError('NOT_FOUND', `Language ${code} does not exist`, {
            field: 'defaultLanguageCode',
            rule: 'notExist',
            code,
          });
        await ctx.db.setup.put(parsed.data);
        return parsed.data;
      }),
  };
  registerReplayer(ctx, actionNames.setup.update, (patch) => api.update(patch as Partial<Setup>));
  return api;
}

export function profileApi(ctx: StoreContext) {
  return {
    get: () => readProfile(ctx),
    update: async (patch: Partial<Profile>) => {
      const at = ctx.now().toISOString();
      // Local only: a plain transaction of its own, outside the recorded workspace actions.
      return ctx.db.transaction('rw', ctx.db.profile, async () => {
        const next = { ...(await readProfile(ctx)), ...patch, id: 'profile' as const, updatedAt: at };
        const parsed = profileSchema.safeParse(next);
        if (!parsed.success)
          throw new SegmentsError('INVALID_INPUT', `Profile: ${describeIssues(parsed.error).join('; ')}`, {
            field: String(parsed.error.issues[0]?.path[0] ?? ''),
          });
        await ctx.db.profile.put(parsed.data);
        return parsed.data;
      });
    },
  };
}
