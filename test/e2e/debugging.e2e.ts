// Debugging in the real workbench, as a person does it: a breakpoint set with F9, Debug from
// the CodeLens, the editor stopped on that line with the handler in the Call Stack and
// `session` in Variables, F10 / F5, the run finishing in the Snowpark Jobs view; the same in a
// .sql $$ body; and Shift+F5 while a child job runs leaves the job ABORTED.
// The handlers run under /usr/bin/python3, which has Debian's python3-debugpy.
import { Page } from 'playwright-core';
import { codeLens, openFile, openJobsView, screenshot, SELECTORS, treeRow, useWorkbench } from './workbench';

const DEBUG = {
  breakpointGlyph: '.monaco-editor .codicon-debug-breakpoint',
  pausedGlyph: '.monaco-editor .codicon-debug-stackframe',
  callStackRow: '.debug-call-stack .monaco-list-row',
  variableRow: '.debug-variables .monaco-list-row',
} as const;

/** Clicks the glyph margin beside a line's number, as a person sets a breakpoint. */
async function toggleBreakpoint(page: Page, line: number): Promise<void> {
  const glyphs = page.locator(DEBUG.breakpointGlyph);
  const before = await glyphs.count();
  const number = page.locator('.monaco-editor .line-numbers', { hasText: new RegExp(`^${line}$`) }).first();
  const box = await number.boundingBox();
  if (!box) throw new Error(`line ${line} is not on screen`);
  await page.mouse.click(box.x - 6, box.y + box.height / 2);
  await glyphs.nth(before).waitFor({ timeout: 10_000 });
}

/** Paused: the Call Stack's top frame is `frame` at `file:line`. */
async function pausedAt(page: Page, frame: string, file: string, line: number): Promise<void> {
  await page.locator(DEBUG.pausedGlyph).first().waitFor({ timeout: 60_000 });
  await page.locator(DEBUG.callStackRow, { hasText: new RegExp(`^${frame}\\s*${file.replace('.', '\\.')}\\s*${line}:`) }).first().waitFor({ timeout: 30_000 });
}

describe('debugging handlers in the UI (code-server + Chromium, real debugpy)', function () {
  const currentPage = useWorkbench(40, { 'snowparkLocal.pythonPath': '/usr/bin/python3', 'debug.openDebug': 'openOnDebugBreak' });

  // A test that failed while paused must not leave its session to the next one.
  afterEach(async function () {
    const page = currentPage();
    if (await page.locator('.debug-toolbar').isVisible()) {
      await page.keyboard.press('Shift+F5');
      await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 30_000 });
    }
  });

  it('stops on a breakpoint in a .py handler from its Debug CodeLens, steps, continues, and the run finishes', async function () {
    const page = currentPage();
    await openFile(page, 'debug_me.py');
    await toggleBreakpoint(page, 6);
    const debugLens = codeLens(page, 'Debug').first(); // main
    await debugLens.waitFor({ state: 'visible', timeout: 30_000 });
    await debugLens.click();
    await pausedAt(page, 'main', 'debug_me.py', 6);
    await page.locator(DEBUG.variableRow, { hasText: 'session' }).first().waitFor({ timeout: 30_000 });
    console.log(`    screenshot: ${await screenshot(page, 'debug-stopped-in-handler')}`);

    await page.keyboard.press('F10');
    await pausedAt(page, 'main', 'debug_me.py', 7);
    await page.locator(DEBUG.variableRow, { hasText: 'doubled' }).first().waitFor({ timeout: 10_000 });
    console.log(`    screenshot: ${await screenshot(page, 'debug-stepped')}`);

    await page.keyboard.press('F5');
    const view = await openJobsView(page);
    await treeRow(view, /main\(\).*SUCCESS|SUCCESS.*main\(\)/i).first().waitFor({ timeout: 30_000 });
    await page.mouse.move(700, 450);
    console.log(`    screenshot: ${await screenshot(page, 'debug-run-finished')}`);
  });

  it('stops on a breakpoint in a .sql $$ body from the procedure\'s Debug CodeLens', async function () {
    const page = currentPage();
    await openFile(page, 'debug_procs.sql');
    await toggleBreakpoint(page, 12);
    const debugLens = codeLens(page, 'Debug').first(); // above CREATE PROCEDURE tripled
    await debugLens.waitFor({ state: 'visible', timeout: 30_000 });
    await debugLens.click();
    // TRIPLED(N INT) needs its argument and none was used before: Debug asks for it.
    const input = page.locator(SELECTORS.quickInput);
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    await input.fill('5');
    await page.keyboard.press('Enter');
    await pausedAt(page, 'run', 'debug_procs.sql', 12);
    await page.locator(DEBUG.variableRow, { hasText: /n\s*=\s*5/ }).first().waitFor({ timeout: 30_000 });
    await page.locator(DEBUG.variableRow, { hasText: 'label' }).first().waitFor({ timeout: 30_000 });
    console.log(`    screenshot: ${await screenshot(page, 'debug-stopped-in-sql-body')}`);
    await page.keyboard.press('F5');
    const view = await openJobsView(page);
    await treeRow(view, /TRIPLED.*SUCCESS|SUCCESS.*TRIPLED/i).first().waitFor({ timeout: 30_000 });
  });

  it('Stop (Shift+F5) while a child job runs: the run and its job end ABORTED in the Jobs view', async function () {
    const page = currentPage();
    await openFile(page, 'debug_me.py');
    await toggleBreakpoint(page, 13);
    const debugLens = codeLens(page, 'Debug').nth(1); // waits
    await debugLens.waitFor({ state: 'visible', timeout: 30_000 });
    await debugLens.click();
    await pausedAt(page, 'waits', 'debug_me.py', 13);
    const view = await openJobsView(page);
    await treeRow(view, 'select system$wait(60)').locator('.codicon-loading').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Shift+F5');
    await treeRow(view, /waits\(\).*ABORTED|ABORTED.*waits\(\)/i).first().waitFor({ timeout: 30_000 });
    await treeRow(view, /ABORTED.*select system\$wait\(60\)/).first().waitFor({ timeout: 30_000 });
    await page.mouse.move(700, 450);
    console.log(`    screenshot: ${await screenshot(page, 'debug-stopped-job-aborted')}`);
  });
});
