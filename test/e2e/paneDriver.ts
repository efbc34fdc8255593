// Drives the task pane in Chromium as a user does, in the pane's own words (the message catalog of the
// language under test), and checks each page with axe-core.
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { UiLanguage } from '../../src/domain/setup';
import { paneCatalogs } from '../../src/ui/shell/catalogs';
import { makeTranslate, type Translate } from '../../src/ui/common/i18n';

const axeSource = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');
export const screenshotDir = resolve('test-output/screenshots');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export class PaneDriver {
  readonly t: Translate;
  constructor(
    public page: Page,
    public language: UiLanguage,
  ) {
    this.t = makeTranslate(paneCatalogs, language);
  }

  title(): Locator {
    return this.page.getByTestId('page-title');
  }

  async expectTitle(text: string) {
    await this.title().filter({ hasText: text }).waitFor();
  }

  /** Opens a page from the pages menu. */
  async goTo(navKey: string) {
    await this.page.getByTestId('nav-menu').click();
    await this.page.getByRole('menuitem', { name: this.t(navKey), exact: true }).click();
    await this.expectTitle(this.t(navKey));
  }

  /** Picks an option of a Fluent drop-down. */
  async choose(combobox: Locator, option: string | RegExp) {
    await combobox.click();
    await this.page.getByRole('option', { name: option }).first().click();
  }

  /** Answers BC's question. */
  async answer(yes: boolean) {
    const dialog = this.page.getByRole('alertdialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: this.t(yes ? 'common.yes' : 'common.no'), exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Waits for a toast with this text, then for the page to end above the notes (a note never covers it). */
  async toast(text: string | RegExp) {
    await this.page.getByText(text).first().waitFor();
    await this.notesClear();
  }

  /**
   * Waits until the notes at the bottom of the pane have settled (none coming or leaving: each fully shown)
   * and then no note lies over the page (the `main` element) and the page ends right above the highest
   * note: at most 24 px of blank band between them. Read from the layout (the notes' offsets), not from
   * their animated transforms.
   */
  async notesClear() {
    await this.page.waitForFunction(
      () => {
        const main = document.querySelector('main');
        if (!main) return true;
        const bottom = main.getBoundingClientRect().bottom;
        return Array.from(document.querySelectorAll<HTMLElement>('.fui-Toaster[data-toaster-position="bottom"]')).every(
          (notes) => {
            const shown = Array.from(notes.querySelectorAll<HTMLElement>(':scope > .fui-ToastContainer'));
            if (notes.offsetHeight === 0 || shown.length === 0) return true;
            if (shown.some((n) => getComputedStyle(n).opacity !== '1')) return false;
            const top = notes.offsetTop + shown[0].offsetTop;
            return top >= bottom - 1 && top - bottom <= 24;
          },
        );
      },
      null,
      { timeout: 15_000 },
    );
  }

  /**
   * From the Segments list: opens the segment and its Log dialog, waits for its entries and the pre-flight
   * with nothing blocking (asking for a follow-up first if so), runs `shot` on it, logs and waits for the toast.
   */
  async logSegment(no: string, log: { entries: number; followUp: boolean }, shot: () => Promise<void>) {
    await this.page.getByTestId(`segment-row-${no}`).getByRole('button', { name: no, exact: true }).click();
    await this.expectTitle(no);
    await this.page.getByTestId('action-log-button').click();
    const dialog = this.page.getByRole('dialog');
    await dialog
      .getByTestId('log-entries')
      .filter({ hasText: this.t('log.entries', { n: log.entries }) })
      .waitFor();
    if (log.followUp) await dialog.getByLabel(this.t('log.createFollowUp')).check();
    await dialog.getByTestId('log-no-blockers').waitFor();
    await shot();
    await dialog.getByTestId('log-run').click();
    await this.toast(this.t('log.done', { no }));
  }

  async fillField(testId: string, value: string) {
    const input = this.page.getByTestId(testId);
    await input.fill(value);
    await input.press('Tab');
  }

  async linesCount(): Promise<string> {
    return (await this.page.getByRole('heading', { name: new RegExp(this.t('segment.lines')) }).textContent()) ?? '';
  }

  async screenshot(name: string) {
    mkdirSync(screenshotDir, { recursive: true });
    await this.page.screenshot({ path: join(screenshotDir, `${this.language}-${name}.png`), fullPage: true });
  }

  /**
   * Waits until the page's finite animations and transitions have finished (a toast fading in, a dialog
   * sliding open): colours read mid-fade are not the page's colours. Infinite ones (a spinner) and a
   * toast's timer are ignored.
   */
  async settled() {
    await this.page.waitForFunction(
      () =>
        document.getAnimations().every(
          (a) =>
            a.playState !== 'running' ||
            !Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? Infinity)) ||
            // A toast's own clock (an invisible element whose animation is its timeout) is no fade.
            ((a.effect as KeyframeEffect | null)?.target?.closest('[data-timer-status]') ?? null) !== null,
        ),
      null,
      { timeout: 15_000, polling: 'raf' },
    );
  }

  /** axe-core on what is on screen now: serious and critical violations. */
  async axe(): Promise<AxeViolation[]> {
    await this.settled();
    // Evaluated by the browser's debugger protocol, not as an inline script: the add-in's server sends a
    // Content Security Policy that refuses inline scripts (as it should).
    if (!(await this.page.evaluate(() => 'axe' in window))) await this.page.evaluate(axeSource);
    return this.page.evaluate(async () => {
      const w = window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: unknown,
          ): Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      };
      // The one exclusion: Tabster's focus sentinels (Fluent's keyboard navigation and its dialogs' focus
      // trap: <i data-tabster-dummy aria-hidden tabindex=0>) pass focus on at once; axe reads them as
      // hidden focusable elements (aria-hidden-focus). Everything else is checked.
      const r = await w.axe.run({ exclude: [['[data-tabster-dummy]']] } as unknown as Document, {
        resultTypes: ['violations'],
      });
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    });
  }

  /**
   * The 320 px rule on what is on screen now: the document no wider than the viewport, and no element's
   * right edge past it. An element cut by an ancestor that clips (an ellipsis) is not past the edge; one
   * that an ancestor lets scroll sideways is. Each offender reported as a violation `wider-than-viewport`.
   * A column header whose text is cut is reported as `header-cut`.
   */
  async fit(): Promise<AxeViolation[]> {
    return this.page.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      const found: string[] = [];
      if (document.documentElement.scrollWidth > vw) found.push(`document ${document.documentElement.scrollWidth} px`);
      const name = (el: Element) => {
        const id = el.getAttribute('data-testid');
        const text = (el.textContent ?? '').trim().slice(0, 30);
        return `${el.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${text}"`;
      };
      const clipped = (el: Element) => {
        for (let a = el.parentElement; a; a = a.parentElement) {
          const o = getComputedStyle(a).overflowX;
          if ((o === 'hidden' || o === 'clip') && a.getBoundingClientRect().right <= vw + 0.5) return true;
        }
        return false;
      };
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1 || r.right <= vw + 0.5) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        if (clipped(el)) continue;
        found.push(`${name(el)} right ${Math.round(r.right)} px`);
        if (found.length > 8) break;
      }
      // A column header is read in full: its text is never cut (an ellipsis hides a header's meaning).
      const cut: string[] = [];
      for (const th of Array.from(document.body.querySelectorAll('th, [role="columnheader"]'))) {
        for (const el of [th, ...Array.from(th.querySelectorAll('*'))]) {
          const box = el as HTMLElement;
          if (box.offsetParent === null || getComputedStyle(box).position === 'absolute') continue;
          if (box.scrollWidth > box.clientWidth + 1) {
            cut.push(`${name(th)} ${box.clientWidth} of ${box.scrollWidth} px`);
            break;
          }
        }
      }
      return [
        ...(found.length
          ? [{ id: 'wider-than-viewport', impact: 'serious', help: `wider than the ${vw} px viewport`, nodes: found }]
          : []),
        ...(cut.length ? [{ id: 'header-cut', impact: 'serious', help: 'a column header is cut', nodes: cut }] : []),
      ];
    });
  }

  /** Screenshot, the 320 px rule and the accessibility check of the page or dialog as it is now. */
  async check(name: string, violations: Record<string, AxeViolation[]>) {
    await this.screenshot(name);
    // A dialog that has just closed leaves the other portals hidden from assistive technology until its
    // exit transition ends: wait for that state (not for time) before judging the page; a portal still
    // hidden with no dialog open after that is reported.
    await this.page
      .waitForFunction(
        () =>
          !document.querySelector('[data-portal-node][aria-hidden="true"]') ||
          Boolean(document.querySelector('[role="dialog"], [role="alertdialog"]')),
        null,
        { timeout: 5_000 },
      )
      .catch(() => undefined);
    violations[name] = [...(await this.fit()), ...(await this.axe())];
  }
}

export function expectNoViolations(all: Record<string, AxeViolation[]>) {
  const found = Object.entries(all).filter(([, v]) => v.length > 0);
  expect(found, JSON.stringify(found, null, 1)).toEqual([]);
}

/** A CSV as a spreadsheet saves it in Italy: BOM, `;`, Italian headers, a quoted field with the separator. */
export function contactsCsv(): Buffer {
  const rows = [
    'Nr.;Nome;Tipo;Città;E-mail;Nr. società;Cliente dal',
    'C100;Alfa Srl;Società;Roma;info@alfa.it;C100;2015',
    'P101;Anna Bianchi;Persona;Roma;anna@alfa.it;C100;2019',
    'P102;"Rossi; Marco";Persona;Roma;marco@alfa.it;C100;2021',
    'C200;Beta SpA;Società;Milano;info@beta.it;C200;2018',
    'P201;Luca Verdi;Persona;Milano;luca@beta.it;C200;2020',
    'P300;Zoe Neri;Persona;Torino;zoe@example.com;;2022',
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.join('\r\n') + '\r\n', 'utf8')]);
}
