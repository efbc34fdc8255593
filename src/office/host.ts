// The one place that waits for Office: Office.onReady is called once, requirement sets checked once.
export type HostKind = 'Excel' | 'Word' | 'none';

export interface HostInfo {
  host: HostKind;
  platform: string | null;
  /** Office's display language (e.g. it-IT), or the browser's outside Office. */
  displayLanguage: string;
  /** Requirement sets this host supports, checked once at start. */
  supports: {
    excelApi1_4: boolean;
    wordApi1_3: boolean;
    wordApi1_4: boolean;
  };
}

let ready: Promise<HostInfo> | undefined;

const noOffice = (): HostInfo => ({
  host: 'none',
  platform: null,
  displayLanguage: typeof navigator !== 'undefined' ? navigator.language : 'en-US',
  supports: { excelApi1_4: false, wordApi1_3: false, wordApi1_4: false },
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
      const host: HostKind = info.host === Office.HostType.Excel ? 'Excel' : info.host === Office.HostType.Word ? 'Word' : 'none';
      const isSet = (set: string, v: string) => host !== 'none' && Boolean(Office.context?.requirements?.isSetSupported(set, v));
      resolve({
        host,
        platform: info.platform ? String(info.platform) : null,
        displayLanguage: (host !== 'none' && Office.context?.displayLanguage) || noOffice().displayLanguage,
        supports: {
          excelApi1_4: host === 'Excel' && isSet('ExcelApi', '1.4'),
          wordApi1_3: host === 'Word' && isSet('WordApi', '1.3'),
          wordApi1_4: host === 'Word' && isSet('WordApi', '1.4'),
        },
      });
    });
  });
  return ready;
}
