// Messages of the transfer page: files that are not what the user chose them as, and the question before
// a package overwrites a segment of this workspace.
import type { MessageCatalog } from '../common/i18n';

const en = {
  'transfer.notPackage':
    '{file} is not a segment package of this add-in. Choose a file made with Export segment package.',
  'transfer.packageVersion': '{file} is a segment package of another version of this add-in; it cannot be read here.',
  'transfer.packageDamaged':
    '{file} is a segment package, but it is damaged or was changed by hand; nothing was imported.',
  'transfer.notBackup': '{file} is not a backup of this add-in. Choose a file made with Back up the workspace.',
  'transfer.backupVersion': '{file} is a backup of another version of this add-in; it cannot be restored here.',
  'transfer.backupDamaged':
    '{file} is a backup of this add-in, but it is damaged or was changed by hand; nothing was restored.',
  'transfer.overwriteTitle': 'Replace segment {no}?',
  'transfer.overwrite':
    'Segment {no} "{description}" is already in this workspace (imported before). Importing {file} replaces its description with "{newDescription}", its {lines} lines with {newLines} and its {criteria} criteria steps with {newCriteria}, and updates {contacts} contacts. Continue?',
};

const it: typeof en = {
  'transfer.notPackage':
    '{file} non è un pacchetto segmento di questo componente aggiuntivo. Scegliere un file creato con Esporta pacchetto segmento.',
  'transfer.packageVersion':
    '{file} è un pacchetto segmento di un\u2019altra versione di questo componente aggiuntivo; qui non può essere letto.',
  'transfer.packageDamaged':
    '{file} è un pacchetto segmento, ma è danneggiato o modificato a mano; non è stato importato nulla.',
  'transfer.notBackup':
    '{file} non è un backup di questo componente aggiuntivo. Scegliere un file creato con Esegui il backup.',
  'transfer.backupVersion':
    '{file} è un backup di un\u2019altra versione di questo componente aggiuntivo; qui non può essere ripristinato.',
  'transfer.backupDamaged':
    '{file} è un backup di questo componente aggiuntivo, ma è danneggiato o modificato a mano; non è stato ripristinato nulla.',
  'transfer.overwriteTitle': 'Sostituire il segmento {no}?',
  'transfer.overwrite':
    'Il segmento {no} "{description}" è già in quest\u2019area di lavoro (importato in precedenza). L\u2019importazione di {file} sostituisce la descrizione con "{newDescription}", le sue {lines} righe con {newLines} e i suoi {criteria} passi dei criteri con {newCriteria}, e aggiorna {contacts} contatti. Continuare?',
};

export const transferMessages: MessageCatalog = { en, it };
