// The manifest for one deployment: every https://localhost:3000 of manifest.xml (icons, pages, the
// AppDomain) becomes the deployment's origin, and the add-in gets an Id and a Version of its own, so
// that a team's add-in and a developer's localhost one can be installed side by side.
import { createHash } from 'node:crypto';

export const DEV_ORIGIN = 'https://localhost:3000';

/** The origin of a deployment URL, refused unless it is https (Office loads add-ins over https only). */
export function deploymentOrigin(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--url ${url} is not a URL; give the add-in's address, e.g. https://segments.example.lan:3000`);
  }
  if (u.protocol !== 'https:') throw new Error(`--url ${url}: Office loads add-ins over https only`);
  if (u.pathname !== '/' || u.search || u.hash)
    throw new Error(`--url ${url}: give only the origin (https://host:port), the add-in is served from its root`);
  return u.origin;
}

/** A stable GUID per origin (name-based, SHA-1): the same deployment keeps its Id build after build. */
export function deploymentId(origin) {
  const h = createHash('sha1').update(`segments-addin:${origin}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** package.json's 0.1.0 as the manifest's four-part 0.1.0.<build>. */
export function manifestVersion(packageVersion, build = 0) {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(packageVersion);
  if (!m) throw new Error(`package version ${packageVersion} is not x.y.z`);
  return `${m[1]}.${m[2]}.${m[3]}.${build}`;
}

export function deploymentManifest(xml, url, { version } = {}) {
  const origin = deploymentOrigin(url);
  let out = xml.replaceAll(DEV_ORIGIN, origin);
  out = out.replace(/<Id>[^<]*<\/Id>/, `<Id>${deploymentId(origin)}</Id>`);
  if (version) out = out.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
  if (out.includes('localhost')) throw new Error('the deployment manifest still names localhost');
  return out;
}
