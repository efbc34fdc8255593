// The letters stored with a logged segment: read back from Word when it can, else the letters rendered.
import { WORD_REQUEST_CAP } from '../../../src/domain/mergeBlocks';
import { LetterRenderer, type RenderedLetter } from '../../../src/domain/mergeRender';
import { featureUnavailable } from '../../../src/domain/officeRequirements';
import type { WordPort } from '../../../src/domain/ports/wordPort';
import { createWordAdapter } from '../../../src/office/word/wordAdapter';
import { lettersForLog } from '../../../src/ui/mailMerge/mergeFlow';
import { letterBody, makeSource, twentyFields } from '../../domain/mergeFixture';
import { FakeWordHost } from '../../office/wordFakeHost';

function rendered(n: number, letter: string): RenderedLetter[] {
  const src = makeSource(n, undefined, { documentLetter: letter });
  const rr = new LetterRenderer(src);
  return src.lines.map((l) => rr.render(l)!);
}

async function mergedHost(n: number, readBack: boolean) {
  const host = new FakeWordHost(WORD_REQUEST_CAP, letterBody(twentyFields));
  const word = createWordAdapter({ run: host.run, supports: { comments: true, createDocument: true, readBack } });
  const letters = rendered(n, (await word.readLetter()).ooxml!);
  await word.mergeLetters(letters, { comments: false });
  return { host, word, letters };
}

describe('letters for the log', () => {
  test('read back from the document where Word can', async () => {
    const { word, letters } = await mergedHost(3, true);
    const r = await lettersForLog(word, 'SEG00001', async () => letters);
    expect(r.fromDocument).toBe(true);
    expect(r.letters.map((l) => l.lineNo)).toEqual([10000, 20000, 30000]);
  });

  test('a Word without WordApi 1.3: the rendered letters, without asking Word', async () => {
    const { word, letters, host } = await mergedHost(3, false);
    const spy = vi.spyOn(host.context, 'sync');
    const r = await lettersForLog(word, 'SEG00001', async () => letters);
    expect(r.fromDocument).toBe(false);
    expect(r.letters.map((l) => l.lineNo)).toEqual([10000, 20000, 30000]);
    expect(r.letters[0].ooxml).toContain('<pkg:package');
    expect(spy).not.toHaveBeenCalled();
  });

  test('a read-back that fails (ApiNotFound on an older host): the rendered letters, and the error kept', async () => {
    const { letters } = await mergedHost(2, true);
    const failing = {
      supports: { comments: false, createDocument: false },
      readMergedLetters: async () => {
        throw Object.assign(new Error('The API you are trying to use could not be found.'), { code: 'ApiNotFound' });
      },
    } as unknown as WordPort;
    const r = await lettersForLog(failing, 'SEG00001', async () => letters);
    expect(r.fromDocument).toBe(false);
    expect(r.letters).toHaveLength(2);
    expect(r.readBackError).toMatchObject({ code: 'ApiNotFound' });
  });

  test('the refusal an adapter gives for a missing set is a readable error too', () => {
    expect(featureUnavailable('wordReadBack').message).toBe(
      'This needs WordApi 1.3 (Word 2016 or later); this Office does not have it.',
    );
  });
});
