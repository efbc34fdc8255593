// The paper of a merged letter whose own letter gives no page size.

// Paper in twentieths of a point (w:pgSz).
const A4 = { w: 11906, h: 16838 };
const US_LETTER = { w: 12240, h: 15840 };
// Elements a section's page size must come before (ECMA-376 CT_SectPr's order).
const AFTER_PAGE_SIZE =
  /<w:(pgMar|paperSrc|pgBorders|lnNumType|pgNumType|cols|formProt|vAlign|noEndnote|titlePg|textDirection|bidi|rtlGutter|docGrid|printerSettings|sectPrChange)\b/;

/**
 * Section properties with a page size. A letter that has none (a letter written as bare text, or saved
 * without page setup) would be printed on whatever paper the reader's Word or LibreOffice defaults to, US
 * Letter on many installations, so that one merged file mixes Letter pages with the A4 pages of another
 * language's letter. It gets the paper of `locale`'s country instead: the workspace's, the office that
 * prints the letters (else the letter's own language's): US Letter in the United States and Canada, A4
 * everywhere else.
 */
export function withPageSize(sectPr: string, locale: string): string {
  const open = sectPr.replace(/^<w:sectPr\b([^>]*?)\/>$/, '<w:sectPr$1></w:sectPr>') || '<w:sectPr></w:sectPr>';
  if (/<w:pgSz\b/.test(open)) return open;
  const size = usesLetterPaper(locale) ? US_LETTER : A4;
  const pgSz = `<w:pgSz w:w="${size.w}" w:h="${size.h}"/>`;
  const after = AFTER_PAGE_SIZE.exec(open);
  const at = after ? after.index : open.lastIndexOf('</w:sectPr>');
  return `${open.slice(0, at)}${pgSz}${open.slice(at)}`;
}

function usesLetterPaper(locale: string): boolean {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region === 'US' || region === 'CA';
  } catch {
    return false;
  }
}
