// Messages of the Excel pages (import from sheet ranges, export to sheets), English and Italian.
import type { MessageCatalog } from '../common/i18n';

const en = {
  'excel.import.title': 'Fill from the sheet',
  'excel.import.hint': 'The first row is the header. Text fields take what the sheet shows (00184 stays 00184).',
  'excel.unavailable': 'Excel is not available here: open the pane in Excel to read sheets.',
  'excel.source': 'Read from',
  'excel.source.selection': 'The current selection',
  'excel.source.table': 'A table',
  'excel.source.usedRange': 'The whole active sheet',
  'excel.source.chooseTable': 'Choose a table',
  'excel.source.noTables': 'This workbook has no tables.',
  'excel.read': 'Read the cells',
  'excel.reading': 'Reading the sheet',
  'excel.read.summary': '{rows, plural, one {# row} other {# rows}} read from {address}',
  'excel.mapping': 'Columns',
  'excel.mapping.hint':
    'Check what each column fills before anything is written. Your choice is remembered for this sheet or table.',
  'excel.mapping.hintFile':
    'Check what each column fills before anything is written. Your choice is remembered for files named {name}.',
  'excel.mapping.column': 'Column',
  'excel.mapping.target': 'Fills',
  'excel.mapping.extra': 'Imported column: {header}',
  'excel.mapping.ignore': '(not imported)',
  'excel.field.codeList': '{field} (codes separated by ; or ,)',
  'excel.mapping.duplicateHeader':
    'Column {column}: the header "{header}" is also in column {first}; only column {first} is imported unless you map it elsewhere.',
  'excel.mapping.blankHeader': 'Column {column} has no header: it is not imported.',
  'excel.mapping.duplicateField': 'Columns {first} and {column} both fill {field}: column {column} is not imported.',
  'excel.mapping.duplicateExtra':
    'Columns {first} and {column} are both the imported column "{header}": column {column} is not imported.',
  'excel.mapping.noKey':
    'No column is the contact number (No.): rows are matched by e-mail where there is one, otherwise numbered from the contact series.',
  'excel.mapping.noName':
    'No column fills Name (or Company Name). A new contact needs a name: only rows that update an existing contact, by its No. or e-mail, can be imported; the others will not be.',
  'excel.mapping.noNameNoKey':
    'No column fills Name (or Company Name), and none gives the No. or e-mail of an existing contact: every row would be a new contact without a name, and none could be imported. Choose the column that fills Name.',
  'excel.import': 'Import {n, plural, one {# row} other {# rows}}',
  'excel.importing': 'Importing contacts',
  'import.writing': 'Writing the contacts',
  'import.writing.noCancel': 'The contacts are written in one go. This can no longer be canceled.',
  'import.decide.title': 'Before importing',
  'import.decide.unknownCodes': 'Codes not in their lists ({n})',
  'import.decide.code': '{list} {code}: rows {rows}',
  'import.decide.codeOne': '{list} {code}: row {rows}',
  'import.decide.create': 'Create the missing codes',
  'import.decide.drop': 'Import the rows without these codes',
  'import.decide.reject': 'Do not import these rows',
  'import.decide.missingCompanies': 'Persons whose company is not a contact ({n})',
  'import.decide.createCompanies': 'Create these companies as company contacts',
  'import.decide.existing': 'Rows that match existing contacts ({n})',
  'import.decide.match': 'Row {row}: contact {no}, by {by}',
  'import.decide.update': 'Update these contacts (otherwise the rows are left out)',
  'import.decide.confirm': 'Import with these choices',
  'excel.problems.page': 'Problems {from}–{to} of {total}',
  'excel.problems.previous': 'Previous',
  'excel.problems.next': 'Next',
  'excel.problems.show': 'Show',
  'excel.problems.all': 'All ({n})',
  'excel.problems.error': '{n, plural, one {# error} other {# errors}}',
  'excel.problems.warning': '{n, plural, one {# warning} other {# warnings}}',
  'excel.problems.info': '{n, plural, one {# note} other {# notes}}',
  'excel.result':
    '{inserted} new, {updated} updated, {warned} with warnings, {rejected, plural, one {# row} other {# rows}} not imported.',
  'excel.result.generated':
    '{n, plural, one {# row had no contact number and was} other {# rows had no contact number and were}} numbered from the contact series.',
  'excel.problems': 'Report by row',
  'excel.problems.more': '… and {n} more.',
  'excel.report.toSheet': 'Write the whole report to a new sheet',
  'excel.report.sheet': 'Import report',
  'excel.report.row': 'Row',
  'excel.report.column': 'Column',
  'excel.report.severity': 'Severity',
  'excel.report.message': 'Message',
  'excel.report.error': 'not imported',
  'excel.report.warning': 'warning',
  'excel.report.info': 'note',
  'excel.addToSegment': '{n, plural, one {Add the contact to segment {no}} other {Add the # contacts to segment {no}}}',
  'excel.addedToSegment': '{n, plural, one {# contact} other {# contacts}} added to segment {no}.',
  'excel.writeNos':
    '{n, plural, one {Write the new number} other {Write the # new numbers}} into a new column of the sheet',
  'excel.wroteNos': 'The numbers are in column {column}.',
  'excel.nosHeader': 'No.',
  'excel.export.segment': 'Export lines to a sheet',
  'excel.export.loggedSegment': 'Export entries to a sheet',
  'excel.export.interactionLog': 'Export to a sheet',
  'excel.export.contacts': 'Export contacts to a sheet',
  'excel.exported': '{n, plural, one {# row} other {# rows}} written to the sheet "{sheet}" as table {table}.',
  'excel.showInSheet': 'Show in the sheet',
  'excel.showInSheet.gone': 'The row this contact came from is no longer in the workbook.',
  'excel.showInSheet.none': 'This contact was not imported from a sheet.',
  'excel.error.tooManyCells':
    'The range has {cells} cells; at most {max} can be read at once. Select fewer rows or columns.',
  'excel.error.emptyRange': 'The range is empty: select a header row and the rows below it.',
  'excel.error.headerOnly': 'The range has a header row but no data rows below it.',
  'excel.error.tableNotFound': 'That table is no longer in the workbook.',
  'excel.error.sheetNotFound': 'That sheet is no longer in the workbook.',
  'excel.error.rowTooLarge': 'Row {row} holds more than Excel can send at once (about 5 MB).',
  'excel.error.excelTooOld':
    'This version of Excel cannot read sheets for the pane (it needs the Excel JavaScript API 1.7, Excel 2019 or Microsoft 365).',
  'excel.problem.blankRows': 'Blank rows, skipped ({count}): {rows}.',
  'excel.problem.hiddenRows': 'Hidden rows, imported ({count}): {rows}.',
  'excel.problem.mergedCells': 'Cells {address} are merged: each cell took the value shown in the merged area.',
  'excel.problem.hiddenRowsNotChecked':
    'Hidden rows could not be checked: this Excel cannot report them (ExcelApi 1.9 is needed). Hidden rows were imported like the others.',
  'excel.problem.mergedCellsNotChecked':
    'Merged cells could not be checked: this Excel cannot report them (ExcelApi 1.13 is needed).',
  'excel.problem.dateSystemNotChecked':
    "The workbook's date system could not be checked: this Excel cannot report it (ExcelApi 1.16 is needed). Dates were read in the 1900 date system; in a workbook that uses the 1904 date system they are four years early.",
  'excel.problem.excelError': 'Row {row}, column {column} ({header}): the cell holds the Excel error {error}.',
  'excel.problem.invalidValue': 'Row {row}, column {column} ({header}): {reason}.',
  'excel.problem.invalidValueQuoted': 'Row {row}, column {column} ({header}): "{value}" {reason}.',
  'excel.problem.notBoolean': 'Row {row}, column {column} ({header}): "{value}" is not Yes or No.',
  'excel.problem.badType': 'Row {row}, column {column} ({header}): "{value}" is not Company or Person.',
  'excel.problem.badCorrespondenceType':
    'Row {row}, column {column} ({header}): "{value}" is not blank, Hard Copy or Email.',
  'excel.problem.duplicateNo': 'Row {row}: contact {no} appears again in row {winner}; row {winner} wins.',
  'excel.problem.duplicateEmail':
    'Row {row}: the same name and e-mail ("{name}", {email}) appear again in row {winner}; row {winner} wins.',
  'excel.problem.numbersInTextColumn':
    'Column {column} ({header}): {count} cells are numbers, not text (first in row {row}: {example}). They were taken as the sheet shows them; zeros the sheet dropped cannot come back: format the column as Text and retype them.',
  'excel.problem.addressLines':
    'Column {column} ({header}): {count, plural, one {# cell has} other {# cells have}} several lines, the first in row {row} ("{value}"). An address holds one line: the first line went to Address and the others to Address 2, or, where the row gives Address 2, after a comma in the same field.',
  'excel.problem.narrowColumn':
    'Row {row}, column {column} ({header}): the column is too narrow to show the number ({value}); the full number was taken.',
  'excel.problem.scientific':
    'Row {row}, column {column} ({header}): the number is shown in scientific notation ({value}); the full number was taken.',
  'excel.problem.overlongRow': 'Row {row} has {cells} cells but the header has {columns}.',
  'excel.problem.emailAmbiguous':
    'Row {row}: several contacts ({nos}) have e-mail {email} and this name; give the row its contact number.',
  'excel.problem.emailSharedInFile':
    'Row {row}: e-mail {email} is also given for another name ({count, plural, one {row {rows}} other {rows {rows}}}); each row is imported as its own contact, sharing the e-mail.',
  'excel.problem.emailSharedStored':
    'Row {row}: e-mail {email} is also the e-mail of {count, plural, one {contact {nos}, which has another name} other {contacts {nos}, which have other names}}; the row is imported as a new contact sharing the e-mail. To update {count, plural, one {that contact} other {one of them}} instead, give the row its contact number.',
  'excel.problem.rejectedByStore': 'Row {row}: {reason}',
  'excel.problem.unknownCountry':
    'Row {row}, column {column} ({header}): "{value}" is not a known country or region; the name is kept, the code left blank.',
  'excel.problem.unknownCode': 'Row {row}, column {column} ({header}): {list} {code} does not exist.',
  'excel.problem.companyLinked': 'Row {row}: linked by its {by} to company {companyNo} "{companyName}".',
  'excel.problem.codeCreated': '{list} {code} created ({count, plural, one {row {rows}} other {rows {rows}}}).',
  'excel.problem.companyNotFound':
    'Row {row}: no company contact is named "{companyName}"; the person is imported without a company.',
  'excel.problem.companyNoNotFound':
    'Row {row}: no company contact has the number {companyNo}; the person keeps the number but has no company name.',
  'excel.problem.companyAmbiguous':
    'Row {row}: several company contacts are named "{companyName}" ({nos}); the person is imported without a company.',
  'excel.problem.companyCreated': 'Row {row}: company {companyNo} "{companyName}" created for it.',
  'excel.problem.matchedExisting': 'Row {row}: matches contact {no} by {by}; it updates that contact.',
  'excel.problem.updatedExisting': 'Row {row}: contact {no} "{name}" was updated.',
  'excel.problem.dropped': 'The row was imported without this value.',
  'excel.problem.notImported': 'The row was not imported.',
  'excel.severity.error': 'Error',
  'excel.severity.warning': 'Warning',
  'excel.severity.info': 'Note',
  'excel.by.companyNo': 'Company No.',
  'excel.by.companyName': 'Company Name',
  'excel.by.email': 'e-mail',
  'excel.by.namePostCode': 'name and post code',
  'excel.list.salespeople': 'Salesperson Code',
  'excel.list.languages': 'Language Code',
  'excel.list.territories': 'Territory Code',
  'excel.list.mailingGroups': 'Mailing Group Code',
  'excel.list.industryGroups': 'Industry Group Code',
  'excel.list.jobResponsibilities': 'Job Responsibility Code',
  'excel.list.businessRelations': 'Business Relation Code',
  'excel.reason.tooLong': 'is longer than {max} characters',
  'excel.reason.notEmail': 'is not an e-mail address',
  'excel.reason.controlCharacters': 'contains control characters',
  'excel.reason.brokenCharacter': 'contains a broken character',
  'excel.reason.lineBreak': 'contains a line break',
  'excel.reason.required': 'is required',
  'excel.reason.invalid': 'is not valid',
  'excel.reason.nameRequired': 'a new contact needs a name (a person\u2019s name or a company name)',
  'excel.reason.companyHasPersons':
    'contact {no} stays a Company: {persons, plural, one {person {personNo} has} other {# persons (the first is {personNo}) have}} it as their Company No., and a company with persons cannot become a Person',
  'excel.error.csvNotUtf8':
    'The file is not UTF-8 text: line {line} has a character that is not UTF-8. Save it as "CSV UTF-8" and choose it again.',
  'excel.error.csvQuoteNotClosed':
    'The file cannot be read: line {line}, column {column}: the value that starts with a quote (") at character {character} is never closed by another quote. Close it, and write each quote inside a quoted value twice ("").',
  'excel.error.csvTextAfterQuote':
    'The file cannot be read: line {line}, column {column}, at character {character}: there is text after the quote that closes the value. A quote inside a quoted value is written twice ("").',
  'excel.error.csvQuoteInField':
    'The file cannot be read: line {line}, column {column}, at character {character}: a quote (") inside a value that does not start with one. Put the whole value in quotes and write the quote inside it twice ("").',
  'excel.error.csvEmpty':
    'The file is empty: it has no header line. The first line must name the columns (No., Name, …).',
  'excel.error.csvHeaderOnly': 'The file has a header line but no data rows: there is nothing to import.',
  'excel.problem.unreadNumbers':
    'Column {column} ({header}): cells that are not numbers as this workspace writes them ({expected}): {count}, the first in row {row} ("{value}"). They were imported as text: filters compare them as text, not as numbers.',
  'excel.problem.unreadDates':
    'Column {column} ({header}): cells that are not dates (YYYY-MM-DD or {expected}): {count}, the first in row {row} ("{value}"). They were imported as text: filters compare them as text, not as dates.',
  'excel.error.letterTooLarge': '{file}: the file is too large; a letter can be at most 50 MB.',
  'excel.error.letterEmptyFile': '{file}: the file is empty.',
  'excel.error.letterEncrypted':
    '{file}: the document is protected by a password. Remove the password in Word and upload it again.',
  'excel.error.letterOldWord':
    '{file}: this is a Word 97-2003 document (.doc). Save it as a Word document (.docx) and upload it again.',
  'excel.error.letterNotWord': '{file}: this is not a Word document (.docx).',
  'excel.error.letterCorrupt': '{file}: the file is damaged and cannot be opened.',
};

const it: typeof en = {
  'excel.import.title': 'Riempi dal foglio',
  'excel.import.hint':
    'La prima riga è l\u2019intestazione. I campi di testo prendono ciò che il foglio mostra (00184 resta 00184).',
  'excel.unavailable': 'Excel non è disponibile qui: aprire il riquadro in Excel per leggere i fogli.',
  'excel.source': 'Leggi da',
  'excel.source.selection': 'La selezione corrente',
  'excel.source.table': 'Una tabella',
  'excel.source.usedRange': 'Tutto il foglio attivo',
  'excel.source.chooseTable': 'Scegli una tabella',
  'excel.source.noTables': 'Questa cartella di lavoro non ha tabelle.',
  'excel.read': 'Leggi le celle',
  'excel.reading': 'Lettura del foglio',
  'excel.read.summary': '{rows, plural, one {# riga letta} other {# righe lette}} da {address}',
  'excel.mapping': 'Colonne',
  'excel.mapping.hint':
    'Controllare cosa riempie ogni colonna prima di scrivere. La scelta viene ricordata per questo foglio o tabella.',
  'excel.mapping.hintFile':
    'Controllare cosa riempie ogni colonna prima di scrivere. La scelta viene ricordata per i file denominati {name}.',
  'excel.mapping.column': 'Colonna',
  'excel.mapping.target': 'Riempie',
  'excel.mapping.extra': 'Colonna importata: {header}',
  'excel.mapping.ignore': '(non importata)',
  'excel.field.codeList': '{field} (codici separati da ; o ,)',
  'excel.mapping.duplicateHeader':
    'Colonna {column}: l\u2019intestazione "{header}" è anche nella colonna {first}; si importa solo la colonna {first}, a meno che non venga assegnata altrove.',
  'excel.mapping.blankHeader': 'La colonna {column} non ha intestazione: non viene importata.',
  'excel.mapping.duplicateField':
    'Le colonne {first} e {column} riempiono entrambe {field}: la colonna {column} non viene importata.',
  'excel.mapping.duplicateExtra':
    'Le colonne {first} e {column} sono entrambe la colonna importata "{header}": la colonna {column} non viene importata.',
  'excel.mapping.noKey':
    'Nessuna colonna è il numero contatto (Nr.): le righe vengono abbinate per e-mail dove c\u2019è, altrimenti numerate dalla serie dei contatti.',
  'excel.mapping.noName':
    'Nessuna colonna riempie Nome (o Nome società). Un nuovo contatto richiede un nome: si possono importare solo le righe che aggiornano un contatto esistente, tramite il suo Nr. o l\u2019e-mail; le altre non vengono importate.',
  'excel.mapping.noNameNoKey':
    'Nessuna colonna riempie Nome (o Nome società) e nessuna indica il Nr. o l\u2019e-mail di un contatto esistente: ogni riga sarebbe un nuovo contatto senza nome e nessuna potrebbe essere importata. Scegliere la colonna che riempie Nome.',
  'excel.import': 'Importa {n, plural, one {# riga} other {# righe}}',
  'excel.importing': 'Importazione contatti',
  'import.writing': 'Scrittura dei contatti',
  'import.writing.noCancel': 'I contatti vengono scritti in un\u2019unica operazione. Non è più possibile annullare.',
  'import.decide.title': 'Prima dell\u2019importazione',
  'import.decide.unknownCodes': 'Codici non presenti nelle tabelle ({n})',
  'import.decide.code': '{list} {code}: righe {rows}',
  'import.decide.codeOne': '{list} {code}: riga {rows}',
  'import.decide.create': 'Creare i codici mancanti',
  'import.decide.drop': 'Importare le righe senza questi codici',
  'import.decide.reject': 'Non importare queste righe',
  'import.decide.missingCompanies': 'Persone la cui società non è un contatto ({n})',
  'import.decide.createCompanies': 'Creare queste società come contatti società',
  'import.decide.existing': 'Righe corrispondenti a contatti esistenti ({n})',
  'import.decide.match': 'Riga {row}: contatto {no}, per {by}',
  'import.decide.update': 'Aggiornare questi contatti (altrimenti le righe vengono escluse)',
  'import.decide.confirm': 'Importa con queste scelte',
  'excel.problems.page': 'Problemi {from}–{to} di {total}',
  'excel.problems.previous': 'Precedenti',
  'excel.problems.next': 'Successivi',
  'excel.problems.show': 'Mostra',
  'excel.problems.all': 'Tutti ({n})',
  'excel.problems.error': '{n, plural, one {# errore} other {# errori}}',
  'excel.problems.warning': '{n, plural, one {# avviso} other {# avvisi}}',
  'excel.problems.info': '{n, plural, one {# nota} other {# note}}',
  'excel.result':
    '{inserted, plural, one {# nuovo} other {# nuovi}}, {updated, plural, one {# aggiornato} other {# aggiornati}}, {warned} con avvisi, {rejected, plural, one {# riga non importata} other {# righe non importate}}.',
  'excel.result.generated':
    '{n, plural, one {# riga non aveva il numero contatto ed è stata numerata} other {# righe non avevano il numero contatto e sono state numerate}} dalla serie dei contatti.',
  'excel.problems': 'Resoconto per riga',
  'excel.problems.more': '… e altri {n}.',
  'excel.report.toSheet': 'Scrivi tutto il resoconto in un nuovo foglio',
  'excel.report.sheet': 'Resoconto importazione',
  'excel.report.row': 'Riga',
  'excel.report.column': 'Colonna',
  'excel.report.severity': 'Gravità',
  'excel.report.message': 'Messaggio',
  'excel.report.error': 'non importata',
  'excel.report.warning': 'avviso',
  'excel.report.info': 'nota',
  'excel.addToSegment':
    '{n, plural, one {Aggiungi il contatto al segmento {no}} other {Aggiungi i # contatti al segmento {no}}}',
  'excel.addedToSegment': '{n, plural, one {# contatto aggiunto} other {# contatti aggiunti}} al segmento {no}.',
  'excel.writeNos': '{n, plural, one {Scrivi il nuovo numero} other {Scrivi i # nuovi numeri}} in una colonna nuova',
  'excel.wroteNos': 'I numeri sono nella colonna {column}.',
  'excel.nosHeader': 'Nr.',
  'excel.export.segment': 'Esporta le righe in un foglio',
  'excel.export.loggedSegment': 'Esporta i movimenti in un foglio',
  'excel.export.interactionLog': 'Esporta in un foglio',
  'excel.export.contacts': 'Esporta i contatti in un foglio',
  'excel.exported':
    '{n, plural, one {# riga scritta} other {# righe scritte}} nel foglio "{sheet}" come tabella {table}.',
  'excel.showInSheet': 'Mostra nel foglio',
  'excel.showInSheet.gone': 'La riga da cui proviene questo contatto non è più nella cartella di lavoro.',
  'excel.showInSheet.none': 'Questo contatto non è stato importato da un foglio.',
  'excel.error.tooManyCells':
    'L\u2019intervallo ha {cells} celle; se ne possono leggere al massimo {max} alla volta. Selezionare meno righe o colonne.',
  'excel.error.emptyRange': 'L\u2019intervallo è vuoto: selezionare una riga di intestazione e le righe sotto.',
  'excel.error.headerOnly': 'L\u2019intervallo ha la riga di intestazione ma nessuna riga di dati.',
  'excel.error.tableNotFound': 'Quella tabella non è più nella cartella di lavoro.',
  'excel.error.sheetNotFound': 'Quel foglio non è più nella cartella di lavoro.',
  'excel.error.rowTooLarge': 'La riga {row} contiene più di quanto Excel possa inviare in una volta (circa 5 MB).',
  'excel.error.excelTooOld':
    'Questa versione di Excel non può leggere i fogli per il riquadro (serve l\u2019API JavaScript di Excel 1.7, Excel 2019 o Microsoft 365).',
  'excel.problem.blankRows': 'Righe vuote, saltate ({count}): {rows}.',
  'excel.problem.hiddenRows': 'Righe nascoste, importate ({count}): {rows}.',
  'excel.problem.mergedCells':
    'Le celle {address} sono unite: ogni cella ha preso il valore mostrato nell\u2019area unita.',
  'excel.problem.hiddenRowsNotChecked':
    'Non è stato possibile verificare le righe nascoste: questo Excel non le segnala (serve ExcelApi 1.9). Le righe nascoste sono state importate come le altre.',
  'excel.problem.mergedCellsNotChecked':
    'Non è stato possibile verificare le celle unite: questo Excel non le segnala (serve ExcelApi 1.13).',
  'excel.problem.dateSystemNotChecked':
    'Non è stato possibile verificare il sistema di date della cartella di lavoro: questo Excel non lo segnala (serve ExcelApi 1.16). Le date sono state lette nel sistema 1900; in una cartella che usa il sistema 1904 risultano anticipate di quattro anni.',
  'excel.problem.excelError':
    'Riga {row}, colonna {column} ({header}): la cella contiene l\u2019errore di Excel {error}.',
  'excel.problem.invalidValue': 'Riga {row}, colonna {column} ({header}): {reason}.',
  'excel.problem.invalidValueQuoted': 'Riga {row}, colonna {column} ({header}): "{value}" {reason}.',
  'excel.problem.notBoolean': 'Riga {row}, colonna {column} ({header}): "{value}" non è Sì o No.',
  'excel.problem.badType': 'Riga {row}, colonna {column} ({header}): "{value}" non è Società o Persona.',
  'excel.problem.badCorrespondenceType':
    'Riga {row}, colonna {column} ({header}): "{value}" non è vuoto, Stampa o E-mail.',
  'excel.problem.duplicateNo':
    'Riga {row}: il contatto {no} compare di nuovo nella riga {winner}; vale la riga {winner}.',
  'excel.problem.duplicateEmail':
    'Riga {row}: lo stesso nome e la stessa e-mail ("{name}", {email}) compaiono di nuovo nella riga {winner}; vale la riga {winner}.',
  'excel.problem.numbersInTextColumn':
    'Colonna {column} ({header}): {count} celle sono numeri, non testo (la prima nella riga {row}: {example}). Sono state prese come le mostra il foglio; gli zeri persi nel foglio non si recuperano: formattare la colonna come Testo e digitarli di nuovo.',
  'excel.problem.addressLines':
    'Colonna {column} ({header}): {count, plural, one {# cella ha} other {# celle hanno}} più righe, la prima nella riga {row} ("{value}"). Un indirizzo ha una riga sola: la prima riga è andata in Indirizzo e le altre in Indirizzo 2 o, dove la riga dà già Indirizzo 2, dopo una virgola nello stesso campo.',
  'excel.problem.narrowColumn':
    'Riga {row}, colonna {column} ({header}): la colonna è troppo stretta per mostrare il numero ({value}); è stato preso il numero completo.',
  'excel.problem.scientific':
    'Riga {row}, colonna {column} ({header}): il numero è mostrato in notazione scientifica ({value}); è stato preso il numero completo.',
  'excel.problem.overlongRow': 'La riga {row} ha {cells} celle ma l\u2019intestazione ne ha {columns}.',
  'excel.problem.emailAmbiguous':
    'Riga {row}: più contatti ({nos}) hanno l\u2019e-mail {email} e questo nome; indicare il numero contatto nella riga.',
  'excel.problem.emailSharedInFile':
    'Riga {row}: l\u2019e-mail {email} è indicata anche per un altro nome ({count, plural, one {riga {rows}} other {righe {rows}}}); ogni riga viene importata come contatto a sé, con la stessa e-mail.',
  'excel.problem.emailSharedStored':
    'Riga {row}: l\u2019e-mail {email} è anche l\u2019e-mail {count, plural, one {del contatto {nos}, che ha un altro nome} other {dei contatti {nos}, che hanno altri nomi}}; la riga viene importata come nuovo contatto con la stessa e-mail. Per aggiornare {count, plural, one {quel contatto} other {uno di essi}}, indicare il numero contatto nella riga.',
  'excel.problem.rejectedByStore': 'Riga {row}: {reason}',
  'excel.problem.unknownCountry':
    'Riga {row}, colonna {column} ({header}): "{value}" non è un paese/area noto; il nome viene mantenuto, il codice lasciato vuoto.',
  'excel.problem.unknownCode': 'Riga {row}, colonna {column} ({header}): {list} {code} non esiste.',
  'excel.problem.companyLinked': 'Riga {row}: collegata tramite {by} alla società {companyNo} "{companyName}".',
  'excel.problem.codeCreated': '{list} {code} creato ({count, plural, one {riga {rows}} other {righe {rows}}}).',
  'excel.problem.companyNotFound':
    'Riga {row}: nessun contatto società si chiama "{companyName}"; la persona viene importata senza società.',
  'excel.problem.companyNoNotFound':
    'Riga {row}: nessun contatto società ha il numero {companyNo}; la persona mantiene il numero ma non ha nome società.',
  'excel.problem.companyAmbiguous':
    'Riga {row}: più contatti società si chiamano "{companyName}" ({nos}); la persona viene importata senza società.',
  'excel.problem.companyCreated': 'Riga {row}: creata la società {companyNo} "{companyName}".',
  'excel.problem.matchedExisting': 'Riga {row}: corrisponde al contatto {no} per {by}; aggiorna quel contatto.',
  'excel.problem.updatedExisting': 'Riga {row}: il contatto {no} "{name}" è stato aggiornato.',
  'excel.problem.dropped': 'La riga è stata importata senza questo valore.',
  'excel.problem.notImported': 'La riga non è stata importata.',
  'excel.severity.error': 'Errore',
  'excel.severity.warning': 'Avviso',
  'excel.severity.info': 'Nota',
  'excel.by.companyNo': 'Nr. società',
  'excel.by.companyName': 'Nome società',
  'excel.by.email': 'e-mail',
  'excel.by.namePostCode': 'nome e CAP',
  'excel.list.salespeople': 'Cod. agente',
  'excel.list.languages': 'Codice lingua',
  'excel.list.territories': 'Cod. zona',
  'excel.list.mailingGroups': 'Cod. gruppo mailing',
  'excel.list.industryGroups': 'Cod. settore industriale',
  'excel.list.jobResponsibilities': 'Cod. ruolo professionale',
  'excel.list.businessRelations': 'Cod. relazione d\u2019affari',
  'excel.reason.tooLong': 'supera {max} caratteri',
  'excel.reason.notEmail': 'non è un indirizzo e-mail',
  'excel.reason.controlCharacters': 'contiene caratteri di controllo',
  'excel.reason.brokenCharacter': 'contiene un carattere danneggiato',
  'excel.reason.lineBreak': 'contiene un a capo',
  'excel.reason.required': 'è obbligatorio',
  'excel.reason.invalid': 'non è valido',
  'excel.reason.nameRequired': 'un nuovo contatto richiede un nome (di persona o di società)',
  'excel.reason.companyHasPersons':
    'il contatto {no} resta di tipo Società: {persons, plural, one {la persona {personNo} lo ha} other {# persone (la prima è {personNo}) lo hanno}} come Nr. società, e una società con persone non può diventare di tipo Persona',
  'excel.error.csvNotUtf8':
    'Il file non è testo UTF-8: la riga {line} contiene un carattere non UTF-8. Salvarlo come "CSV UTF-8" e sceglierlo di nuovo.',
  'excel.error.csvQuoteNotClosed':
    'Impossibile leggere il file: riga {line}, colonna {column}: il valore che inizia con le virgolette (") al carattere {character} non viene mai chiuso. Chiuderlo e scrivere due volte ("") le virgolette all\u2019interno di un valore tra virgolette.',
  'excel.error.csvTextAfterQuote':
    'Impossibile leggere il file: riga {line}, colonna {column}, al carattere {character}: c\u2019è del testo dopo le virgolette che chiudono il valore. Le virgolette all\u2019interno di un valore tra virgolette si scrivono due volte ("").',
  'excel.error.csvQuoteInField':
    'Impossibile leggere il file: riga {line}, colonna {column}, al carattere {character}: virgolette (") all\u2019interno di un valore che non inizia con le virgolette. Racchiudere l\u2019intero valore tra virgolette e scrivere due volte ("") le virgolette al suo interno.',
  'excel.error.csvEmpty':
    'Il file è vuoto: non ha la riga di intestazione. La prima riga deve indicare le colonne (Nr., Nome, …).',
  'excel.error.csvHeaderOnly':
    'Il file ha la riga di intestazione ma nessuna riga di dati: non c\u2019è niente da importare.',
  'excel.problem.unreadNumbers':
    'Colonna {column} ({header}): celle che non sono numeri nel formato di questa area di lavoro ({expected}): {count}, la prima nella riga {row} ("{value}"). Sono state importate come testo: i filtri le confrontano come testo, non come numeri.',
  'excel.problem.unreadDates':
    'Colonna {column} ({header}): celle che non sono date (AAAA-MM-GG o {expected}): {count}, la prima nella riga {row} ("{value}"). Sono state importate come testo: i filtri le confrontano come testo, non come date.',
  'excel.error.letterTooLarge': '{file}: il file è troppo grande; una lettera può essere al massimo di 50 MB.',
  'excel.error.letterEmptyFile': '{file}: il file è vuoto.',
  'excel.error.letterEncrypted':
    '{file}: il documento è protetto da password. Rimuovere la password in Word e caricarlo di nuovo.',
  'excel.error.letterOldWord':
    '{file}: è un documento Word 97-2003 (.doc). Salvarlo come documento Word (.docx) e caricarlo di nuovo.',
  'excel.error.letterNotWord': '{file}: non è un documento Word (.docx).',
  'excel.error.letterCorrupt': '{file}: il file è danneggiato e non può essere aperto.',
};

export const excelMessages: MessageCatalog = { en, it };
