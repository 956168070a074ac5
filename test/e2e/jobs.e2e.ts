// The jobs UI end to end, in the real workbench: ▶ Run locally from a CodeLens, the run
// RUNNING in the Snowpark Jobs tree, its inline Cancel → ABORTED with nothing inserted,
// then Await on another run's child job → its result table in the webview.
import * as assert from 'assert';
import {
  clickInlineAction, codeLens, notification, openFile, openJobsView, resultView, runCommand, screenshot, SELECTORS, treeRow, useWorkbench,
} from './workbench';

describe('Snowpark Jobs UI (code-server + Chromium)', function () {
  const currentPage = useWorkbench(30);

  it('cancels a running handler from its inline Cancel button; the table stays empty', async function () {
    const page = currentPage();
    await openFile(page, 'jobs.py');
    const run = codeLens(page, 'Run locally').first(); // slow_insert
    await run.waitFor({ state: 'visible', timeout: 30_000 });
    await run.click();
    const view = await openJobsView(page);
    const insertRow = treeRow(view, 'insert into e2e_target');
    await insertRow.waitFor({ timeout: 60_000 });
    await insertRow.locator('.codicon-loading').waitFor({ timeout: 10_000 });
    const runRow = treeRow(view, 'slow_insert()');
    await screenshot(page, 'jobs-running');
    await clickInlineAction(runRow, 'Cancel Run');
    await treeRow(view, /slow_insert\(\).*ABORTED/).waitFor({ timeout: 20_000 });
    await treeRow(view, /ABORTED.*insert into e2e_target/).waitFor({ timeout: 10_000 });
    await page.mouse.move(700, 450); // away from the row, so its hover state is not in the picture
    console.log(`    screenshot: ${await screenshot(page, 'jobs-cancelled')}`);

    await runCommand(page, 'Snowpark Local: Open Local Database');
    const input = page.locator(SELECTORS.quickInput);
    await input.waitFor({ state: 'visible' });
    await input.fill('select count(*) as n from e2e_target');
    await page.keyboard.press('Enter');
    const frame = resultView(page);
    await frame.locator('#row-count').waitFor({ timeout: 30_000 });
    const cell = (await frame.locator('tbody td:not(.rownum)').first().textContent())?.trim();
    assert.strictEqual(cell, '0', 'the cancelled insert left no row behind');
    console.log(`    screenshot: ${await screenshot(page, 'table-empty-after-cancel')}`);
  });

  it('awaits a running child job from its inline Await button and shows the result table', async function () {
    const page = currentPage();
    await openFile(page, 'jobs.py');
    const run = codeLens(page, 'Run locally').nth(1); // await_child
    await run.waitFor({ state: 'visible', timeout: 30_000 });
    await run.click();
    const view = await openJobsView(page);
    const childRow = treeRow(view, /RUNNING|\d+(\.\d)? s.*select 42 as answer/).filter({ hasText: 'select 42 as answer' });
    await childRow.locator('.codicon-loading').first().waitFor({ timeout: 30_000 });
    await clickInlineAction(childRow.first(), 'Await Job');
    const frame = resultView(page);
    await frame.locator('th', { hasText: 'ANSWER' }).waitFor({ timeout: 30_000 });
    const answer = (await frame.locator('tbody td:not(.rownum)').first().textContent())?.trim();
    assert.strictEqual(answer, '42');
    assert.match((await frame.locator('#row-count').textContent()) ?? '', /^1 row$/);
    await page.mouse.move(700, 450);
    console.log(`    screenshot: ${await screenshot(page, 'await-result-table')}`);
  });

  it('prompts for declared arguments with their types, and remembers them', async function () {
    const page = currentPage();
    await openFile(page, 'jobs.py');
    const lens = codeLens(page, 'Run with arguments…').nth(4); // many_jobs(session, n: int)
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await page.locator('.quick-input-message', { hasText: 'n: int' }).waitFor({ timeout: 15_000 });
    await input.first().fill('3');
    console.log(`    screenshot: ${await screenshot(page, 'run-with-arguments-prompt')}`);
    await page.keyboard.press('Enter');
    await notification(page, 'many_jobs() returned: 3').waitFor({ timeout: 60_000 });
    // Again: the box starts with the last value.
    await lens.click();
    await page.locator('.quick-input-message', { hasText: 'n: int' }).waitFor({ timeout: 15_000 });
    assert.strictEqual(await input.first().inputValue(), '3');
    await page.keyboard.press('Escape');
  });

  it('shows a failing handler\'s traceback with a file:line link and a squiggle on the line', async function () {
    const page = currentPage();
    await openFile(page, 'jobs.py');
    const lens = codeLens(page, 'Run locally').nth(2); // fail_here
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    await notification(page, /fail_here\(\) failed \(jobs\.py:19\)/).waitFor({ timeout: 60_000 });
    await runCommand(page, 'Snowpark Local: Show Output');
    // `at /abs/path/jobs.py:19`, underlined by VS Code's link detection.
    const link = page.locator('.view-line', { hasText: 'jobs.py:19' }).locator('.detected-link').first();
    await link.waitFor({ timeout: 15_000 });
    await page.locator('.squiggly-error').first().waitFor({ timeout: 15_000 });
    await page.mouse.move(700, 450);
    console.log(`    screenshot: ${await screenshot(page, 'failure-output-and-squiggle')}`);
  });
});

/** The one browser global used here (tsconfig has no DOM lib). */
interface BrowserGlobals {
  getComputedStyle(element: unknown): { color: string };
}

describe('SQL worksheet look (code-server + Chromium)', function () {
  const currentPage = useWorkbench();

  it('highlights Python inside $$ … $$ and shows the SQL lenses', async function () {
    const page = currentPage();
    await openFile(page, 'async_child_jobs.sql');
    await codeLens(page, 'Run CALL').first().waitFor({ state: 'visible', timeout: 30_000 });
    // The injection grammar gives `def` inside the body Python's keyword token, not SQL text.
    const def = page.locator('.view-line span', { hasText: /^def$/ }).first();
    await def.waitFor({ timeout: 15_000 });
    const colorOf = (element: unknown): string => (globalThis as unknown as BrowserGlobals).getComputedStyle(element).color;
    const color = await def.evaluate(colorOf);
    const plain = await page.locator('.view-line span', { hasText: 'async_handler' }).first().evaluate(colorOf);
    assert.notStrictEqual(color, plain, '`def` is coloured as a keyword');
    console.log(`    screenshot: ${await screenshot(page, 'sql-python-body')}`);
  });
});
