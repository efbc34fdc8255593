import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const manifest = readFileSync('manifest.xml', 'utf8');

function validate(xml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  const file = join(dir, 'manifest.xml');
  writeFileSync(file, xml);
  const r = spawnSync(process.execPath, ['scripts/validate-manifest.mjs', file], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('manifest validation', () => {
  test('the manifest validates against the add-in schemas, for Excel (Workbook) and Word (Document)', () => {
    const r = validate(manifest);
    expect(r.out).toMatch(/validates/);
    expect(r.status).toBe(0);
  });

  test.each([
    ['an element the schema does not allow', manifest.replace('<Permissions>', '<Colour>teal</Colour><Permissions>'), /schema/],
    ['a wrong host name', manifest.replace('<Host Name="Document"/>', '<Host Name="Documents"/>'), /unknown host name "Documents"/],
    ['a resid that points nowhere', manifest.replace('resid="Group.Label"', 'resid="Group.Missing"'), /"Group.Missing" points at no/],
    ['an icon missing from assets', manifest.replaceAll('icon-80.png', 'icon-81.png'), /assets\/icon-81.png/],
  ])('a manifest with %s is refused and says why', (_what, xml, reason) => {
    const r = validate(xml);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(reason);
  });
});
