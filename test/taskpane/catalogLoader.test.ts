// The build's catalog split (scripts/catalog-loader.mjs): a catalog module imported with `?lang=it` keeps
// Italian only, and the registry of the pane's catalogs imported that way is Italian throughout, so the
// pane fetches one language at start. Each file is transformed, compiled and run as the build would.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { paneCatalogs } from '../../src/ui/shell/catalogs';
import { excelMessages } from '../../src/ui/import/messages';
import { wordMessages } from '../../src/ui/mailMerge/messages';
import type { MessageCatalog } from '../../src/ui/common/i18n';
import { keepLanguage } from '../../scripts/catalog-loader.mjs';

const root = resolve(import.meta.dirname, '../..');

/** A catalog module as the build makes it for one language, compiled and run. */
async function built(path: string, lang: string): Promise<Record<string, unknown>> {
  const file = join(root, path);
  const js = ts.transpileModule(keepLanguage(file, readFileSync(file, 'utf8'), lang), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  return (await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`)) as Record<string, unknown>;
}

const catalogFiles: [string, string, MessageCatalog][] = [
  ['src/ui/import/messages.ts', 'excelMessages', excelMessages],
  ['src/ui/mailMerge/messages.ts', 'wordMessages', wordMessages],
  ['src/ui/segments/messages.ts', 'segmentMessages', paneCatalogs[2]],
  ['src/ui/criteria/messages.ts', 'criteriaMessages', paneCatalogs[8]],
  ['src/ui/transfer/messages.ts', 'transferMessages', paneCatalogs[9]],
];

describe('the catalogs split by language at build time', () => {
  test.each(catalogFiles)('%s keeps one language, whole', async (path, name, original) => {
    for (const lang of ['en', 'it'] as const) {
      const other = lang === 'en' ? 'it' : 'en';
      const catalog = (await built(path, lang))[name] as MessageCatalog;
      expect(catalog[lang]).toEqual(original[lang]);
      expect(catalog[other]).toEqual({});
    }
  });

  test('the registry imported with ?lang=it imports each catalog with ?lang=it, and nothing else changes', () => {
    const file = join(root, 'src/ui/shell/catalogs.ts');
    const source = readFileSync(file, 'utf8');
    const out = keepLanguage(file, source, 'it');
    const specs = [...out.matchAll(/from ["']([^"']+)["']/g)].map((m) => m[1]);
    const catalogs = specs.filter((s) => /[mM]essages/.test(s));
    expect(catalogs.length).toBe(paneCatalogs.length);
    for (const s of catalogs) expect(s).toMatch(/\?lang=it$/);
    for (const s of specs.filter((x) => !/[mM]essages/.test(x))) expect(s).not.toMatch(/\?lang=/);
    expect(out.replace(/\?lang=it/g, '').replace(/"/g, "'")).toBe(source);
  });

  test('an unknown language is refused with the file named', () => {
    expect(() => keepLanguage('src/ui/segments/messages.ts', '', 'de')).toThrow(
      'src/ui/segments/messages.ts: unknown catalog language "de"',
    );
  });
});
