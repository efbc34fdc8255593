// The letter an interaction log entry keeps is the letter its contact got in the merged .docx: its
// headers and footers filled for the contact, its page size, and its comment as a Word comment when
// the merge attached comments. "Show Attachments" opens it as a .docx of its own.
import { letterDocx, loggedLetter, mergedDocx, readDocxParts } from '../../src/domain/docx';
import { ooxmlToText, parseLetter } from '../../src/domain/mergeOoxml';
import { LetterRenderer } from '../../src/domain/mergeRender';
import { mixed, resolve } from './layoutFixture';
import { makeSource } from './mergeFixture';

/** The text of the header or footer the .docx's last section names. */
function headerFooter(parts: Record<string, string>, kind: 'header' | 'footer'): string {
  const doc = parts['word/document.xml'];
  const id = new RegExp(`<w:${kind}Reference\\b[^>]*r:id="([^"]+)"`).exec(doc)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(
    parts['word/_rels/document.xml.rels'],
  );
  return ooxmlToText(parts[`word/${target?.[1] ?? target?.[2]}`] ?? '').trim();
}

function italianLetter() {
  const { src } = mixed();
  const rr = new LetterRenderer({ ...src, resolve });
  return { src, letter: rr.render(src.lines[1])! };
}

describe('the letter an entry keeps', () => {
  test('has its header and footer filled for its contact, as in the merged .docx', () => {
    const { letter } = italianLetter();
    const parts = readDocxParts(letterDocx(loggedLetter(letter, { author: 'Jo' })));
    expect(headerFooter(parts, 'header')).toBe('INTESTAZIONE Contact 1');
    expect(headerFooter(parts, 'footer')).toBe('PIE DI PAGINA Milano');
    const merged = readDocxParts(mergedDocx([letter], { author: 'Jo' }));
    expect(headerFooter(merged, 'header')).toBe('INTESTAZIONE Contact 1');
    // The header's logo comes along.
    expect(Object.keys(parts).some((k) => k.endsWith('.rels') && parts[k].includes('media/image1.png'))).toBe(true);
    expect(ooxmlToText(parseLetter(loggedLetter(letter, { author: 'Jo' })).body)).toContain(
      'Caro Contact 1, lettera italiana.',
    );
  });

  test('keeps the line’s comment as a Word comment, as the download does', () => {
    const { letter } = italianLetter();
    const parts = readDocxParts(
      letterDocx(loggedLetter(letter, { author: 'Jo Rossi', initials: 'JR', date: '2026-11-29T10:00:00Z' })),
    );
    expect(parts['word/comments.xml']).toContain('Remember the discount, Contact 1.');
    expect(parts['word/comments.xml']).toContain('w:author="Jo Rossi"');
    expect(parts['word/_rels/document.xml.rels']).toContain('relationships/comments');
    expect(parts['[Content_Types].xml']).toContain('PartName="/word/comments.xml"');
    expect(parts['word/document.xml']).toMatch(
      /<w:commentRangeStart w:id="(\d+)"\/>[\s\S]*<w:commentReference w:id="\1"\/>/,
    );
  });

  test('has no comment when the merge attached none', () => {
    const { letter } = italianLetter();
    const parts = readDocxParts(letterDocx(loggedLetter({ ...letter, comment: '' }, { author: 'Jo' })));
    expect(parts['word/comments.xml']).toBeUndefined();
    expect(parts['word/document.xml']).not.toContain('commentReference');
  });

  test('a letter without a page size gets the paper of the workspace country', () => {
    const src = makeSource(1, '<w:p><w:r><w:t>Plain letter</w:t></w:r></w:p>');
    const letter = new LetterRenderer(src).render(src.lines[0])!;
    expect(parseLetter(loggedLetter(letter, { author: 'Jo', pageLocale: 'it-IT' })).sectPr).toContain(
      '<w:pgSz w:w="11906" w:h="16838"/>',
    );
    expect(parseLetter(loggedLetter(letter, { author: 'Jo', pageLocale: 'en-US' })).sectPr).toContain(
      '<w:pgSz w:w="12240" w:h="15840"/>',
    );
  });
});
