import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { deploymentId, deploymentManifest } from '../scripts/deploy-manifest.mjs';

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
    [
      'an element the schema does not allow',
      manifest.replace('<Permissions>', '<Colour>teal</Colour><Permissions>'),
      /schema/,
    ],
    [
      'a wrong host name',
      manifest.replace('<Host Name="Document"/>', '<Host Name="Documents"/>'),
      /unknown host name "Documents"/,
    ],
    [
      'a resid that points nowhere',
      manifest.replace('resid="Group.Label"', 'resid="Group.Missing"'),
      /"Group.Missing" points at no/,
    ],
    ['an icon missing from assets', manifest.replaceAll('icon-80.png', 'icon-81.png'), /assets\/icon-81.png/],
  ])('a manifest with %s is refused and says why', (_what, xml, reason) => {
    const r = validate(xml);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(reason);
  });
});

describe('the manifest of a deployment', () => {
  test('for a given URL it validates, names that origin everywhere, has its own Id and Version, and holds no localhost', () => {
    const xml = deploymentManifest(manifest, 'https://segments.example.lan:3000', { version: '0.1.0.7' });
    const r = validate(xml);
    expect(r.out).toMatch(/validates/);
    expect(r.status).toBe(0);
    expect(xml).not.toMatch(/localhost/i);
    expect(xml).toContain('<AppDomain>https://segments.example.lan:3000</AppDomain>');
    expect(xml).toContain('<SourceLocation DefaultValue="https://segments.example.lan:3000/taskpane.html"/>');
    expect(xml).toContain('<Version>0.1.0.7</Version>');
    const id = /<Id>([^<]+)<\/Id>/.exec(xml)![1];
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).not.toBe(/<Id>([^<]+)<\/Id>/.exec(manifest)![1]);
    expect(deploymentId('https://segments.example.lan:3000')).toBe(id);
    expect(deploymentId('https://other.example.lan')).not.toBe(id);
  });

  test.each([
    ['http://segments.example.lan', /https only/],
    ['https://segments.example.lan/addin/', /only the origin/],
    ['segments', /not a URL/],
  ])('a deployment URL like %s is refused with the reason', (url, reason) => {
    expect(() => deploymentManifest(manifest, url)).toThrow(reason);
  });

  test('a URL left outside the AppDomain, or ExcelApi among the requirements, is refused', () => {
    expect(
      validate(manifest.replace('https://localhost:3000/help.html"/>', 'https://elsewhere.example/help.html"/>')).out,
    ).toMatch(/not under an AppDomain/);
    const withSet = manifest.replace(
      '<Permissions>',
      '<Requirements><Sets><Set Name="ExcelApi" MinVersion="1.7"/></Sets></Requirements><Permissions>',
    );
    const r = validate(withSet);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/ExcelApi in the manifest would keep the add-in out of the other host/);
  });
});
