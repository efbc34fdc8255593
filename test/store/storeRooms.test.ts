// The store is one door with rooms behind it: an API module (src/store/*Api.ts) works on the store's
// context and the store-internal modules, never through another API module.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const storeDir = join(__dirname, '../../src/store');
const apiModules = readdirSync(storeDir).filter((f) => /Api\.ts$/.test(f));

/** The module specifiers a source file imports or re-exports (static and dynamic). */
function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(
    /(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*(?:\/\*[^*]*\*\/\s*)?'([^']+)'\s*\)/g,
  ))
    out.push(m[1] ?? m[2]);
  return out;
}

describe('the store’s rooms', () => {
  test('the check sees an import of one API module by another', () => {
    expect(importsOf("import { createSegment } from './segmentsApi';\nimport type { X } from './y';")).toEqual([
      './segmentsApi',
      './y',
    ]);
    expect(importsOf('const m = await import(/* webpackChunkName: "x" */ \'./logApi\');')).toEqual(['./logApi']);
  });

  test('there are API modules to check', () => {
    expect(apiModules).toEqual(
      expect.arrayContaining([
        'criteriaStepsApi.ts',
        'savedCriteriaApi.ts',
        'reuseSegmentApi.ts',
        'mailingGroupApi.ts',
        'logApi.ts',
        'segmentsApi.ts',
      ]),
    );
  });

  test.each(apiModules)('%s imports no other API module', (file) => {
    const sideways = importsOf(readFileSync(join(storeDir, file), 'utf8')).filter((s) => /^\.\/\w+Api$/.test(s));
    expect(sideways).toEqual([]);
  });
});
