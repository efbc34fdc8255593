// A letter's language named in the pane's language ("italiano" in an Italian pane, "Italian" in an English
// one), from the locale the Languages list gives it; the list's own name when it has no locale.
import type { Language } from '../../domain/codes';

export function languageName(
  language: Pick<Language, 'code' | 'name' | 'locale'> | undefined,
  code: string,
  uiLocale: string,
): string {
  if (language?.locale) {
    try {
      const tag = new Intl.Locale(language.locale).language;
      const name = new Intl.DisplayNames([uiLocale], { type: 'language', fallback: 'none' }).of(tag);
      if (name) return name;
    } catch {
      // A locale Intl cannot read: the list's name below.
    }
  }
  return language?.name || code;
}
