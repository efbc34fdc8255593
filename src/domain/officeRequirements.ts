// The Office requirement sets the add-in uses, feature by feature: the one list the host check, the
// adapters, the pane's notices and the Office check read. The manifest cannot declare per-host sets
// (its <Requirements> applies to every host, and an ExcelApi set there would keep the add-in out of
// Word), so each host's minimum is checked at start and every feature above it at run time.
import { SegmentsError } from './errors';

export type OfficeHostName = 'Excel' | 'Word';

export interface Requirement {
  host: OfficeHostName;
  set: 'ExcelApi' | 'WordApi';
  version: string;
  /** The first Office that has it, in BC users' words (for the pane's notice). */
  office: string;
}

const excel = (version: string, office: string): Requirement => ({ host: 'Excel', set: 'ExcelApi', version, office });
const word = (version: string, office: string): Requirement => ({ host: 'Word', set: 'WordApi', version, office });

/** Every feature above a host's minimum, with what it needs. */
export const OFFICE_FEATURES = {
  /** The core of the Excel pages: reading a sheet in blocks, export, writing numbers back (getRangeByIndexes). */
  excelCore: excel('1.7', 'Excel 2019'),
  /** Show in the sheet: findOrNullObject (1.9) and Workbook.name (1.7). */
  excelShowInSheet: excel('1.9', 'Excel 2021'),
  /** Hidden rows in an import (getSpecialCells). */
  excelHiddenRows: excel('1.9', 'Excel 2021'),
  /** Merged cells in an import (getMergedAreas). */
  excelMergedCells: excel('1.13', 'Excel 2021'),
  /** The workbook's date system (Workbook.use1904DateSystem). */
  excelDateSystem: excel('1.16', 'Microsoft 365'),
  /** The core of the Word page: reading the letter and writing merged letters (getOoxml, insertOoxml, content controls). */
  wordCore: word('1.1', 'Word 2016'),
  /** Inserting a merge field at the cursor (ContentControl.getRange). */
  wordInsertField: word('1.3', 'Word 2016'),
  /** Reading merged letters back for the log (getFirstOrNullObject, expandTo). */
  wordReadBack: word('1.3', 'Word 2016'),
  /** Opening merged letters as a new document (Application.createDocument). */
  wordCreateDocument: word('1.3', 'Word 2016'),
  /** Word comments on the letters (Range.insertComment). */
  wordComments: word('1.4', 'Word 2021'),
} as const satisfies Record<string, Requirement>;

export type OfficeFeature = keyof typeof OFFICE_FEATURES;
export type FeatureSupport = Record<OfficeFeature, boolean>;

export const OFFICE_FEATURE_NAMES = Object.keys(OFFICE_FEATURES) as OfficeFeature[];

/** What each feature needs, in the pane's words: "WordApi 1.4 (Word 2019 or later)". */
export function requirementText(f: OfficeFeature): string {
  const r = OFFICE_FEATURES[f];
  return `${r.set} ${r.version} (${r.office} or later)`;
}

/** Feature support from a host's isSetSupported; a feature of the other host is false. */
export function featureSupport(
  host: OfficeHostName | 'none',
  isSetSupported: (set: string, version: string) => boolean,
): FeatureSupport {
  const out = {} as FeatureSupport;
  for (const f of OFFICE_FEATURE_NAMES) {
    const r = OFFICE_FEATURES[f];
    out[f] = r.host === host && isSetSupported(r.set, r.version);
  }
  return out;
}

/** Every feature unsupported: outside Office. */
export const NO_FEATURES: FeatureSupport = featureSupport('none', () => false);

/** The distinct requirement sets the add-in uses (for the Office check's report). */
export function requirementSetsUsed(): Requirement[] {
  const seen = new Map<string, Requirement>();
  for (const r of Object.values(OFFICE_FEATURES)) seen.set(`${r.set} ${r.version}`, r);
  return [...seen.values()];
}

/** The refusal of an adapter asked for a feature the host lacks, checked before anything is queued:
 * details.code 'featureUnavailable' with the feature and what it needs, for the pane's message. */
export function featureUnavailable(feature: OfficeFeature): SegmentsError {
  const r = OFFICE_FEATURES[feature];
  return new SegmentsError('INVALID_INPUT', `This needs ${requirementText(feature)}; this Office does not have it.`, {
    code: 'featureUnavailable',
    feature,
    set: r.set,
    version: r.version,
    office: r.office,
  });
}
