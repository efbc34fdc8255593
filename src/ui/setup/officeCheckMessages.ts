// Messages of Setup → Check this Office.
import type { MessageCatalog } from '../common/i18n';

export const officeCheckMessages: MessageCatalog = {
  en: {
    'nav.officeCheck': 'Check this Office',
    'officeCheck.intro':
      'Runs the checks that only this Office can answer: what it supports, and the round trips the add-in needs, on a scratch sheet or at the end of the document, removed afterwards. The report holds no contact data: send the file to whoever runs the pilot.',
    'officeCheck.outside':
      'Outside Office: the checks that need Excel or Word are skipped; the storage and the shared workspace are checked.',
    'officeCheck.run': 'Run the check',
    'officeCheck.running': 'Checking… {done, plural, one {# step done} other {# steps done}}',
    'officeCheck.result': '{passed} passed, {failed} failed, {skipped} skipped',
    'officeCheck.copy': 'Copy the report',
    'officeCheck.copied': 'The report was copied.',
    'officeCheck.save': 'Save as file',
    'officeCheck.unavailable': 'The check cannot run in this pane.',
    'officeCheck.failed': 'The check stopped: {message}',
    'officeCheck.status.passed': 'passed',
    'officeCheck.status.failed': 'failed',
    'officeCheck.status.skipped': 'skipped',
  },
  it: {
    'nav.officeCheck': 'Verifica di Office',
    'officeCheck.intro':
      'Esegue le verifiche a cui solo questo Office può rispondere: cosa supporta e gli scambi di cui il componente aggiuntivo ha bisogno, su un foglio di prova o alla fine del documento, rimossi al termine. Il rapporto non contiene dati dei contatti: inviare il file a chi segue il progetto pilota.',
    'officeCheck.outside':
      'Fuori da Office: le verifiche che richiedono Excel o Word vengono saltate; vengono verificati lo spazio di archiviazione e l\u2019area di lavoro condivisa.',
    'officeCheck.run': 'Esegui la verifica',
    'officeCheck.running':
      'Controllo in corso… {done, plural, one {# passaggio completato} other {# passaggi completati}}',
    'officeCheck.result': '{passed} riusciti, {failed} non riusciti, {skipped} saltati',
    'officeCheck.copy': 'Copia il rapporto',
    'officeCheck.copied': 'Il rapporto è stato copiato.',
    'officeCheck.save': 'Salva come file',
    'officeCheck.unavailable': 'La verifica non può essere eseguita in questo riquadro.',
    'officeCheck.failed': 'La verifica si è interrotta: {message}',
    'officeCheck.status.passed': 'riuscito',
    'officeCheck.status.failed': 'non riuscito',
    'officeCheck.status.skipped': 'saltato',
  },
};
