// A webpack loader that splits the message catalogs by language at build time, so that the pane fetches
// only the user's language. A module imported with `?lang=en` (or `?lang=it`) keeps that language only:
// every catalog literal `{ en: …, it: … }` in it has the other language emptied (`it: {}`), and its
// imports of other catalog modules (files named `…messages`/`…Messages`) get the same `?lang=`, so a
// registry of catalogs (src/ui/shell/catalogs.ts) imported with `?lang=it` is all-Italian. The catalog
// files themselves stay as they are: both languages side by side, as the tests read them.
import ts from 'typescript';

const LANGUAGES = ['en', 'it'];
const CATALOG_FILE = /(^|\/)[A-Za-z]*[mM]essages(\.tsx?)?$/;

/** The edits (start, end, text) that keep `lang` only in the source of one module. */
function edits(fileName, source, lang) {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out = [];
  const nameOf = (p) =>
    (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) &&
    (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))
      ? p.name.text
      : undefined;
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      !(ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly)
    ) {
      const spec = node.moduleSpecifier.text;
      if (spec.startsWith('.') && CATALOG_FILE.test(spec)) {
        out.push([node.moduleSpecifier.getStart(sf), node.moduleSpecifier.end, JSON.stringify(`${spec}?lang=${lang}`)]);
      }
    }
    if (ts.isObjectLiteralExpression(node)) {
      const names = node.properties.map(nameOf);
      if (names.length === LANGUAGES.length && LANGUAGES.every((l) => names.includes(l))) {
        for (const p of node.properties) {
          const name = nameOf(p);
          if (name !== lang) out.push([p.getStart(sf), p.end, `${name}: {}`]);
        }
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The source of `fileName` with only `lang` kept (see above). */
export function keepLanguage(fileName, source, lang) {
  if (!LANGUAGES.includes(lang)) throw new Error(`${fileName}: unknown catalog language "${lang}"`);
  let text = source;
  for (const [start, end, replacement] of edits(fileName, source, lang).sort((a, b) => b[0] - a[0])) {
    text = text.slice(0, start) + replacement + text.slice(end);
  }
  return text;
}

export default function catalogLoader(source) {
  const lang = new URLSearchParams(this.resourceQuery.replace(/^\?/, '')).get('lang');
  return keepLanguage(this.resourcePath, source, lang);
}
