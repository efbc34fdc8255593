// Every recorded action of the workspace, run once on a seeded workspace (the replay and text-rule
// suites walk them).
import { codeListAreas } from '../../src/domain/actionNames';
import type { RecordedAction } from '../../src/store/index';
import type { makeWorkspace } from './helpers';

export type Ws = Awaited<ReturnType<typeof makeWorkspace>>;

/** The numbers users see, of every record that exists now: what a recorded argument must never be. */
export async function businessNumbers(ws: Ws) {
  const db = ws.ctx.db;
  const strings = new Map<string, string>();
  const numbers = new Map<number, string>();
  for (const s of await db.segments.toArray()) strings.set(s.no, `segment no. ${s.no}`);
  for (const c of await db.savedCriteria.toArray()) strings.set(c.code, `saved criteria code ${c.code}`);
  for (const l of await db.segmentLines.toArray()) numbers.set(l.lineNo, `line no. ${l.lineNo}`);
  for (const l of await db.loggedSegments.toArray()) numbers.set(l.entryNo, `logged segment entry no. ${l.entryNo}`);
  for (const e of await db.interactionLog.toArray()) numbers.set(e.entryNo, `interaction log entry no. ${e.entryNo}`);
  return { strings, numbers };
}

export function businessNumbersIn(
  value: unknown,
  known: Awaited<ReturnType<typeof businessNumbers>>,
  path = 'args',
): string[] {
  if (typeof value === 'string') return known.strings.has(value) ? [`${path} = ${known.strings.get(value)}`] : [];
  if (typeof value === 'number') return known.numbers.has(value) ? [`${path} = ${known.numbers.get(value)}`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => businessNumbersIn(v, known, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => businessNumbersIn(v, known, `${path}.${k}`));
  return [];
}

/**
 * Runs every action of the workspace once on `ws`. Before each step, the business numbers of the
 * records that exist are taken; after it, the recorded arguments of the actions it wrote are checked.
 */
export async function everyAction(
  ws: Ws,
  writes: { action: RecordedAction }[],
): Promise<{ recorded: RecordedAction[]; offenders: string[] }> {
  const recorded: RecordedAction[] = [];
  const offenders: string[] = [];
  const step = async (run: () => Promise<unknown>) => {
    const known = await businessNumbers(ws);
    const from = writes.length;
    ws.clock.advance(60_000);
    await run();
    const actions = [...new Set(writes.slice(from).map((w) => w.action))];
    if (actions.length === 0) throw new Error(`a step recorded no action: ${run.toString()}`);
    for (const a of actions) {
      recorded.push(a);
      offenders.push(...businessNumbersIn(a.args, known).map((o) => `${a.name}: ${o}`));
    }
  };

  await step(() => ws.setup.update({ defaultCorrespondenceType: 'Email' }));
  for (const area of codeListAreas) {
    const row =
      area === 'salespeople' || area === 'territories'
        ? { code: 'ZZ', name: 'Zeta' }
        : area === 'languages'
          ? { code: 'DEU', name: 'Deutsch', locale: 'de-DE' }
          : {
              code: area === 'interactionTemplates' ? 'TMPZ' : 'ZZ',
              description: 'Zeta',
            };
    await step(() => ws[area].upsert([row]));
    await step(() => ws[area].remove(row.code));
  }
  await step(() =>
    ws.contacts.upsert([
      {
        no: 'P500',
        type: 'Person',
        name: 'Nuovo Contatto',
        city: 'Roma',
        mailingGroups: ['NEWS'],
      },
    ]),
  );
  await step(() => ws.contacts.nextNos(3));

  let no = '';
  await step(
    async () =>
      (no = (
        await ws.segments.create({
          description: 'Every action',
          interactionTemplateCode: 'ABSTRACT',
        })
      ).no),
  );
  await step(() =>
    ws.segments.updateHeader(no, {
      description: 'Every action, renamed',
      subjectDefault: 'Hello',
    }),
  );
  await step(() => ws.segments.addContacts(no, { contact: { city: 'Roma' } }, { allowRelatedCompanies: true }));
  await step(() => ws.segments.addLine(no, 'P300'));
  const lines = (await ws.segments.get(no))!.lines;
  await step(() =>
    ws.segments.updateLine(no, lines[1].lineNo, {
      comment: 'ciao',
      evaluation: 'Positive',
    }),
  );
  await step(() => ws.segments.removeLine(no, lines[0].lineNo));
  await step(() => ws.segments.addContactList(no, ['P201', 'P500'], { source: 'Sheet1' }));
  await step(() => ws.segments.reduceContacts(no, { mailingGroup: 'NEWS' }));
  await step(() => ws.segments.refineContacts(no, { contact: { city: 'Roma|Torino' } }));
  await step(() => ws.segments.goBack(no));
  await step(() => ws.segments.saveCriteria(no, 'ROMA', 'Roma and Torino'));
  let other = '';
  await step(async () => (other = (await ws.segments.create({ description: 'Reuse' })).no));
  await step(() => ws.segments.reuseCriteria(other, 'ROMA'));
  await step(() => ws.segments.applyMailingGroup(no, 'XMAS', { deleteOldAssignments: true }));
  const letterLine = (await ws.segments.get(no))!.lines[0];
  await step(() =>
    ws.segments.log(no, {
      letters: [
        {
          lineNo: letterLine.lineNo,
          ooxml: '<w:p><w:r><w:t>Caro</w:t></w:r></w:p>',
        },
      ],
    }),
  );
  const logged = (await ws.loggedSegments.list()).at(-1)!;
  await step(() =>
    ws.segments.reuseLoggedSegment(other, logged.entryNo, {
      allowExistingContacts: true,
    }),
  );
  await step(() => ws.loggedSegments.createFollowUp(logged.entryNo));
  const entries = await ws.interactionLog.list({
    loggedSegmentEntryNo: logged.entryNo,
  });
  await step(() => ws.interactionLog.setEvaluation(entries[0].entryNo, 'Negative'));
  await step(() => ws.interactionLog.setDeliveryStatus(entries[0].entryNo, 'Error'));
  await step(() => ws.interactionLog.toggleCanceled(entries[0].entryNo));
  await step(() => ws.interactionLog.deleteCanceled());
  await step(() => ws.loggedSegments.toggleCanceled(logged.entryNo));
  await step(() => ws.loggedSegments.deleteCanceled());
  await step(() => ws.savedCriteria.remove('ROMA'));
  const pkg = await ws.packages.export(other);
  await step(() => ws.segments.remove(other));
  await step(() => ws.packages.import(JSON.stringify(pkg)));
  await step(() => ws.contacts.remove('P400'));
  await step(() =>
    ws.contacts.importRows({
      rows: [{ no: 'P500', name: 'Rosa Neri', type: 'Person', salespersonCode: 'NEW' }],
      createCodes: [{ list: 'salespeople', code: 'NEW' }],
    }),
  );
  await step(() => ws.sampleWorkspace.load());
  await step(() => ws.sampleWorkspace.remove());
  return { recorded, offenders };
}
