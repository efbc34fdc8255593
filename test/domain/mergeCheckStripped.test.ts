// The merge check lists what a letter refers to outside itself (an attached template, a linked picture),
// which every merged letter leaves out: once per letter, however many contacts use it.
import { describe, expect, it } from 'vitest';
import { checkMerge } from '../../src/domain/mergeCheck';
import { LetterRenderer } from '../../src/domain/mergeRender';
import { makeSource } from './mergeFixture';
import { IMAGE_URL, TEMPLATE_URL, unsafeLetter } from '../store/unsafeLetter';

describe('merge check, external relationships', () => {
  it('lists the attached template and the linked picture once, and is not clean', () => {
    const src = makeSource(5, unsafeLetter());
    const rr = new LetterRenderer(src);
    const check = checkMerge(
      src.lines,
      src.lines.map((l) => rr.render(l)),
    );
    expect(check.stripped.map((x) => [x.kind, x.target]).sort()).toEqual([
      ['attachedTemplate', TEMPLATE_URL],
      ['image', IMAGE_URL],
    ]);
    expect(check.clean).toBe(false);
  });

  it('lists nothing for a letter without them', () => {
    const src = makeSource(2);
    const rr = new LetterRenderer(src);
    const check = checkMerge(
      src.lines,
      src.lines.map((l) => rr.render(l)),
    );
    expect(check.stripped).toEqual([]);
  });
});
