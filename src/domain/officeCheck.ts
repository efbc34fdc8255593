// The report of the Office check (Setup → Check this Office) that pilots run in real Excel and Word and
// send back: where it ran, what the host supports, and each round trip it tried, with figures. It holds
// no contact data: only the host's facts, figures, and the host's error codes and messages (trimmed,
// e-mail addresses removed).
import * as z from 'zod/mini';
import './zodMessages';

export const OFFICE_CHECK_STEPS = [
  'excel.scratchSheet',
  'excel.write100x12',
  'excel.read100x12',
  'excel.block2MB',
  'excel.undo',
  'excel.cleanup',
  'word.scratch',
  'word.block2MB',
  'word.merge20',
  'word.comments',
  'word.readBack',
  'word.undo',
  'word.cleanup',
] as const;
export type OfficeCheckStepId = (typeof OFFICE_CHECK_STEPS)[number];

export const officeCheckStepSchema = z.strictObject({
  id: z.enum(OFFICE_CHECK_STEPS),
  status: z.enum(['passed', 'failed', 'skipped']),
  /** Why a step was skipped: it needs Office (or the other host), or office.js cannot do it. */
  reason: z.optional(z.enum(['needsOffice', 'otherHost', 'notInOfficeJs', 'unsupported', 'earlierStepFailed'])),
  ms: z.number().check(z.nonnegative()),
  syncs: z.number().check(z.int(), z.nonnegative()),
  bytes: z.number().check(z.int(), z.nonnegative()),
  detail: z.optional(z.string().check(z.maxLength(300))),
  error: z.optional(
    z.strictObject({ code: z.string().check(z.maxLength(100)), message: z.string().check(z.maxLength(300)) }),
  ),
});
export type OfficeCheckStep = z.infer<typeof officeCheckStepSchema>;

export const officeCheckReportSchema = z.strictObject({
  kind: z.literal('segments-office-check'),
  schemaVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  addinVersion: z.string(),
  environment: z.strictObject({
    host: z.enum(['Excel', 'Word', 'none']),
    platform: z.nullable(z.string()),
    officeVersion: z.nullable(z.string()),
    displayLanguage: z.string(),
    userAgent: z.string().check(z.maxLength(400)),
  }),
  requirements: z.array(
    z.strictObject({ set: z.enum(['ExcelApi', 'WordApi']), version: z.string(), supported: z.boolean() }),
  ),
  storage: z.strictObject({
    quotaBytes: z.nullable(z.number()),
    usageBytes: z.nullable(z.number()),
    persisted: z.nullable(z.boolean()),
  }),
  sharedWorkspace: z.strictObject({
    status: z.string().check(z.maxLength(40)),
    detail: z.optional(z.string().check(z.maxLength(300))),
  }),
  steps: z.array(officeCheckStepSchema),
  totals: z.strictObject({
    passed: z.number().check(z.int()),
    failed: z.number().check(z.int()),
    skipped: z.number().check(z.int()),
  }),
});
export type OfficeCheckReport = z.infer<typeof officeCheckReportSchema>;

/** An error of the host as the report keeps it: its code, its message trimmed, no e-mail address. */
export function reportError(e: unknown): { code: string; message: string } {
  const o = (e ?? {}) as { code?: unknown; message?: unknown; details?: { code?: unknown } };
  const code =
    typeof o.details?.code === 'string'
      ? o.details.code
      : typeof o.code === 'string'
        ? o.code
        : e instanceof Error
          ? e.name
          : 'Error';
  const message = (typeof o.message === 'string' ? o.message : String(e))
    .replace(/[^\s@<>"']+@[^\s@<>"']+\.[A-Za-z]{2,}/g, '[e-mail]')
    .slice(0, 300);
  return { code: code.slice(0, 100), message };
}

const mb = (n: number) => `${(n / 1_000_000).toFixed(2)} MB`;

/** The report as text a person reads: one line per fact and per step. */
export function officeCheckSummary(r: OfficeCheckReport): string {
  const e = r.environment;
  const lines = [
    `Segments Office check, ${r.createdAt} (add-in ${r.addinVersion})`,
    `Host: ${e.host}${e.platform ? ` on ${e.platform}` : ''}; Office ${e.officeVersion ?? 'version unknown'}; display language ${e.displayLanguage}`,
    `Requirement sets: ${r.requirements.map((q) => `${q.set} ${q.version} ${q.supported ? 'yes' : 'NO'}`).join(', ')}`,
    `Storage: ${r.storage.usageBytes === null ? 'usage unknown' : mb(r.storage.usageBytes)} of ${r.storage.quotaBytes === null ? 'unknown quota' : mb(r.storage.quotaBytes)}; ${r.storage.persisted === null ? 'persistence unknown' : r.storage.persisted ? 'persistent' : 'not persistent'}`,
    `Shared workspace: ${r.sharedWorkspace.status}${r.sharedWorkspace.detail ? ` (${r.sharedWorkspace.detail})` : ''}`,
    `Steps: ${r.totals.passed} passed, ${r.totals.failed} failed, ${r.totals.skipped} skipped`,
    ...r.steps.map(
      (s) =>
        `- ${s.id}: ${s.status.toUpperCase()}${s.reason ? ` (${s.reason})` : ''}, ${Math.round(s.ms)} ms, ${s.syncs} syncs, ${s.bytes} bytes` +
        `${s.detail ? `; ${s.detail}` : ''}${s.error ? `; ${s.error.code}: ${s.error.message}` : ''}`,
    ),
  ];
  return lines.join('\n');
}

/** The file a pilot sends back: the report with its readable summary. */
export function officeCheckFile(r: OfficeCheckReport): string {
  return JSON.stringify({ summary: officeCheckSummary(r).split('\n'), report: r }, null, 2);
}

/** How the pane runs the check: handed in by the task pane, which knows the host. */
export type OfficeCheckRunner = (o: {
  sharedWorkspace: { status: string; detail?: string };
  onStep?: (s: OfficeCheckStep) => void;
}) => Promise<OfficeCheckReport>;
