// Long text parameters go to PGlite as bytes in PostgreSQL's binary format for their type (sql.ts):
// whatever the length, a text, json or jsonb value arrives exactly as sent, and a value the database
// refuses is refused the same way as a short one.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openSql, type Sql } from '../../src/server/sql';

let sql: Sql;
beforeAll(async () => {
  sql = await openSql({});
  await sql.query('create table t (n int primary key, body text, doc jsonb, raw json)');
}, 60_000);
afterAll(() => sql.close());

// Accents, a euro sign and a character outside the BMP (a surrogate pair in JavaScript): 1 to 4 bytes each.
const sample = (chars: number) => {
  const unit = 'Città è già più €5 😀 "quoted" \\ back\tslash\n';
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars - 1) + '.';
};

test.each([10, 64 * 1024 - 1, 64 * 1024, 300_000])(
  'a string of %i characters comes back the same from text, json and jsonb',
  async (chars) => {
    const body = sample(chars);
    const doc = { letter: body, rows: [{ city: 'Città', n: 1 }] };
    const text = JSON.stringify(doc);
    await sql.query('insert into t (n, body, doc, raw) values ($1, $2, $3::jsonb, $4::json)', [
      chars,
      body,
      text,
      text,
    ]);
    const [row] = await sql.query<{ body: string; doc: unknown; raw: unknown; bytes: number }>(
      'select body, doc, raw, octet_length(body) as bytes from t where n = $1',
      [chars],
    );
    expect(row.body).toBe(body);
    expect(row.bytes).toBe(Buffer.byteLength(body));
    expect(row.doc).toEqual(doc);
    expect(row.raw).toEqual(doc);
    // Inside a transaction too, and read by jsonb_to_recordset as the server writes rows.
    const [parsed] = await sql.transaction((tx) =>
      tx.query<{ letter: string }>('select x.letter from jsonb_to_recordset($1::jsonb) as x(letter text)', [
        JSON.stringify([{ letter: body }]),
      ]),
    );
    expect(parsed.letter).toBe(body);
  },
  60_000,
);

test('a jsonb value PostgreSQL cannot store (\\u0000) is refused with the same error, short or long', async () => {
  const bad = (pad: number) => JSON.stringify({ pad: 'x'.repeat(pad), note: 'a\u0000b' });
  const codeOf = async (text: string) =>
    sql.query('select $1::jsonb as v', [text]).then(
      () => 'accepted',
      (e: { code?: string }) => e.code,
    );
  expect(await codeOf(bad(10))).toBe('22P05');
  expect(await codeOf(bad(100_000))).toBe('22P05');
});

test('a long string bound to a text[] or a number stays text: only text, json and jsonb go as bytes', async () => {
  const long = sample(70_000);
  const [r] = await sql.query<{ n: number; first: string }>(
    'select cardinality($1::text[]) as n, ($1::text[])[1] as first',
    [[long, 'b']],
  );
  expect(r).toEqual({ n: 2, first: long });
  const [x] = await sql.query<{ v: number }>('select $1::int + 1 as v', [41]);
  expect(x.v).toBe(42);
});
