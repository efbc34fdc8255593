// The Word adapter against a host that queues calls until sync, refuses requests and responses over
// the cap, and parses every inserted package (test/office/wordFakeHost.ts). Syncs are counted with a
// spy on the office-addin-mock context's `sync`.
import { readDocxParts, mergedDocx, base64ToBytes } from '../../src/domain/docx';
import { WORD_REQUEST_CAP } from '../../src/domain/mergeBlocks';
import { compileLetter, LetterRenderer, type RenderedLetter } from '../../src/domain/mergeRender';
import { ooxmlToText, parseLetter } from '../../src/domain/mergeOoxml';
import { createWordAdapter } from '../../src/office/word/wordAdapter';
import { fieldControl, letterBody, makeSource, twentyFields } from '../domain/mergeFixture';
import { FakeWordHost } from './wordFakeHost';

const supports = { comments: true, createDocument: true };

function setup(n: number, opts: { body?: string; comments?: boolean; cap?: number } = {}) {
  const host = new FakeWordHost(WORD_REQUEST_CAP, opts.body ?? letterBody(twentyFields));
  const word = createWordAdapter({
    run: host.run,
    supports: { ...supports, comments: opts.comments ?? true },
    cap: opts.cap,
  });
  const sync = vi.spyOn(host.context, 'sync');
  return { host, word, sync, n };
}

function render(n: number, letter: string, patch?: (src: ReturnType<typeof makeSource>) => void): RenderedLetter[] {
  const src = makeSource(n, undefined, { documentLetter: letter });
  patch?.(src);
  const rr = new LetterRenderer(src);
  return src.lines.map((l) => rr.render(l)!);
}

// The host parses every 4 MB block with a real XML parser: seconds per block on a small machine.
const big = { timeout: 120_000 };

describe('merging into the open document', () => {
  it(
    'merges 1,000 letters with 20 fields and 1,000 comments in at most 6 syncs, no request over 4 MB',
    big,
    async () => {
      const { host, word, sync } = setup(1000);
      const read = await word.readLetter();
      expect(read.merged).toEqual([]);
      expect(compileLetter(read.ooxml!).keys).toEqual(twentyFields);
      const letters = render(1000, read.ooxml!);
      const progress: number[] = [];
      const report = await word.mergeLetters(letters, { comments: true, onProgress: (done) => progress.push(done) });
      expect(progress).toHaveLength(3);
      expect(progress.at(-1)).toBe(1000);

      expect(sync.mock.calls.length).toBe(read.syncs + report.syncs);
      expect(sync.mock.calls.length).toBeLessThanOrEqual(6);
      expect(report).toMatchObject({ letters: 1000, blocks: 3, comments: { outcome: 'attached', attached: 1000 } });
      expect(read.syncs).toBe(2); // the tags, then the letter's OOXML
      expect(sync.mock.calls.length).toBe(6);
      expect(
        host.requests.every((r) => r.ok && r.bytes <= WORD_REQUEST_CAP && r.responseBytes <= WORD_REQUEST_CAP),
      ).toBe(true);

      const tags = host.items.filter((i) => i.tag).map((i) => i.tag);
      expect(tags).toEqual(letters.map((l) => `bcsegment:SEG00001:${l.lineNo}`));
      expect(host.comments).toHaveLength(1000);
      expect(host.comments[999]).toEqual({
        tag: 'bcsegment:SEG00001:10000000',
        text: 'Remember the discount, Contact 999.',
      });
      const text = ooxmlToText(host.bodyXml());
      expect(text.split('\f')).toHaveLength(1000);
      expect(text.split('\f')[998]).toContain('Line 1: Contact 998\n');
    },
  );

  it('reads the 1,000 merged letters back in blocks, within the same budget', big, async () => {
    const { word, host, sync } = setup(1000);
    const letter = (await word.readLetter()).ooxml!;
    const letters = render(1000, letter);
    await word.mergeLetters(letters, { comments: false });
    sync.mockClear();
    host.requests = [];

    const back = await word.readMergedLetters('SEG00001');
    expect(sync.mock.calls.length).toBe(back.syncs);
    expect(back.syncs).toBeLessThanOrEqual(6);
    expect(host.requests.every((r) => r.ok && r.bytes <= WORD_REQUEST_CAP && r.responseBytes <= WORD_REQUEST_CAP)).toBe(
      true,
    );
    expect(back.letters.map((l) => l.lineNo)).toEqual(letters.map((l) => l.lineNo));
    expect(ooxmlToText(parseLetter(back.letters[500].ooxml).body)).toBe(ooxmlToText(letters[500].body));
  });

  it('refuses one block holding everything: the host rejects requests over the cap', big, async () => {
    const { word, host } = setup(1000, { cap: 64 * 1024 * 1024 });
    const letters = render(1000, (await word.readLetter()).ooxml!);
    await expect(word.mergeLetters(letters, { comments: false })).rejects.toMatchObject({
      name: 'WordHostError',
      code: 'RequestPayloadSizeLimitExceeded',
    });
    expect(host.requests.at(-1)).toMatchObject({ ok: false });
    expect(host.requests.at(-1)!.bytes).toBeGreaterThan(WORD_REQUEST_CAP);
  });

  it('keeps every letter and says so when the host refuses comments', async () => {
    const { word, host } = setup(30);
    host.refuseComments = 'NotAllowed';
    const letters = render(30, (await word.readLetter()).ooxml!);
    const report = await word.mergeLetters(letters, { comments: true });
    expect(report.comments).toEqual({
      outcome: 'refused',
      attached: 0,
      errorCode: 'NotAllowed',
      inField: 30,
      inParagraph: 0,
    });
    expect(host.items.filter((i) => i.tag)).toHaveLength(30);
    expect(ooxmlToText(host.bodyXml())).toContain('Line 19: Remember the discount, Contact 29.\n');
  });

  it('does not try comments where WordApi 1.4 is missing, and keeps the inline text', async () => {
    const { word, host, sync } = setup(5, { comments: false });
    const letters = render(5, (await word.readLetter()).ooxml!);
    sync.mockClear();
    const report = await word.mergeLetters(letters, { comments: true });
    expect(report.comments).toEqual({ outcome: 'unsupported', attached: 0, inField: 5, inParagraph: 0 });
    expect(sync).toHaveBeenCalledTimes(1);
    expect(host.comments).toEqual([]);
    expect(ooxmlToText(host.bodyXml())).toContain('Line 19: Remember the discount, Contact 4.\n');
  });

  describe('comments never lost quietly: a letter without a «Comment» field gets a marked paragraph', () => {
    const noCommentField = twentyFields.filter((f) => f !== 'comment');

    it('comments unavailable (no WordApi 1.4): each letter ends with its comment, in one more sync', async () => {
      const { word, host, sync } = setup(5, { comments: false, body: letterBody(noCommentField) });
      const letters = render(5, (await word.readLetter()).ooxml!);
      sync.mockClear();
      const report = await word.mergeLetters(letters, { comments: true, commentLabel: 'Commento:' });
      expect(report.comments).toEqual({ outcome: 'unsupported', attached: 0, inField: 0, inParagraph: 5 });
      expect(sync).toHaveBeenCalledTimes(2);
      expect(report.syncs).toBe(2);
      const texts = ooxmlToText(host.bodyXml()).split('\f');
      expect(texts).toHaveLength(5);
      texts.forEach((t, i) =>
        expect(t.trimEnd().endsWith(`Commento: Remember the discount, Contact ${i}.`)).toBe(true),
      );
      expect(host.comments).toEqual([]);
      expect(host.requests.every((r) => r.ok && r.bytes <= WORD_REQUEST_CAP)).toBe(true);
    });

    it('comments refused by the host: the ones not attached go into their letters', async () => {
      const { word, host } = setup(30, { body: letterBody(noCommentField) });
      host.refuseComments = 'NotAllowed';
      const letters = render(30, (await word.readLetter()).ooxml!);
      const report = await word.mergeLetters(letters, { comments: true });
      expect(report.comments).toEqual({
        outcome: 'refused',
        attached: 0,
        errorCode: 'NotAllowed',
        inField: 0,
        inParagraph: 30,
      });
      const texts = ooxmlToText(host.bodyXml()).split('\f');
      expect(texts[29]).toContain('Comment: Remember the discount, Contact 29.');
    });

    it('with a «Comment» field the letter already shows it: nothing is added', async () => {
      const { word, host, sync } = setup(5, { comments: false });
      const letters = render(5, (await word.readLetter()).ooxml!);
      sync.mockClear();
      await word.mergeLetters(letters, { comments: true });
      expect(sync).toHaveBeenCalledTimes(1);
      expect(ooxmlToText(host.bodyXml())).not.toContain('Comment: Remember');
    });
  });

  describe('features this Word lacks: refused before anything is sent, each with what it needs', () => {
    const lacking = (supports: Partial<{ insertField: boolean; readBack: boolean; createDocument: boolean }>) => {
      const host = new FakeWordHost(WORD_REQUEST_CAP, letterBody(twentyFields));
      const word = createWordAdapter({
        run: host.run,
        supports: { comments: false, createDocument: true, ...supports },
      });
      return { host, word, sync: vi.spyOn(host.context, 'sync') };
    };
    it.each([
      [
        'inserting a field',
        'wordInsertField',
        { insertField: false },
        (w: ReturnType<typeof createWordAdapter>) => w.insertField('contact.name', 'Name'),
      ],
      [
        'reading letters back',
        'wordReadBack',
        { readBack: false },
        (w: ReturnType<typeof createWordAdapter>) => w.readMergedLetters('SEG00001'),
      ],
      [
        'opening a new document',
        'wordCreateDocument',
        { createDocument: false },
        (w: ReturnType<typeof createWordAdapter>) => w.openDocument(new Uint8Array([1])),
      ],
    ])('%s', async (_, feature, supports, call) => {
      const { word, sync } = lacking(supports);
      const e = await call(word).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toMatchObject({
        code: 'INVALID_INPUT',
        details: { code: 'featureUnavailable', feature, set: 'WordApi', version: '1.3' },
      });
      expect(sync).not.toHaveBeenCalled();
    });

    it('the core still works: the letter is read and merged', async () => {
      const { word } = lacking({ insertField: false, readBack: false, createDocument: false });
      const read = await word.readLetter();
      const report = await word.mergeLetters(render(3, read.ooxml!), { comments: true });
      expect(report.letters).toBe(3);
    });
  });

  it('re-reads a merged document as its merged letters, in one sync', async () => {
    const { word, sync } = setup(3);
    await word.mergeLetters(render(3, (await word.readLetter()).ooxml!), { comments: false });
    sync.mockClear();
    const read = await word.readLetter();
    expect(read).toEqual({
      merged: [10000, 20000, 30000].map((lineNo) => ({ segmentNo: 'SEG00001', lineNo })),
      syncs: 1,
    });
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it(
    're-merge over 1,000 letters: the tags alone, one round trip, no response over the cap and none refused',
    big,
    async () => {
      const { word, host, sync } = setup(1000);
      await word.mergeLetters(render(1000, (await word.readLetter()).ooxml!), { comments: false });
      sync.mockClear();
      host.requests = [];
      const read = await word.readLetter();
      expect(read.merged).toHaveLength(1000);
      expect(read.ooxml).toBeUndefined();
      expect(sync).toHaveBeenCalledTimes(1);
      expect(host.requests.map((r) => r.ok)).toEqual([true]);
      expect(host.requests[0].responseBytes).toBeLessThan(WORD_REQUEST_CAP);
    },
  );

  it('halves a read block that turns out larger than the first letter suggested', async () => {
    const { word, host } = setup(200);
    const letter = (await word.readLetter()).ooxml!;
    const letters = render(200, letter, (src) => {
      // the first contact's letter is small (a short name); the others carry 20 KB of extra text
      src.lines.forEach((l, i) => (src.lines[i] = { ...l, comment: i === 0 ? '' : 'x'.repeat(2000) }));
    });
    await word.mergeLetters(letters, { comments: false });
    const smallWord = createWordAdapter({ run: host.run, supports, cap: 400_000, readMargin: 1 });
    host.cap = 400_000;
    host.requests = [];
    const back = await smallWord.readMergedLetters('SEG00001');
    expect(back.letters).toHaveLength(200);
    expect(host.requests.some((r) => !r.ok)).toBe(true);
    expect(host.requests.filter((r) => r.ok).every((r) => r.responseBytes <= host.cap)).toBe(true);
  });

  it('reads nothing back from a document without letters', async () => {
    const { word } = setup(0, { body: '<w:p><w:r><w:t>plain</w:t></w:r></w:p>' });
    expect(await word.readMergedLetters('SEG00001')).toEqual({ letters: [], blocks: 0, syncs: 2 });
  });
});

describe('fields, templates and new documents', () => {
  it('inserts a merge field at the cursor as a content control tagged with its key, in one sync', async () => {
    const { word, host, sync } = setup(0, { body: '<w:p><w:r><w:t xml:space="preserve">Dear </w:t></w:r></w:p>' });
    await word.insertField('contact.name', 'Name');
    expect(sync).toHaveBeenCalledTimes(1);
    expect(host.bodyXml()).toContain(
      '<w:sdt><w:sdtPr><w:id w:val="1"/><w:alias w:val="Name"/><w:tag w:val="contact.name"/></w:sdtPr><w:sdtContent><w:r><w:t>«Name»</w:t></w:r></w:sdtContent></w:sdt>',
    );
    const read = await word.readLetter();
    expect(compileLetter(read.ooxml!).keys).toEqual(['contact.name']);
  });

  it('loads a template letter into the body and reads it back', async () => {
    const { word, host } = setup(0, { body: '<w:p/>' });
    await word.replaceBody(
      `<w:p><w:r><w:t xml:space="preserve">Hello </w:t></w:r>${fieldControl('contact.city')}</w:p>`,
    );
    expect(host.items[0].xml).toContain('<w:tag w:val="contact.city"/>');
    expect(compileLetter((await word.readLetter()).ooxml!).keys).toEqual(['contact.city']);
    await expect(word.replaceBody('<w:p>not closed')).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('opens merged letters as a new document from a .docx', async () => {
    const { word, host, sync } = setup(0);
    const letters = render(3, makeSource(1).header.letters.ENU.ooxml);
    await word.openDocument(mergedDocx(letters, { author: 'Jo' }));
    expect(sync).toHaveBeenCalledTimes(1);
    expect(host.opened).toHaveLength(1);
    expect(readDocxParts(base64ToBytes(host.opened[0]))['word/comments.xml']).toContain(
      'Remember the discount, Contact 2.',
    );
  });
});
