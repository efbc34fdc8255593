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

/** The parts of a window that office.js reads to find its host (see officeMayBeHere). */
export interface OfficeSigns {
  search: string;
  hash: string;
  name: string;
  /** sessionStorage's `hostInfoValue`, where office.js keeps what it found on an earlier load. */
  storedHostInfo: string | null;
  framed: boolean;
  /** A host object of Office's: window.external's GetHostInfo/GetContext, agaveHost, WebView2's or WKWebView's bridge. */
  hostBridge: boolean;
}

/** The signs of the page this runs in. */
export function officeSigns(win: Window = window): OfficeSigns {
  const w = win as unknown as {
    external?: { GetHostInfo?: unknown; GetContext?: unknown };
    agaveHost?: unknown;
    chrome?: { webview?: unknown };
    webkit?: { messageHandlers?: unknown };
  };
  const storedHostInfo = (() => {
    try {
      return win.sessionStorage?.getItem('hostInfoValue') ?? null;
    } catch {
      return null; // storage refused: office.js cannot read it either
    }
  })();
  let framed: boolean;
  try {
    framed = win.parent !== win;
  } catch {
    framed = true;
  }
  return {
    search: win.location?.search ?? '',
    hash: win.location?.hash ?? '',
    name: win.name ?? '',
    storedHostInfo,
    framed,
    hostBridge:
      w.agaveHost !== undefined ||
      typeof w.external?.GetHostInfo === 'function' ||
      typeof w.external?.GetContext !== 'undefined' ||
      w.chrome?.webview !== undefined ||
      w.webkit?.messageHandlers !== undefined,
  };
}

/**
 * Whether an Office host may be driving this page: any of the signs office.js itself reads to find its host
 * (the `_host_Info` parameter, the window's name, what it kept in sessionStorage, a host object), or a
 * frame (Office on the web runs add-ins in one). Without any of them office.js reports no host, after
 * fetching its further files: the pane then need not wait for it.
 */
export function officeMayBeHere(signs: OfficeSigns): boolean {
  return (
    /_host_Info=/i.test(signs.search) ||
    /_host_Info=/i.test(signs.hash) ||
    /hostInfo/i.test(signs.name) ||
    signs.storedHostInfo !== null ||
    signs.framed ||
    signs.hostBridge
  );
}

/**
 * The host to start the pane with: outside Office (no sign of a host: officeMayBeHere) at once, as the
 * browser's; else once Office is ready (whenOfficeReady). `confirmed` is what Office.onReady says in the
 * end, for the rare page started as outside Office that Office drives after all.
 */
export function whenPaneCanStart(signs: OfficeSigns = officeSigns()): {
  start: Promise<HostInfo>;
  confirmed: Promise<HostInfo>;
} {
  const confirmed = whenOfficeReady();
  return { start: officeMayBeHere(signs) ? confirmed : Promise.resolve(noOffice()), confirmed };
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
