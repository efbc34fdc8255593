// Version 4 of the server's schema keeps each row's value as the JSON text it was written as. A database
// of version 3 (values in jsonb, written as the server of that version wrote them) is upgraded: every row
// keeps its value and its size follows the new text; the server then pulls, rewrites and refuses them as
// before. Written once and run against PGlite (test/server) and a real PostgreSQL (test/server-pg).
import { afterEach, expect, test } from 'vitest';
import { ensureHistory } from '../../src/server/history';
import { migrate, migrations } from '../../src/server/migrations';
import { openSql, type Sql, type SqlOptions } from '../../src/server/sql';
import { SyncService } from '../../src/server/syncService';
import { changeset, contact, line, newId, put, segment } from './fixtures';

export function migrationSuite(
  label: string,
  newDatabase: () => Promise<{ options: SqlOptions; drop(): Promise<void> }>,
) {
  let sql: Sql | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await sql?.close();
    await drop?.();
  });

  test(`${label}: a database of version 3 is upgraded to 4, every row keeps its value, its size and its keys`, async () => {
    const db = await newDatabase();
    drop = db.drop;
    sql = await openSql(db.options);
    await migrate(
      sql,
      migrations.filter((m) => m.version <= 3),
    );
    await ensureHistory(sql);
    // Rows as the server of version 3 wrote them: values in jsonb, sizes of the compact JSON.
    const s = segment(newId('SG'), 'SEG01001', { description: 'Caffè «Roma» – 東京 😀\tline\nbreak' });
    const lines = [1, 2].map((i) => line(newId('SL'), s.id, s.no, i * 10000, `C0000${i}`));
    const c = contact(newId('CT'), 'CT0042');
    const gone = contact(newId('CT'), 'CT0043');
    const rows: { tbl: string; id: string; rev: number; deleted: boolean; value: Record<string, unknown> | null }[] = [
      { tbl: 'segments', id: s.id, rev: 1, deleted: false, value: s },
      ...lines.map((l) => ({ tbl: 'segmentLines', id: l.id, rev: 1, deleted: false, value: l })),
      { tbl: 'contacts', id: c.id, rev: 2, deleted: false, value: c },
      { tbl: 'contacts', id: gone.id, rev: 3, deleted: true, value: null },
    ];
    for (const rev of [1, 2, 3])
      await sql.query(
        `insert into sync_changesets (id, rev, client_id, user_id, action, digest, result) values ($1, $2, 'old', '', null, 'd', $3::jsonb)`,
        [`CS-OLD-${rev}`, rev, JSON.stringify({ id: `CS-OLD-${rev}`, status: 'applied', rev })],
      );
    for (const r of rows)
      await sql.query(
        `insert into sync_rows (tbl, id, rev, deleted, value, parent, size) values ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
        [
          r.tbl,
          r.id,
          r.rev,
          r.deleted,
          r.value === null ? null : JSON.stringify(r.value),
          r.tbl === 'segmentLines' ? `segments/${s.id}` : null,
          r.value === null ? 0 : Buffer.byteLength(JSON.stringify(r.value)),
        ],
      );
    await sql.query(`insert into sync_keys (key, tbl, id) values ($1, 'segments', $2), ($3, 'contacts', $4)`, [
      `segmentNo:${s.no}`,
      s.id,
      `contactNo:${c.no}`,
      c.id,
    ]);

    expect(await migrate(sql)).toBe(1);
    const [{ version }] = await sql.query<{ version: number }>('select max(version) as version from sync_schema');
    expect(Number(version)).toBe(4);
    const [{ type }] = await sql.query<{ type: string }>(
      `select data_type as type from information_schema.columns where table_name = 'sync_rows' and column_name = 'value'`,
    );
    expect(type).toBe('text');
    const stored = await sql.query<{
      tbl: string;
      id: string;
      value: string | null;
      size: number | string;
      bytes: number | null;
    }>('select tbl, id, value, size, octet_length(value) as bytes from sync_rows order by rev, tbl, id');
    expect(stored).toHaveLength(rows.length);
    for (const r of rows) {
      const row = stored.find((x) => x.tbl === r.tbl && x.id === r.id)!;
      expect(row.value === null ? null : JSON.parse(row.value)).toEqual(r.value);
      // The size is the stored text's, so that pull pages stay cut by bytes.
      expect(Number(row.size)).toBe(row.bytes ?? 0);
    }

    // The server reads, rewrites and refuses the upgraded rows as before.
    const service = new SyncService(sql);
    const pulled = await service.pull(0);
    expect(pulled.lastRev).toBe(3);
    expect(pulled.rows.map((r) => [r.table, r.id, r.rev, r.deleted, r.value])).toEqual(
      [...rows]
        .sort((a, b) => a.rev - b.rev || a.tbl.localeCompare(b.tbl) || (a.id < b.id ? -1 : 1))
        .map((r) => [r.tbl, r.id, r.rev, r.deleted, r.value]),
    );
    const stale = await service.push({
      schemaVersion: 1,
      clientId: 'new',
      changesets: [changeset([put('segments', { ...s, description: 'Too late' }, 0)])],
    });
    expect(stale.results[0]).toMatchObject({ status: 'conflict', kind: 'stale' });
    expect((stale.results[0] as { rows: { id: string; value: unknown }[] }).rows).toContainEqual(
      expect.objectContaining({ id: s.id, rev: 1, value: s }),
    );
    const renamed = { ...s, description: 'Autunno' };
    const applied = await service.push({
      schemaVersion: 1,
      clientId: 'new',
      changesets: [changeset([put('segments', renamed, 1), put('contacts', { ...c, name: 'Rossi' }, 2)])],
    });
    expect(applied.results[0]).toEqual({ id: expect.any(String), status: 'applied', rev: 4 });
    const after = await service.pull(3);
    expect(after.rows.map((r) => r.value)).toEqual([{ ...c, name: 'Rossi' }, renamed]);
    // The keys the old rows held still guard their numbers.
    const taken = await service.push({
      schemaVersion: 1,
      clientId: 'new',
      changesets: [changeset([put('contacts', contact(newId('CT'), 'CT0042'))])],
    });
    expect(taken.results[0]).toMatchObject({ status: 'conflict', kind: 'duplicateKey' });
  }, 300_000);
}
