// Prepared sheet rows → the workspace: rows without a contact number are matched by e-mail (when the
// sheet has an e-mail column) or numbered from the contact series; then every valid row is upserted in
// one call (one transaction). Rejections come back by sheet row.
import type { ContactRow } from './contact';
import { problem, type ImportProblem } from './importProblems';
import type { PreparedImport, PreparedRow } from './sheetImport';
import type { Workspace } from './workspace';

export interface ContactImportResult {
  inserted: number;
  updated: number;
  /** Every problem: those of the preparation, the numbering and the store, by sheet row. */
  problems: ImportProblem[];
  /** Sheet rows that were not imported. */
  rejectedRows: number[];
  /** The numbers of the imported contacts, in sheet order. */
  contactNos: string[];
  /** Rows that got a number from the contact series (the pane offers to write them into the sheet). */
  generated: { sheetRow: number; no: string }[];
  /** Rows without a number that were matched to a stored contact by e-mail. */
  matchedByEmail: { sheetRow: number; no: string }[];
}

export async function importContacts(
  ws: { contacts: Pick<Workspace['contacts'], 'upsert' | 'nextNos' | 'list'> },
  prepared: PreparedImport,
): Promise<ContactImportResult> {
  const problems = [...prepared.problems];
  const rejected = new Set(prepared.rejectedRows);
  const unnumbered = prepared.rows.filter((r) => !r.row.no);
  const matchedByEmail: { sheetRow: number; no: string }[] = [];
  const assigned = new Map<PreparedRow, string>();

  const withEmail = unnumbered.filter((r) => r.row.email);
  if (withEmail.length > 0) {
    // One read of every contact, indexed by e-mail: measured faster than one filtered query per row.
    const byEmail = new Map<string, string[]>();
    for (const c of await ws.contacts.list()) {
      if (!c.email) continue;
      const k = c.email.toLowerCase();
      const list = byEmail.get(k);
      if (list) list.push(c.no);
      else byEmail.set(k, [c.no]);
    }
    for (const r of withEmail) {
      const nos = byEmail.get(r.row.email!.toLowerCase());
      if (!nos) continue;
      if (nos.length > 1) {
        problems.push(problem('error', 'emailAmbiguous', { row: r.sheetRow }, { email: r.row.email!, nos: nos.join(', ') }));
        rejected.add(r.sheetRow);
        continue;
      }
      assigned.set(r, nos[0]);
      matchedByEmail.push({ sheetRow: r.sheetRow, no: nos[0] });
    }
  }

  // Unmatched rows with the same e-mail are one new contact: the later row wins.
  const pending = unnumbered.filter((r) => !assigned.has(r) && !rejected.has(r.sheetRow));
  const lastByEmail = new Map<string, PreparedRow>();
  for (const r of pending) if (r.row.email) lastByEmail.set(r.row.email.toLowerCase(), r);
  const toNumber = pending.filter((r) => {
    if (!r.row.email) return true;
    const winner = lastByEmail.get(r.row.email.toLowerCase())!;
    if (winner === r) return true;
    problems.push(problem('error', 'duplicateEmail', { row: r.sheetRow }, { email: r.row.email, winner: winner.sheetRow }));
    rejected.add(r.sheetRow);
    return false;
  });
  const nos = toNumber.length > 0 ? await ws.contacts.nextNos(toNumber.length) : [];
  const generated = toNumber.map((r, i) => {
    assigned.set(r, nos[i]);
    return { sheetRow: r.sheetRow, no: nos[i] };
  });

  // Numbers matched by e-mail may meet a row that carries the same number: the later row wins.
  const candidates = prepared.rows.filter((r) => !rejected.has(r.sheetRow) && (r.row.no || assigned.has(r)));
  const noOf = (r: PreparedRow) => r.row.no ?? assigned.get(r)!;
  const lastByNo = new Map<string, PreparedRow>();
  for (const r of candidates) lastByNo.set(noOf(r), r);
  const final = candidates.filter((r) => {
    const winner = lastByNo.get(noOf(r))!;
    if (winner === r) return true;
    problems.push(problem('error', 'duplicateNo', { row: r.sheetRow }, { no: noOf(r), winner: winner.sheetRow }));
    rejected.add(r.sheetRow);
    return false;
  });

  const rows: ContactRow[] = final.map((r) => ({ ...r.row, no: noOf(r) }));
  const report = rows.length > 0 ? await ws.contacts.upsert(rows) : { inserted: 0, updated: 0, rejected: [], results: [] };
  for (const rej of report.rejected) {
    const sheetRow = final[rej.index]?.sheetRow;
    problems.push(problem('error', 'rejectedByStore', { row: sheetRow }, { reason: rej.issues.join('; ') }));
    if (sheetRow !== undefined) rejected.add(sheetRow);
  }
  const contactNos = report.results.filter((r) => r.outcome !== 'rejected').map((r) => r.key);
  const kept = new Set(contactNos);
  return {
    inserted: report.inserted,
    updated: report.updated,
    problems: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
    rejectedRows: [...rejected].sort((a, b) => a - b),
    contactNos,
    generated: generated.filter((g) => kept.has(g.no)),
    matchedByEmail,
  };
}
