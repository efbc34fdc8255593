// The HTTPS certificate for localhost: the Office add-in developer certificates (~/.office-addin-dev-certs).
// On Windows and Mac `office-addin-dev-certs install` creates and trusts them. On Linux trusting needs
// sudo and fails, so we generate the same three files and read them directly; trust the CA in the
// browser you use (see README).
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';

export const certDir = process.env.SEGMENTS_CERT_DIR ?? join(homedir(), '.office-addin-dev-certs');
const files = {
  ca: join(certDir, 'ca.crt'),
  cert: join(certDir, 'localhost.crt'),
  key: join(certDir, 'localhost.key'),
};

function valid() {
  if (!Object.values(files).every((f) => existsSync(f))) return false;
  const cert = new X509Certificate(readFileSync(files.cert));
  return new Date(cert.validTo).getTime() > Date.now() + 24 * 3600 * 1000;
}

export async function httpsOptions() {
  if (!valid()) {
    const devCerts = await import('office-addin-dev-certs');
    const api = devCerts.default ?? devCerts;
    if (process.platform === 'win32' || process.platform === 'darwin') {
      await api.ensureCertificatesAreInstalled();
    } else {
      await api.generateCertificates(files.ca, files.cert, files.key, 30);
    }
  }
  // The private key is readable by its owner only (the generator leaves it world-readable).
  if (process.platform !== 'win32' && (statSync(files.key).mode & 0o077) !== 0) chmodSync(files.key, 0o600);
  return { ca: readFileSync(files.ca), cert: readFileSync(files.cert), key: readFileSync(files.key) };
}
