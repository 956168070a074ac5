// Small, readable steps on the VS Code web workbench for the UI tests. Selectors are
// VS Code's own DOM classes (stable across 1.9x); keep them all in this one file.
import * as fs from 'fs';
import * as path from 'path';
import { Locator, Page } from 'playwright-core';
import { CodeServer, FIXTURE_WORKSPACE, openWorkbench, REPO_ROOT, startCodeServer, Workbench } from '../integration/codeServer';

export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

export const SELECTORS = {
  workbench: '.monaco-workbench',
  quickInput: '.quick-input-widget input[role="combobox"]',
  activeTab: '.tab.active',
  codeLens: '.codelens-decoration a',
  notification: '.notification-list-item-message',
  // VS Code adds notification-fade-in-done when the slide-in transition has ended.
  settledToast: '.notification-toast.notification-fade-in-done .notification-list-item-message',
} as const;

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator(SELECTORS.workbench).waitFor({ state: 'visible', timeout: 60_000 });
  // The explorer lists the folder once the remote file system is connected.
  await page.locator('.explorer-folders-view').waitFor({ state: 'visible', timeout: 60_000 });
}

/** Opens a workspace file through Quick Open, as a user would. */
export async function openFile(page: Page, name: string): Promise<void> {
  // Already open: its tab, as a person would click it.
  const tab = page.locator('.tabs-container .tab', { hasText: name });
  if ((await tab.count()) > 0) {
    await tab.first().click();
    await page.locator(SELECTORS.activeTab, { hasText: name }).waitFor();
    return;
  }
  await page.locator(SELECTORS.workbench).click({ position: { x: 700, y: 400 } });
  await page.keyboard.press('Control+P');
  const input = page.locator(SELECTORS.quickInput);
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  // Wait for the match to be listed before accepting it.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(SELECTORS.activeTab, { hasText: name }).waitFor();
}

export function codeLens(page: Page, title: string): Locator {
  return page.locator(SELECTORS.codeLens, { hasText: title });
}

export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator(SELECTORS.notification, { hasText: text });
}

/** Waits until the toast has finished sliding in, so a screenshot shows it. */
export async function waitForToast(page: Page, text: string | RegExp, timeout = 15_000): Promise<void> {
  await page.locator(SELECTORS.settledToast, { hasText: text }).waitFor({ timeout });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Opens the Snowpark Local container from the activity bar and returns its tree. (The
 * view's own header is hidden while it is the container's only view: wait on the tree.)
 */
export async function openJobsView(page: Page): Promise<Locator> {
  const container = page.locator('.sidebar [id="workbench.view.extension.snowparkLocal"]');
  if (!(await container.isVisible())) {
    await page.locator('.activitybar .action-item a[aria-label^="Snowpark Local"]').click();
  }
  await container.waitFor({ state: 'visible', timeout: 15_000 });
  return container;
}

/** A row of the Snowpark Jobs tree whose text (label + description) matches. */
export function treeRow(view: Locator, text: string | RegExp): Locator {
  return view.locator('.monaco-list-row', { hasText: text });
}

/** Hovers a tree row (inline actions only show on hover or selection) and clicks one. */
export async function clickInlineAction(row: Locator, title: string): Promise<void> {
  const page = row.page();
  // A tooltip can appear after it was dismissed (the tree reorders under a resting mouse),
  // so the hover is retried, each time after clearing whatever tooltip is up.
  for (let attempt = 1; ; attempt++) {
    await dismissHovers(page);
    try {
      await row.hover({ timeout: 8_000 });
      break;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
  const action = row.locator(`.actions .action-label[aria-label="${title}"]`);
  await action.waitFor({ state: 'visible', timeout: 10_000 });
  await action.click();
}

/**
 * Closes any tooltip that is up: VS Code keeps a row's hover widget open while the mouse
 * rests on or near it, and it then sits over the next row we aim at. The widget hides when
 * the mouse leaves it, so the mouse passes through it and out to the editor.
 */
export async function dismissHovers(page: Page): Promise<void> {
  const visible = page.locator('.context-view >> visible=true');
  for (let attempt = 0; attempt < 5 && (await visible.count()) > 0; attempt++) {
    const box = await visible.first().boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(700, 450); // the editor: no tree row's tooltip lives there
    await page.keyboard.press('Escape');
    await visible.first().waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => undefined);
  }
}

/** Runs a command from the palette by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator(SELECTORS.quickInput);
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The content of the result webview (two nested iframes deep). */
export function resultView(page: Page): import('playwright-core').FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/**
 * A real workbench for the enclosing `describe`: code-server on the fixture workspace and
 * Chromium on it, both stopped afterwards; a failed test leaves a screenshot and the tail
 * of code-server's log. Returns the page getter the tests use.
 */
export function useWorkbench(logLines = 30, settings?: Record<string, unknown>): () => Page {
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;

  before(async function () {
    server = await startCodeServer({ workspace: FIXTURE_WORKSPACE, trusted: true, settings });
    workbench = await openWorkbench(server);
    await waitForWorkbench(workbench.page);
  });

  after(async function () {
    await workbench?.close();
    await server?.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      const file = await screenshot(workbench.page, `failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
      console.log(`    screenshot: ${file}`);
      if (server) console.log(server.logTail(logLines));
    }
  });

  return () => workbench!.page;
}
