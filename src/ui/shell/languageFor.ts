// The pane's language from the Office display language, before any catalog is fetched.

/** The pane's language from the Office display language (it-IT → it; anything else → en). */
export function languageFor(displayLanguage: string): 'en' | 'it' {
  return displayLanguage.toLowerCase().startsWith('it') ? 'it' : 'en';
}
