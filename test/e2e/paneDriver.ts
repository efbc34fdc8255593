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

  /** Waits for a toast with this text. */
  async toast(text: string | RegExp) {
    await this.page.getByText(text).first().waitFor();
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

  /** axe-core on what is on screen now: serious and critical violations. */
  async axe(): Promise<AxeViolation[]> {
    if (!(await this.page.evaluate(() => 'axe' in window))) await this.page.addScriptTag({ content: axeSource });
    return this.page.evaluate(async () => {
      const w = window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } };
      // Tabster's focus sentinels (Fluent's keyboard navigation: <i data-tabster-dummy aria-hidden tabindex=0>)
      // pass focus on at once; axe reads them as hidden focusable elements. Everything else is checked.
      const r = await w.axe.run({ exclude: [['[data-tabster-dummy]']] } as unknown as Document, { resultTypes: ['violations'] });
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    });
  }

  /** Screenshot and accessibility check of the page as it is now. */
  async check(name: string, violations: Record<string, AxeViolation[]>) {
    await this.screenshot(name);
    violations[name] = await this.axe();
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
