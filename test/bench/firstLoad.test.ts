// The first-load measure: a minified script's bytes go to the source files its source map names, and the
// budget check fails above the budget, and above the 150 KiB goal once the goal is enforced.
import { describe, expect, test } from 'vitest';
import { groupOf, textBySource, withinBudget } from '../../bench/firstLoad';

describe('the first-load measure', () => {
  test('each mapped span of the output goes to its source; spans without one to the webpack glue', () => {
    // Line 1: "abc" from a.ts (col 0), "de" from b.ts (col 3), "f" unmapped (col 5); line 2: "gh" from a.ts.
    const code = 'abcdef\ngh';
    const map = {
      sources: ['webpack://segments/./src/ui/a.ts', 'webpack://segments/./node_modules/zod/b.js'],
      mappings: 'AAAA,GCAA,E;ADAA',
    };
    const by = textBySource(code, map);
    expect(by.get(map.sources[0])).toEqual(['abc', 'gh']);
    expect(by.get(map.sources[1])).toEqual(['de']);
    expect(by.get('(webpack glue)')).toEqual(['f']);
  });

  test('sources are grouped by package, or by folder of src/', () => {
    expect(groupOf('webpack://segments/./node_modules/@fluentui/react-menu/lib/index.js')).toBe('@fluentui/react-menu');
    expect(groupOf('webpack://segments/./node_modules/zod/v4/core.js')).toBe('zod');
    expect(groupOf('webpack://segments/./src/ui/shell/catalogs.ts?lang=en')).toBe('src/ui/shell');
    expect(groupOf('webpack://segments/webpack/runtime/load script')).toBe('webpack runtime');
  });

  test('the budget: within it passes, above it fails; with the goal enforced, above 150 KiB fails', () => {
    const budget = { firstLoadGzipKiB: 265.9, goalKiB: 150, goalEnforced: false };
    expect(withinBudget({ gz: 265.9 * 1024 }, budget).ok).toBe(true);
    expect(withinBudget({ gz: 266 * 1024 }, budget).ok).toBe(false);
    const enforced = { firstLoadGzipKiB: 152, goalKiB: 150, goalEnforced: true };
    expect(withinBudget({ gz: 149 * 1024 }, enforced)).toEqual({ ok: true, limit: 150 });
    expect(withinBudget({ gz: 151 * 1024 }, enforced).ok).toBe(false);
  });
});
