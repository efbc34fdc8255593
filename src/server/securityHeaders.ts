// The headers every answer of the add-in's server carries: a Content Security Policy suited to an Office
// add-in (scripts from this origin and Office's CDN, framed only by Office's hosts, calls only to this
// origin), no MIME sniffing and no referrer sent elsewhere.
import type { ServerResponse } from 'node:http';

/** Office's script CDN: office.js and the files it loads. */
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

/** The page office.js frames for its telemetry. */
export const OFFICE_TELEMETRY = 'https://telemetryservice.firstpartyapps.oaspapps.com';

/** The hosts that frame a task pane: Office on the web, Outlook, SharePoint/OneDrive, Teams. */
export const OFFICE_FRAME_HOSTS = [
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.officeapps.live.com',
  'https://*.microsoft.com',
  'https://*.sharepoint.com',
  'https://*.cloud.microsoft',
  'https://*.live.com',
];

export function contentSecurityPolicy(opts: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // Webpack's development build evaluates its modules; the production build needs no eval.
    `script-src 'self' ${OFFICE_CDN}${opts.dev ? " 'unsafe-eval'" : ''}`,
    // Fluent UI writes its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${opts.dev ? ' wss: ws:' : ''}`,
    // office.js frames its own telemetry page.
    `frame-src 'self' ${OFFICE_CDN} ${OFFICE_TELEMETRY}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors 'self' ${OFFICE_FRAME_HOSTS.join(' ')}`,
  ].join('; ');
}

export function setSecurityHeaders(res: ServerResponse, csp: string): void {
  res.setHeader('content-security-policy', csp);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
  res.setHeader('cross-origin-opener-policy', 'same-origin-allow-popups');
}
