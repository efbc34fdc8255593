// Messages of the transfer page: files that are not what the user chose them as (a package given to
// Restore and a backup given to the package import name the action that takes them), the question before
// a package changes a segment of this workspace (its parts, `transfer.change.*`, joined as a list in the
// pane's language: only what really changes), what an import did, and why a shared workspace is not
// restored from a pane.
import type { MessageCatalog } from '../common/i18n';

const en = {
  'transfer.notPackage':
    '{file} is not a segment package of this add-in. Choose a file made with Export segment package.',
  'transfer.packageVersion': '{file} is a segment package of another version of this add-in; it cannot be read here.',
  'transfer.packageDamaged':
    '{file} is a segment package, but it is damaged, incomplete or was changed by hand; nothing was imported.',
  'transfer.notBackup': '{file} is not a backup of this add-in. Choose a file made with Back up the workspace.',
  'transfer.backupVersion': '{file} is a backup of another version of this add-in; it cannot be restored here.',
  'transfer.backupDamaged':
    '{file} is a damaged or incomplete backup of this add-in (cut off, or changed by hand); nothing was restored.',
  'transfer.backupIsPackage':
    '{file} is a segment package, not a backup: nothing was restored. A segment package is imported with {action}.',
  'transfer.packageIsBackup':
    '{file} is a backup of the workspace, not a segment package: nothing was imported. A backup is restored with {action}.',
  'transfer.packageIsBackupShared':
    '{file} is a backup of the workspace, not a segment package: nothing was imported. In a workspace shared through the server a backup is not restored from a pane.',
  'transfer.importedContacts':
    'Segment {no} was imported: {lines, plural, one {# line} other {# lines}}; contacts: {inserted} new, {updated} updated, {unchanged} unchanged.',
  'transfer.importedSegmentUnchanged':
    'Segment {no} was already in this workspace as the package has it, and is unchanged; contacts: {inserted} new, {updated} updated, {unchanged} unchanged.',
  'transfer.alreadyHere':
    'Segment {no} and its contacts are already in this workspace as {file} has them: nothing was changed.',
  'transfer.overwriteTitle': 'Replace segment {no}?',
  'transfer.importTitle': 'Import {file}?',
  'transfer.overwrite':
    'Segment {no} "{description}" is already in this workspace (imported before). Importing {file} {changes}. Continue?',
  'transfer.change.description': 'replaces its description with "{newDescription}"',
  'transfer.change.fields': 'changes fields of its header',
  'transfer.change.otherFields': 'changes other fields of its header',
  'transfer.change.lines': '{lines, plural, one {replaces its line} other {replaces its # lines}} with {newLines}',
  'transfer.change.criteria':
    '{criteria, plural, one {replaces its criteria action} other {replaces its # criteria actions}} with {newCriteria}',
  'transfer.change.newContacts': 'adds {n, plural, one {# new contact} other {# new contacts}}',
  'transfer.change.updatedContacts': 'updates {n, plural, one {# contact} other {# contacts}}',
  'transfer.restoreSharedTitle': 'Restore is not available in a shared workspace',
  'transfer.restoreShared':
    'This workspace is shared with the other panes through the server. A backup restored here would be replaced at once by the shared workspace, so it cannot be restored here. To bring back a segment, import its segment package: every pane gets it. To take the whole shared workspace back to an earlier point, ask whoever runs the add-in\u2019s server to restore its backup.',
  'transfer.backupHintShared': 'A backup saves a copy of the workspace as this pane has it.',
};

const it: typeof en = {
  'transfer.notPackage':
    '{file} non è un pacchetto segmento di questo componente aggiuntivo. Scegliere un file creato con Esporta pacchetto segmento.',
  'transfer.packageVersion':
    '{file} è un pacchetto segmento di un\u2019altra versione di questo componente aggiuntivo; qui non può essere letto.',
  'transfer.packageDamaged':
    '{file} è un pacchetto segmento, ma è danneggiato, incompleto o modificato a mano; non è stato importato nulla.',
  'transfer.notBackup':
    '{file} non è un backup di questo componente aggiuntivo. Scegliere un file creato con Esegui il backup.',
  'transfer.backupVersion':
    '{file} è un backup di un\u2019altra versione di questo componente aggiuntivo; qui non può essere ripristinato.',
  'transfer.backupDamaged':
    '{file} è un backup di questo componente aggiuntivo danneggiato o incompleto (troncato o modificato a mano); non è stato ripristinato nulla.',
  'transfer.backupIsPackage':
    '{file} è un pacchetto segmento, non un backup: non è stato ripristinato nulla. Un pacchetto segmento si importa con {action}.',
  'transfer.packageIsBackup':
    '{file} è un backup dell\u2019area di lavoro, non un pacchetto segmento: non è stato importato nulla. Un backup si ripristina con {action}.',
  'transfer.packageIsBackupShared':
    '{file} è un backup dell\u2019area di lavoro, non un pacchetto segmento: non è stato importato nulla. In un\u2019area di lavoro condivisa tramite il server un backup non si ripristina da un riquadro.',
  'transfer.importedContacts':
    'Il segmento {no} è stato importato: {lines, plural, one {# riga} other {# righe}}; contatti: {inserted, plural, one {# nuovo} other {# nuovi}}, {updated, plural, one {# aggiornato} other {# aggiornati}}, {unchanged, plural, one {# invariato} other {# invariati}}.',
  'transfer.importedSegmentUnchanged':
    'Il segmento {no} era già in quest\u2019area di lavoro come nel pacchetto ed è invariato; contatti: {inserted, plural, one {# nuovo} other {# nuovi}}, {updated, plural, one {# aggiornato} other {# aggiornati}}, {unchanged, plural, one {# invariato} other {# invariati}}.',
  'transfer.alreadyHere':
    'Il segmento {no} e i suoi contatti sono già in quest\u2019area di lavoro così come li contiene {file}: non è stato modificato nulla.',
  'transfer.overwriteTitle': 'Sostituire il segmento {no}?',
  'transfer.importTitle': 'Importare {file}?',
  'transfer.overwrite':
    'Il segmento {no} "{description}" è già in quest\u2019area di lavoro (importato in precedenza). L\u2019importazione di {file} {changes}. Continuare?',
  'transfer.change.description': 'sostituisce la descrizione con "{newDescription}"',
  'transfer.change.fields': 'modifica alcuni campi della testata',
  'transfer.change.otherFields': 'modifica altri campi della testata',
  'transfer.change.lines':
    '{lines, plural, one {sostituisce la sua riga} other {sostituisce le sue # righe}} con {newLines}',
  'transfer.change.criteria':
    '{criteria, plural, one {sostituisce la sua azione criteri} other {sostituisce le sue # azioni criteri}} con {newCriteria}',
  'transfer.change.newContacts': 'aggiunge {n, plural, one {# nuovo contatto} other {# nuovi contatti}}',
  'transfer.change.updatedContacts': 'aggiorna {n, plural, one {# contatto} other {# contatti}}',
  'transfer.restoreSharedTitle': 'Ripristino non disponibile in un\u2019area di lavoro condivisa',
  'transfer.restoreShared':
    'Quest\u2019area di lavoro è condivisa con gli altri riquadri tramite il server. Un backup ripristinato qui verrebbe sostituito subito dall\u2019area di lavoro condivisa, quindi qui non può essere ripristinato. Per recuperare un segmento, importarne il pacchetto segmento: arriva a tutti i riquadri. Per riportare l\u2019intera area di lavoro condivisa a un momento precedente, chiedere a chi gestisce il server del componente aggiuntivo di ripristinarne il backup.',
  'transfer.backupHintShared': 'Un backup salva una copia dell\u2019area di lavoro così come è in questo riquadro.',
};

export const transferMessages: MessageCatalog = { en, it };
