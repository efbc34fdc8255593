// A change the team server refused for the user's role, in the user's language. The server answers the
// rule it applied (`forbidden: only an administrator may …`, server/roles.ts); each known rule is said
// from the catalog with its code or number, anything else with the server's own words.
import type { Translate } from './i18n';

const rules: [RegExp, string, string[]][] = [
  [/only an administrator may change Setup/, 'forbidden.setup', []],
  [/only an administrator may move the number series (\S+) back/, 'forbidden.series', ['series']],
  [/only an administrator may delete the code (.+?) \(/, 'forbidden.deleteCode', ['code']],
  [/only an administrator may rename the code (.+?) to (.+?) \(/, 'forbidden.renameCode', ['code', 'to']],
  [/only an administrator may delete the logged segment (\S+) \(/, 'forbidden.deleteLogged', ['no']],
  [/only an administrator may delete the interaction log entry (\S+) \(/, 'forbidden.deleteEntry', ['no']],
  [
    /only an administrator may change another user's logged segment (\S+?)(?: or its letter)? \(it belongs to ([^;]+);/,
    'forbidden.othersLogged',
    ['no', 'owner'],
  ],
  [
    /only an administrator may change another user's interaction log entry (\S+?)(?: or its letter)? \(it belongs to ([^;]+);/,
    'forbidden.othersEntry',
    ['no', 'owner'],
  ],
];

/** True when the message is the server's refusal for a role (`forbidden: …`). */
export function isForbidden(message: string): boolean {
  return /(^|\s)forbidden: /.test(message);
}

export function forbiddenText(t: Translate, message: string): string {
  const rule = message.slice(message.indexOf('forbidden: ') + 'forbidden: '.length);
  for (const [re, key, names] of rules) {
    const m = re.exec(rule);
    if (m) return t(key, Object.fromEntries(names.map((n, i) => [n, m[i + 1]])));
  }
  return t('forbidden.other', { message: rule });
}
