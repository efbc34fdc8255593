// The Italian catalogs speak Business Central's Italian: a caption whose English is a term of the glossary
// uses the glossary's Italian (one word per concept across pages), and no text addresses the user as
// "tu" (BC's Italian is impersonal: "Selezionare…", not "Seleziona…").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { MessageCatalog } from '../../src/ui/common/i18n';
import { excelMessages } from '../../src/ui/import/messages';
import { wordMessages } from '../../src/ui/mailMerge/messages';
import { paneCatalogs } from '../../src/ui/shell/catalogs';

const catalogs: [string, MessageCatalog][] = [
  ...paneCatalogs.map((c, i) => [`pane ${i}`, c] as [string, MessageCatalog]),
  ['excel', excelMessages],
  ['word', wordMessages],
];

const norm = (s: string) =>
  s
    .replace(/[\u2019`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('it');

/** The glossary's table: English caption (without the page number or the & of the access key) → its Italian. */
function glossary(): Map<string, Set<string>> {
  const text = readFileSync(join(__dirname, '../../../shared/glossary-it.md'), 'utf8');
  const out = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5 || cells[1] === 'English' || /^-+$/.test(cells[1])) continue;
    const [, english, italian, kind] = cells;
    if (kind === 'message' || !english || !italian) continue;
    const en = norm(english.replace(/\([^)]*\)/g, '').replace(/&/g, ''));
    const it = norm(italian.replace(/\([^)]*\)/g, ''));
    if (!out.has(en)) out.set(en, new Set());
    out.get(en)!.add(it);
  }
  return out;
}

/** Words that address the user as "tu" wherever they stand. */
const INFORMAL_ANYWHERE = [
  'tu',
  'tuo',
  'tua',
  'tuoi',
  'tue',
  'ti',
  'te',
  'puoi',
  'vuoi',
  'devi',
  'hai',
  'sei',
  'assegni',
  'ridigitali',
  'salvalo',
  'salvala',
  'aprilo',
  'caricalo',
  'selezionalo',
  'esportalo',
  'scegline',
  'salvalo',
  'creane',
  'crealo',
  'creala',
];
/**
 * Second-person singular imperatives, where an instruction starts (the text's start, after . : ; ( or "e"):
 * several are also the third person ("il browser indica", "che usa"), which is fine inside a sentence.
 */
const IMPERATIVES = [
  'scegli',
  'inserisci',
  'apri',
  'premi',
  'seleziona',
  'carica',
  'usa',
  'clicca',
  'scrivi',
  'controlla',
  'indica',
  'riprova',
  'digita',
  'rimuovi',
  'aggiungi',
  'togli',
  'chiudi',
  'torna',
  'verifica',
  'prova',
  'leggi',
  'copia',
  'incolla',
  'invia',
  'esegui',
  'imposta',
  'cambia',
  'sposta',
  'trascina',
  'attendi',
  'riapri',
  'ricarica',
  'formatta',
  'salva',
  'ricorda',
  'guarda',
  'vai',
  'fai',
  'metti',
  'trova',
  'cerca',
  'annulla',
  'elimina',
];
const anywhere = new RegExp(`(^|[^\\p{L}])(${INFORMAL_ANYWHERE.join('|')})(?=[^\\p{L}]|$)`, 'iu');
const imperative = new RegExp(`(^|[.:;!?(]\\s*|\\se\\s)(${IMPERATIVES.join('|')})(?=[^\\p{L}]|$)`, 'iu');
/** An action's caption (a button, no sentence) may be the imperative, as BC's are ("Salva criteri segmento"). */
const isActionCaption = (it: string) =>
  !/[.:;!?]\s|[.:;!?]$/.test(it.replace(/\b(all|nr|cod|mov|add)\./gi, '$1')) && it.split(' ').length <= 10;
const informal = (it: string) => anywhere.test(it) || (imperative.test(it) && !isActionCaption(it));

describe('the Italian catalogs', () => {
  const terms = glossary();
  test('the glossary is read', () => {
    expect(terms.get('segments')).toEqual(new Set(['segmenti']));
    expect(terms.size).toBeGreaterThan(100);
  });

  test.each(catalogs)('%s: a caption that is a glossary term uses the glossary’s Italian', (_name, c) => {
    const wrong: string[] = [];
    for (const [key, en] of Object.entries(c.en)) {
      const want = terms.get(norm(en));
      if (want && !want.has(norm(c.it[key]))) wrong.push(`${key}: "${c.it[key]}" (glossary: ${[...want].join(' / ')})`);
    }
    expect(wrong).toEqual([]);
  });

  test.each(catalogs)('%s: no informal "tu" and no second-person imperative', (_name, c) => {
    const wrong = Object.entries(c.it)
      .filter(([, it]) => informal(it))
      .map(([key, it]) => `${key}: ${it}`);
    expect(wrong).toEqual([]);
  });

  test('the rule catches the informal forms and lets BC’s own forms pass', () => {
    expect(informal('Seleziona meno righe o colonne.')).toBe(true);
    expect(informal('L’intervallo è vuoto: seleziona una riga.')).toBe(true);
    expect(informal('Il tuo nome, salvato come ID utente.')).toBe(true);
    expect(informal('Formatta la colonna come Testo e ridigitali.')).toBe(true);
    expect(informal('Selezionare meno righe o colonne.')).toBe(false);
    expect(informal('Il browser non indica la quota.')).toBe(false);
    expect(informal('Salva criteri segmento')).toBe(false);
    expect(informal('La verifica si è interrotta: {message}')).toBe(false);
  });

  test('one word for the Log action on every page', () => {
    const log = catalogs.flatMap(([, c]) =>
      Object.entries(c.en)
        .filter(([, en]) => en === 'Log')
        .map(([k]) => c.it[k]),
    );
    expect(new Set(log)).toEqual(new Set(['Log']));
  });
});
