// Property: any field value gives well-formed OOXML, and the letter's text holds the value as the spec
// normalises it (line breaks become Word line breaks; characters XML cannot hold are dropped and
// reported). The XML is parsed by a real XML parser, and the text read from its DOM.
import { DOMParser, type Element as XElement, type Node as XNode } from '@xmldom/xmldom';
import fc from 'fast-check';
import { planMergeBlocks } from '../../src/domain/mergeBlocks';
import { LetterRenderer } from '../../src/domain/mergeRender';
import { makeContact } from '../builders';
import { fieldControl, letterPackage, makeSource } from './mergeFixture';

/** The spec's normalisation, written independently of the code under test: by code point. */
function expected(value: string): { text: string; dropped: number } {
  const unified = value.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, '\n');
  let text = '';
  let dropped = 0;
  for (const ch of unified) {
    const cp = ch.codePointAt(0)!;
    const xmlChar =
      cp === 0x9 ||
      cp === 0xa ||
      cp === 0xd ||
      (cp >= 0x20 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0xfffd) ||
      cp >= 0x10000;
    if (!xmlChar || (cp >= 0x7f && cp <= 0x9f)) dropped++;
    else text += ch;
  }
  return { text, dropped };
}

function parseStrict(xml: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => level !== 'warning' && errors.push(`${level}: ${msg}`),
  }).parseFromString(xml, 'text/xml');
  return { doc, errors };
}

/** The text of the letter's paragraphs read from the DOM: w:t, w:br → \n, w:tab → \t. */
function domText(node: XNode): string {
  let out = '';
  const walk = (n: XNode) => {
    if (n.nodeType === 1) {
      const el = n as XElement;
      if (el.tagName === 'w:t') {
        out += el.textContent ?? '';
        return;
      }
      if (el.tagName === 'w:br') out += '\n';
      if (el.tagName === 'w:tab') out += '\t';
    }
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(node);
  return out;
}

const nasty = fc.constantFrom(
  '<',
  '>',
  '&',
  '"',
  "'",
  ']]>',
  '<![CDATA[',
  '&amp;',
  '\u0000',
  '\u0007',
  '\u001f',
  '\u007f',
  '\u0085',
  '\r\n',
  '\n',
  '\r',
  '\t',
  '\u2028',
  '😀',
  '👩‍👩‍👧',
  'שלום',
  'مرحبا',
  '\u202e',
  '\u200f',
  '\ud800',
  '\udc00',
  '\ufffe',
  '\uffff',
  '{name}',
);
const valueArb = fc.oneof(
  fc
    .array(
      fc.oneof(nasty, fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 })),
      { maxLength: 40 },
    )
    .map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

function renderWith(value: string) {
  const letter = letterPackage(
    `<w:p><w:r><w:t xml:space="preserve">Note: </w:t></w:r>${fieldControl('extra.Note')}<w:r><w:t>.</w:t></w:r></w:p>`,
  );
  const src = makeSource(1, letter);
  src.contacts.set(src.lines[0].contactNo, makeContact(0, { extra: { Note: value } }));
  return new LetterRenderer(src).render(src.lines[0])!;
}

function checkValue(value: string) {
  const r = renderWith(value);
  const [block] = planMergeBlocks([r]);
  const { doc, errors } = parseStrict(block.ooxml);
  expect(errors).toEqual([]);
  const body = doc.getElementsByTagName('w:body')[0];
  const want = expected(value);
  expect(domText(body)).toBe(`Note: ${want.text}.`);
  expect(r.dropped.reduce((n, d) => n + d.chars.length, 0)).toBe(want.dropped);
}

describe('any field value in a letter', () => {
  it('yields well-formed OOXML whose text is the normalised value', () => {
    fc.assert(fc.property(valueArb, checkValue), { numRuns: 300 });
  });

  it('holds 10,000-character values, right-to-left text and emoji', () => {
    fc.assert(
      fc.property(fc.tuple(nasty, fc.string({ unit: 'grapheme', minLength: 10_000, maxLength: 10_000 })), ([a, b]) =>
        checkValue(a + b + a),
      ),
      { numRuns: 10 },
    );
    checkValue('\u05e9\u05dc\u05d5\u05dd 😀\r\nsecond line\u0001'.repeat(500));
  });

  it('in a comment: the normalised text goes to the Word comment', () => {
    const src = makeSource(1);
    src.lines[0] = { ...src.lines[0], comment: 'a\r\nb\u0002c' };
    expect(new LetterRenderer(src).render(src.lines[0])!.comment).toBe('a\nbc');
  });
});
