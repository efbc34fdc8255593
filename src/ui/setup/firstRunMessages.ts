// Messages of the first run and the sample workspace (its welcome card, and its removal in Setup), of
// Setup's personal key and of My profile's user on the team server.
import type { MessageCatalog } from '../common/i18n';

const en = {
  'firstRun.title': 'Welcome to Segments',
  'firstRun.segment':
    'A segment is a group of contacts you select for an interaction, such as a mailing or a trade fair invitation: add contacts by criteria, reduce or refine them, then log the interaction for every contact on the segment.',
  'firstRun.waysIn': 'To start, bring in your contacts',
  'firstRun.excel.title': 'From this Excel sheet',
  'firstRun.excel.text': 'Select the contacts on the sheet (the first row is the header) and import them.',
  'firstRun.excel.action': 'Import from the sheet',
  'firstRun.csv.title': 'From a CSV file',
  'firstRun.csv.text': 'A list of contacts saved as CSV UTF-8, for example from Business Central or Excel.',
  'firstRun.csv.action': 'Import a CSV file',
  'firstRun.sample.title': 'Try the sample workspace',
  'firstRun.sample.text':
    'Companies and their persons, salespeople, mailing groups, languages and two interaction templates with letters in English and Italian. You can remove it later in Setup; your own data stays as it is.',
  'firstRun.sample.load': 'Load the sample workspace',
  'firstRun.sample.remove': 'Remove the sample workspace',
  'firstRun.sample.removeConfirm':
    'Remove the sample workspace? Its contacts, codes and templates are deleted; your own data stays.',
  'firstRun.sample.loaded': 'The sample workspace was loaded: {contacts} contacts, {n} records in all.',
  'firstRun.sample.removed': 'The sample workspace was removed: {n, plural, one {# record} other {# records}}.',
  'firstRun.sample.next':
    'Next: New segment, at the top of this page, then Add Contacts, for example with City Bologna; the templates FIERA and NEWSLETTER have letters ready.',
  'firstRun.sample.adminOnly': 'Only an administrator can remove the sample workspace.',
  'firstRun.noSegments': 'No segments yet. Once your contacts are in, create one with New segment.',
  'sample.setup.title': 'Sample workspace',
  'sample.setup.text':
    'The sample workspace’s contacts, codes and templates are in this workspace. Removing them leaves your own data as it is.',
  'firstRun.profile.title': 'Your profile',
  'firstRun.profile.text':
    'The User ID is written on every interaction you log; the salesperson is a new segment’s default.',
  'firstRun.arriving.title': 'The shared workspace is arriving',
  'firstRun.arriving.text':
    '{n, plural, one {# change} other {# changes}} received so far. Its contacts and segments show here as soon as they are in: nothing to import meanwhile.',
  // Setup's personal key, checked with the team server; My profile's user on the team server.
  'sync.keyChecking': 'Checking the key with the server…',
  'sync.keyCheckRefused': 'The server refused this key. Check it, or ask the administrator for a new one.',
  'sync.keyCheckUnreachable':
    'The server cannot be reached now: the key is saved in this browser and is tried as soon as the server answers.',
  'sync.keySavedRefused':
    'The server refused the personal key saved in this browser: ask the administrator for a new one.',
  'profile.serverUser': 'Signed in to the team server as {user} ({role}).',
  'profile.serverUserHint': 'The server records this name as User ID on what you log.',
  'profile.role.admin': 'administrator',
  'profile.role.member': 'member',
};

const it: typeof en = {
  'firstRun.title': 'Benvenuti in Segmenti',
  'firstRun.segment':
    'Un segmento è un gruppo di contatti selezionati per un\u2019interazione, come un invio postale o un invito a una fiera: si aggiungono contatti per criteri, si riducono o si perfezionano, poi si registra l\u2019interazione per ogni contatto del segmento.',
  'firstRun.waysIn': 'Per iniziare, importare i contatti',
  'firstRun.excel.title': 'Da questo foglio Excel',
  'firstRun.excel.text': 'Selezionare i contatti nel foglio (la prima riga è l\u2019intestazione) e importarli.',
  'firstRun.excel.action': 'Importa dal foglio',
  'firstRun.csv.title': 'Da un file CSV',
  'firstRun.csv.text': 'Un elenco di contatti salvato come CSV UTF-8, ad esempio da Business Central o da Excel.',
  'firstRun.csv.action': 'Importa un file CSV',
  'firstRun.sample.title': 'Provare l\u2019area di lavoro di esempio',
  'firstRun.sample.text':
    'Società con le loro persone, agenti, gruppi mailing, lingue e due modelli interazione con lettere in inglese e in italiano. È possibile rimuoverla in seguito da Setup; i dati propri restano invariati.',
  'firstRun.sample.load': 'Carica l\u2019area di lavoro di esempio',
  'firstRun.sample.remove': 'Rimuovi l\u2019area di lavoro di esempio',
  'firstRun.sample.removeConfirm':
    'Rimuovere l\u2019area di lavoro di esempio? I suoi contatti, codici e modelli vengono eliminati; i dati propri restano.',
  'firstRun.sample.loaded':
    'L\u2019area di lavoro di esempio è stata caricata: {contacts} contatti, {n} record in tutto.',
  'firstRun.sample.removed': 'L\u2019area di lavoro di esempio è stata rimossa: {n} record.',
  'firstRun.sample.next':
    'Poi: Nuovo segmento, in alto in questa pagina, quindi Agg. contatti, ad esempio con Città Bologna; i modelli FIERA e NEWSLETTER hanno già le lettere.',
  'firstRun.sample.adminOnly': 'Solo un amministratore può rimuovere l\u2019area di lavoro di esempio.',
  'firstRun.noSegments': 'Ancora nessun segmento. Dopo aver importato i contatti, crearne uno con Nuovo segmento.',
  'sample.setup.title': 'Area di lavoro di esempio',
  'sample.setup.text':
    'I contatti, i codici e i modelli dell\u2019area di lavoro di esempio sono in questa area di lavoro. Rimuovendoli, i dati propri restano invariati.',
  'firstRun.profile.title': 'Profilo utente',
  'firstRun.profile.text':
    'L\u2019ID utente viene scritto su ogni interazione registrata; l\u2019agente è il valore predefinito di un nuovo segmento.',
  'firstRun.arriving.title': 'L\u2019area di lavoro condivisa sta arrivando',
  'firstRun.arriving.text':
    '{n, plural, one {# modifica ricevuta} other {# modifiche ricevute}} finora. I suoi contatti e segmenti compariranno qui appena arrivati: nel frattempo non serve importare nulla.',
  'sync.keyChecking': 'Verifica della chiave con il server…',
  'sync.keyCheckRefused':
    'Il server ha rifiutato questa chiave. Verificala o chiedine una nuova all\u2019amministratore.',
  'sync.keyCheckUnreachable':
    'Il server non è raggiungibile ora: la chiave è salvata in questo browser e viene provata appena il server risponde.',
  'sync.keySavedRefused':
    'Il server ha rifiutato la chiave personale salvata in questo browser: chiedine una nuova all\u2019amministratore.',
  'profile.serverUser': 'Connesso al server del team come {user} ({role}).',
  'profile.serverUserHint': 'Il server registra questo nome come ID utente su ciò che viene registrato.',
  'profile.role.admin': 'amministratore',
  'profile.role.member': 'membro',
};

export const firstRunMessages: MessageCatalog = { en, it };
