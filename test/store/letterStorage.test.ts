// Letters are stored and packaged without external relationships (an attached template, a linked
// picture): a letter saved on a segment, on a line, on an interaction template, logged with its entries,
// written into a segment package or read from one keeps its text, its embedded picture and hyperlink, and
// nothing Word would fetch when the letter is shown.
import { beforeEach, describe, expect, test } from 'vitest';
import { makeWorkspace, seedMarket } from './helpers';
import { IMAGE_URL, TEMPLATE_URL, isSafeCopy, unsafeLetter } from './unsafeLetter';

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let no: string;
beforeEach(async () => {
  ws = await makeWorkspace();
  await seedMarket(ws);
  await ws.profile.update({ userId: 'ANNA', salespersonCode: 'JR' });
  no = (await ws.segments.create({ description: 'Christmas letter', interactionTemplateCode: 'ABSTRACT' })).no;
  await ws.segments.addContacts(no, { contact: { city: 'Roma' } });
});

describe('letters stored without external relationships', () => {
  test('the fixture does refer to a template and a linked picture', () => {
    expect(unsafeLetter()).toContain(TEMPLATE_URL);
    expect(unsafeLetter()).toContain(IMAGE_URL);
    expect(isSafeCopy(unsafeLetter())).toBe(false);
  });

  test("a segment's letters", async () => {
    await ws.segments.updateHeader(
      no,
      { letters: { ITA: { subject: 'Auguri', ooxml: unsafeLetter('Cara cliente,') } } },
      { updateLines: false },
    );
    const stored = await ws.ctx.db.segments.where('no').equals(no).first();
    expect(isSafeCopy(stored!.letters.ITA.ooxml, 'Cara cliente,')).toBe(true);
    expect(stored!.letters.ITA.subject).toBe('Auguri');
  });

  test("a line's own letter", async () => {
    await ws.segments.updateLine(no, 20000, { letter: unsafeLetter('Cara Anna,') });
    const line = (await ws.ctx.db.segmentLines.toArray()).find((l) => l.segmentNo === no && l.lineNo === 20000);
    expect(isSafeCopy(line!.letter, 'Cara Anna,')).toBe(true);
  });

  test("an interaction template's letters", async () => {
    await ws.interactionTemplates.upsert([
      { code: 'ABSTRACT', letters: { ENU: { subject: 'News', ooxml: unsafeLetter('Dear customer,') } } },
    ]);
    const template = await ws.interactionTemplates.get('ABSTRACT');
    expect(isSafeCopy(template!.letters.ENU.ooxml, 'Dear customer,')).toBe(true);
  });

  test('the letters logged with the entries', async () => {
    const r = await ws.segments.log(no, { letters: [{ lineNo: 20000, ooxml: unsafeLetter('Cara Anna,') }] });
    const entry = r.entries.find((e) => e.contactNo === 'P101')!;
    expect(isSafeCopy((await ws.interactionLog.get(entry.entryNo))!.letter, 'Cara Anna,')).toBe(true);
  });

  test('a segment package written and one read', async () => {
    // Written: a letter stored before this version (straight into the table) leaves without them.
    const header = (await ws.ctx.db.segments.where('no').equals(no).first())!;
    await ws.ctx.db.segments.put({
      ...header,
      letters: { ITA: { subject: 'Auguri', ooxml: unsafeLetter('Cara cliente,') } },
    });
    const line = (await ws.ctx.db.segmentLines.toArray()).find((l) => l.segmentNo === no && l.lineNo === 20000)!;
    await ws.ctx.db.segmentLines.put({ ...line, letter: unsafeLetter('Cara Anna,') });
    const pkg = await ws.packages.export(no);
    const text = JSON.stringify(pkg);
    expect(text).not.toContain(TEMPLATE_URL);
    expect(text).not.toContain(IMAGE_URL);
    expect(isSafeCopy(pkg.segment.letters.ITA.ooxml, 'Cara cliente,')).toBe(true);

    // Read: a package made elsewhere, carrying them, is stored without them.
    const foreign = {
      ...pkg,
      segment: { ...pkg.segment, letters: { ITA: { subject: 'Auguri', ooxml: unsafeLetter('Cara cliente,') } } },
      lines: pkg.lines.map((l) => (l.lineNo === 20000 ? { ...l, letter: unsafeLetter('Cara Anna,') } : l)),
    };
    const other = await makeWorkspace();
    const report = await other.packages.import(JSON.stringify(foreign));
    const stored = await other.ctx.db.segments.where('no').equals(report.segmentNo).first();
    expect(isSafeCopy(stored!.letters.ITA.ooxml, 'Cara cliente,')).toBe(true);
    const storedLine = (await other.ctx.db.segmentLines.toArray()).find((l) => l.lineNo === 20000);
    expect(isSafeCopy(storedLine!.letter, 'Cara Anna,')).toBe(true);
    other.close();
  });

  test('a letter with nothing external is stored as it was given', async () => {
    const plain = '<w:p><w:r><w:t>Cara Anna</w:t></w:r></w:p>';
    await ws.segments.updateLine(no, 20000, { letter: plain });
    const line = (await ws.ctx.db.segmentLines.toArray()).find((l) => l.segmentNo === no && l.lineNo === 20000);
    expect(line!.letter).toBe(plain);
  });
});
