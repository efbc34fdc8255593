// Messages of the team server's roles and history (a row's changes, what the role does not allow, a
// change the server refused for the role, said from its rule) and of letters kept safe (what the merge
// check says was left out).
import type { MessageCatalog } from './i18n';

export const roleMessages: MessageCatalog = {
  en: {
    'history.show': 'Show changes',
    'history.title': 'Changes of {what}',
    'history.loggedSegment': 'logged segment {no}',
    'history.entry': 'interaction log entry {no}',
    'history.put': 'Changed',
    'history.created': 'Created',
    'history.delete': 'Deleted',
    'history.user': 'User',
    'history.when': 'Date and time',
    'history.action': 'Change',
    'history.noUser': '(no user)',
    'history.empty': 'No change of this row has reached the server yet.',
    'history.failed': 'The changes could not be read: try again later.',
    'history.unreachable': 'The server cannot be reached: the changes can be seen when the pane is online again.',
    'history.noKey': 'Enter your personal key in Setup to see who changed this row.',
    'history.keyRefused':
      'The server refused your personal key: ask the administrator for a new one and enter it in Setup.',
    'history.serverError': 'The server could not read the changes (HTTP error {status}): try again later.',
    'role.adminOnlySetup': 'Only an administrator can change Setup.',
    'role.notKnownLogged':
      'Logged segment {no} can be changed once the server has recognised your personal key (see Setup).',
    'forbidden.setup': 'Only an administrator can change Setup.',
    'forbidden.series': 'Only an administrator can move the number series {series} back.',
    'forbidden.deleteCode': 'Only an administrator can delete the code {code}.',
    'forbidden.renameCode': 'Only an administrator can rename the code {code} to {to}.',
    'forbidden.deleteLogged': 'Only an administrator can delete logged segment {no}.',
    'forbidden.deleteEntry': 'Only an administrator can delete interaction log entry {no}.',
    'forbidden.othersLogged': 'Logged segment {no} belongs to {owner}: only an administrator can change it.',
    'forbidden.othersEntry': 'Interaction log entry {no} belongs to {owner}: only an administrator can change it.',
    'forbidden.other': 'Your role does not allow this change: {message}',
    'word.check.stripped': 'The letter refers to files outside it, which are left out of the merged letters: {items}.',
  },
  it: {
    'history.show': 'Mostra modifiche',
    'history.title': 'Modifiche di {what}',
    'history.loggedSegment': 'segmento registrato {no}',
    'history.entry': 'movimento log interazione {no}',
    'history.put': 'Modificato',
    'history.created': 'Creato',
    'history.delete': 'Eliminato',
    'history.user': 'Utente',
    'history.when': 'Data e ora',
    'history.action': 'Modifica',
    'history.noUser': '(nessun utente)',
    'history.empty': 'Nessuna modifica di questa riga è ancora arrivata al server.',
    'history.failed': 'Impossibile leggere le modifiche: riprovare più tardi.',
    'history.unreachable':
      'Il server non è raggiungibile: le modifiche si potranno vedere quando il riquadro sarà di nuovo in linea.',
    'history.noKey': 'Per vedere chi ha modificato questa riga immetti la chiave personale in Setup.',
    'history.keyRefused':
      'Il server ha rifiutato la chiave personale: chiedine una nuova all’amministratore e immettila in Setup.',
    'history.serverError': 'Il server non ha potuto leggere le modifiche (errore HTTP {status}): riprovare più tardi.',
    'role.adminOnlySetup': 'Solo un amministratore può modificare il setup.',
    'role.notKnownLogged':
      'Il segmento registrato {no} si potrà modificare quando il server avrà riconosciuto la chiave personale (vedi Setup).',
    'forbidden.setup': 'Solo un amministratore può modificare il setup.',
    'forbidden.series': 'Solo un amministratore può riportare indietro il numero di serie {series}.',
    'forbidden.deleteCode': 'Solo un amministratore può eliminare il codice {code}.',
    'forbidden.renameCode': 'Solo un amministratore può rinominare il codice {code} in {to}.',
    'forbidden.deleteLogged': 'Solo un amministratore può eliminare il segmento registrato {no}.',
    'forbidden.deleteEntry': 'Solo un amministratore può eliminare il movimento log interazione {no}.',
    'forbidden.othersLogged':
      'Il segmento registrato {no} appartiene a {owner}: solo un amministratore può modificarlo.',
    'forbidden.othersEntry':
      'Il movimento log interazione {no} appartiene a {owner}: solo un amministratore può modificarlo.',
    'forbidden.other': 'Il ruolo non consente questa modifica: {message}',
    'word.check.stripped': 'La lettera fa riferimento a file esterni, che vengono omessi dalle lettere unite: {items}.',
  },
};
