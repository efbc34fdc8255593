// The contact card's changes, written one field at a time through the workspace's contacts upsert: the row
// holds the contact's No. and that one field, and the store merges it into the stored contact, so a
// colleague's change to another field stays. A value the contact's rules refuse (too long, not an e-mail
// address) is said at its field in the user's words, with BC's caption, and nothing is written. A list of
// codes (mailing groups…) changes by one code at a time: a group added or removed is one write.
import { useCallback, useState } from 'react';
import { fieldProblems } from '../../domain/codes';
import { contactFieldsSchema, type Contact, type ContactFields } from '../../domain/contact';
import { contactFieldValue, type ContactCodeField } from '../../domain/contactCodes';
import { errorText, fieldCaption } from '../common/errorText';
import { useI18n } from '../common/i18n';
import { useWorkspace } from '../common/services';
import { problemText } from '../lists/RecordList';

export type { ContactCodeField };

interface Refusal {
  text: string;
  /** The stored value the refusal was about: once the field holds another, the message has gone stale. */
  about: string;
}

export interface ContactEdit {
  /** Writes one field; false when it was refused (the field then shows why). */
  commit(field: keyof ContactFields, value: unknown): Promise<boolean>;
  /** Adds a code to one of the contact's lists; false when refused (said at the list). */
  add(field: ContactCodeField, code: string): Promise<boolean>;
  remove(field: ContactCodeField, code: string): Promise<boolean>;
  /** Why the field's last value was refused, while the field still holds what it held then. */
  message(field: string): string | undefined;
  /** Forgets the field's message (the user moved on: another code typed, say). */
  forget(field: string): void;
}

export function useContactEdit(contact: Contact): ContactEdit {
  const workspace = useWorkspace();
  const { t } = useI18n();
  const [refusals, setRefusals] = useState<Partial<Record<string, Refusal>>>({});
  const stored = (field: string) => JSON.stringify((contact as Record<string, unknown>)[field] ?? '');
  const no = contact.no;

  const say = (field: string, text: string) => setRefusals((r) => ({ ...r, [field]: { text, about: stored(field) } }));
  const forget = useCallback(
    (field: string) => setRefusals((r) => (r[field] ? { ...r, [field]: undefined } : r)),
    [setRefusals],
  );

  const write = async (field: keyof ContactFields, value: unknown): Promise<boolean> => {
    const problems = fieldProblems(contactFieldsSchema, { [field]: value });
    if (problems.length) {
      say(field, problemText(t, problems[0]));
      return false;
    }
    try {
      // A contact a colleague removed meanwhile is not made again from one field.
      if (!(await workspace.contacts.get(no))) {
        say(field, t('contact.notFound', { no }));
        return false;
      }
      const report = await workspace.contacts.upsert([{ no, [field]: value }]);
      if (report.rejected.length) {
        say(field, t('codes.rejected', { issues: report.rejected[0].issues.join('; ') }));
        return false;
      }
    } catch (e) {
      say(field, errorText(t, e));
      return false;
    }
    forget(field);
    return true;
  };

  /** The list as stored now (not as the card last showed it), changed by one code. */
  const change = async (field: ContactCodeField, code: string, adding: boolean): Promise<boolean> => {
    const now = await workspace.contacts.get(no);
    if (!now) {
      say(field, t('contact.notFound', { no }));
      return false;
    }
    const codes = now[field];
    if (adding && codes.includes(code)) {
      say(field, t('contactCard.alreadyHas', { no, code, list: fieldCaption(t, field) }));
      return false;
    }
    if (!adding && !codes.includes(code)) return true;
    return write(field, adding ? [...codes, code] : codes.filter((c) => c !== code));
  };

  return {
    async commit(field, value) {
      const v = contactFieldValue(field, value);
      if (JSON.stringify(v) === stored(field)) {
        forget(field);
        return true;
      }
      return write(field, v);
    },
    add: (field, code) => change(field, code, true),
    remove: (field, code) => change(field, code, false),
    message(field) {
      const r = refusals[field];
      return r && r.about === stored(field) ? r.text : undefined;
    },
    forget,
  };
}
