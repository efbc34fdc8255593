#!/usr/bin/env node
// Validates manifest.xml offline: Microsoft's add-in manifest XSDs (read from ../shared or from
// $MANIFEST_SCHEMAS_DIR, never copied into the project), then what the schemas cannot see: host names,
// and every resid pointing at a declared image, URL or string. Where the schemas are absent it falls
// back to `office-addin-manifest validate`, which needs Microsoft's online service.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifestPath = resolve(root, process.argv[2] ?? 'manifest.xml');
const schemaDir = process.env.MANIFEST_SCHEMAS_DIR ?? resolve(root, '..', 'shared', 'office-manifest-schemas');
const manifest = readFileSync(manifestPath, 'utf8');
const problems = [];

if (existsSync(join(schemaDir, 'OfficeAppManifestV1_1.xsd'))) {
  const { validateXML } = await import('xmllint-wasm');
  const xsds = readdirSync(schemaDir).filter((f) => f.endsWith('.xsd'));
  const main = 'OfficeAppManifestV1_1.xsd';
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: manifest }],
    schema: [{ fileName: main, contents: readFileSync(join(schemaDir, main), 'utf8') }],
    preload: xsds
      .filter((f) => f !== main)
      .map((f) => ({ fileName: f, contents: readFileSync(join(schemaDir, f), 'utf8') })),
  });
  for (const e of result.errors) problems.push(`schema: ${e.rawMessage ?? e.message}`);
} else {
  console.log(`Manifest schemas not found in ${schemaDir}; using office-addin-manifest validate (needs the internet).`);
  const r = spawnSync('npx', ['--yes', 'office-addin-manifest', 'validate', manifestPath], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Host names are free text in the schema: only these two are ours.
const hosts = [...manifest.matchAll(/<Host Name="([^"]+)"/g)].map((m) => m[1]);
for (const h of hosts) if (!['Workbook', 'Document'].includes(h)) problems.push(`host: unknown host name "${h}"`);
if (hosts.sort().join() !== 'Document,Workbook')
  problems.push(`host: expected Workbook and Document, found ${hosts.join(', ') || 'none'}`);
const overrideHosts = [...manifest.matchAll(/<Host xsi:type="([^"]+)"/g)].map((m) => m[1]);
for (const h of overrideHosts)
  if (!hosts.includes(h)) problems.push(`host: VersionOverrides names "${h}", not declared in <Hosts>`);

// Every resid must point at a declared resource id.
const declared = new Set([...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
for (const m of manifest.matchAll(/resid="([^"]+)"/g))
  if (!declared.has(m[1])) problems.push(`resid: "${m[1]}" points at no bt:Image, bt:Url or bt:String`);
for (const m of manifest.matchAll(/resid="([^"]+)"/g))
  if (m[1].length > 32) problems.push(`resid: "${m[1]}" is longer than 32 characters`);

// Icons named by the manifest must exist in assets/.
for (const m of manifest.matchAll(/https:\/\/[^"<\s/]+\/assets\/([\w.-]+)/g)) {
  if (!existsSync(join(root, 'assets', m[1])))
    problems.push(`asset: assets/${m[1]} is named by the manifest but missing`);
}

// One origin: every URL the add-in loads is under its AppDomain (a deployment rewrites them all).
const domains = [...manifest.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]);
for (const m of manifest.matchAll(/(?:DefaultValue|Value)="(https:\/\/[^"]+)"/g)) {
  const origin = new URL(m[1]).origin;
  if (!domains.includes(origin))
    problems.push(`url: ${m[1]} is not under an AppDomain (${domains.join(', ') || 'none'})`);
}

// Host-specific requirement sets may not be top-level (nor in VersionOverrides, which applies to every
// host): ExcelApi there would keep the add-in out of Word and WordApi out of Excel. They are checked
// at run time, feature by feature (src/domain/officeRequirements.ts).
for (const m of manifest.matchAll(/<(?:bt:)?Set Name="((?:Excel|Word)Api)"/g)) {
  problems.push(
    `requirements: ${m[1]} in the manifest would keep the add-in out of the other host; check it at run time`,
  );
}

if (problems.length) {
  console.error(`manifest.xml is not valid:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `manifest.xml validates (schemas, ${hosts.length} hosts, ${declared.size} resources, every resid resolved)`,
);
