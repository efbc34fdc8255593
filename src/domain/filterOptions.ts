// Option fields (BC's enums) in filters: a value may be written as the stored value (BC's English caption,
// `Company`) or as its Italian caption (`Società`), in any case, as BC reads an option filter. A value that
// is no option of the field is an error naming the options, never a filter that silently matches nothing.
import type { ContactType, CorrespondenceType, Evaluation } from './enums';

/** An option field: its stored values (blank included where the enum has it) and their captions. */
export interface OptionField {
  values: readonly string[];
  /** Each value's captions (English is the value itself); Italian from BC's Italian captions. */
  captions: Readonly<Record<string, readonly string[]>>;
}

const contactType: OptionField = {
  values: ['Company', 'Person'] satisfies ContactType[],
  captions: { Company: ['Società'], Person: ['Persona'] },
};

const correspondenceType: OptionField = {
  values: ['', 'Hard Copy', 'Email'] satisfies CorrespondenceType[],
  captions: { 'Hard Copy': ['Stampa'], Email: ['E-mail'] },
};

const evaluation: OptionField = {
  values: ['', 'Very Positive', 'Positive', 'Neutral', 'Negative', 'Very Negative'] satisfies Evaluation[],
  captions: {
    'Very Positive': ['Molto positiva'],
    Positive: ['Positiva'],
    Neutral: ['Neutra'],
    Negative: ['Negativa'],
    'Very Negative': ['Molto negativa'],
  },
};

/** The option fields of contacts that filters reach. */
export const contactOptionFields: Readonly<Record<string, OptionField>> = { type: contactType, correspondenceType };
/** The option fields of interaction log entries that filters reach. */
export const interactionLogOptionFields: Readonly<Record<string, OptionField>> = { evaluation };

const fold = (s: string) => s.trim().toLocaleLowerCase('und');

const lookups = new WeakMap<OptionField, Map<string, string>>();

/**
 * The stored value a typed option names (`società`, `Company`, `company` → `Company`), or undefined when it
 * names none. Blank (`''`) is not looked up here: the filter's `''` means blank already.
 */
export function optionValueOf(field: OptionField, text: string): string | undefined {
  let map = lookups.get(field);
  if (!map) {
    map = new Map();
    for (const v of field.values) {
      if (v === '') continue;
      map.set(fold(v), v);
      for (const c of field.captions[v] ?? []) map.set(fold(c), v);
    }
    lookups.set(field, map);
  }
  return map.get(fold(text));
}
