// The one place that waits for Office: Office.onReady is called once, requirement sets checked once.
import { featureSupport, NO_FEATURES, type FeatureSupport } from '../domain/officeRequirements';

export type HostKind = 'Excel' | 'Word' | 'none';

export interface HostInfo {
  host: HostKind;
  platform: string | null;
  /** Office's display language (e.g. it-IT), or the browser's outside Office. */
  displayLanguage: string;
  /** Office's version as the host reports it (diagnostics.version), when it does. */
  officeVersion?: string | null;
  /** Requirement sets this host supports, checked once at start. */
  supports: {
    excelApi1_4: boolean;
    wordApi1_3: boolean;
    wordApi1_4: boolean;
  };
  /** Each feature above the host's minimum: available here or not (domain/officeRequirements). */
  features?: FeatureSupport;
}

let ready: Promise<HostInfo> | undefined;

const noOffice = (): HostInfo => ({
  host: 'none',
  platform: null,
  displayLanguage: typeof navigator !== 'undefined' ? navigator.language : 'en-US',
  officeVersion: null,
  supports: { excelApi1_4: false, wordApi1_3: false, wordApi1_4: false },
  features: NO_FEATURES,
});

/** Resolves once Office is ready (or at once, with host 'none', when office.js is not loaded). */
export function whenOfficeReady(timeoutMs = 10_000): Promise<HostInfo> {
  if (ready) return ready;
  ready = new Promise<HostInfo>((resolve) => {
    if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
      resolve(noOffice());
      return;
    }
    const timer = setTimeout(() => resolve(noOffice()), timeoutMs);
    void Office.onReady((info) => {
      clearTimeout(timer);
      resolve(hostInfoFrom(info.host, info.platform));
    });
  });
  return ready;
}

/** What Office.onReady said, with the requirement sets asked once. */
export function hostInfoFrom(
  officeHost: Office.HostType | null | undefined,
  platform: Office.PlatformType | null | undefined,
): HostInfo {
  const host: HostKind =
    officeHost === Office.HostType.Excel ? 'Excel' : officeHost === Office.HostType.Word ? 'Word' : 'none';
  const isSet = (set: string, v: string) =>
    host !== 'none' && Boolean(Office.context?.requirements?.isSetSupported(set, v));
  let officeVersion: string | null;
  try {
    officeVersion = host !== 'none' ? (Office.context?.diagnostics?.version ?? null) : null;
  } catch {
    officeVersion = null; // hosts without diagnostics (before requirement set 1.5 of the common API)
  }
  return {
    host,
    platform: platform ? String(platform) : null,
    displayLanguage: (host !== 'none' && Office.context?.displayLanguage) || noOffice().displayLanguage,
    officeVersion,
    supports: {
      excelApi1_4: host === 'Excel' && isSet('ExcelApi', '1.4'),
      wordApi1_3: host === 'Word' && isSet('WordApi', '1.3'),
      wordApi1_4: host === 'Word' && isSet('WordApi', '1.4'),
    },
    features: featureSupport(host, isSet),
  };
}
