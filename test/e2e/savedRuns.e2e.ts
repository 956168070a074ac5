// Saved runs as tests in the real workbench: the Test Explorer lists the fixture's runs.json
// tests, ▶ Run Tests from its toolbar runs them, one passes and one fails, and the failure's
// peek shows the expected/actual diff in the editor of the handler.
import * as assert from 'assert';
import { openFile, runCommand, screenshot, useWorkbench } from './workbench';

describe('Saved runs in the Test Explorer (code-server + Chromium)', function () {
  const currentPage = useWorkbench(40);

  it('runs the saved-run tests from the Test Explorer: one passes, one fails with its diff', async function () {
    const page = currentPage();
    await openFile(page, 'saved_runs.py');
    // The Testing container appears in the activity bar once a test controller exists.
    const testing = page.locator('.activitybar .action-item a[aria-label^="Testing"]');
    await testing.waitFor({ timeout: 30_000 });
    await testing.click();
    const explorer = page.locator('.test-explorer');
    const row = (name: string) => explorer.locator('.monaco-list-row', { hasText: name });
    // The controller is created once runs.json is found; its items start collapsed under the file.
    await row('saved_runs.py').first().waitFor({ timeout: 30_000 });
    await page.locator('.part.sidebar .action-label[aria-label="Run Tests"]').first().click();
    await row('saved_runs.py').locator('.codicon-testing-failed-icon').waitFor({ timeout: 90_000 });
    await explorer.locator('text=/^2\\/3$/').waitFor({ timeout: 10_000 }); // two of three passed
    // Open file → handlers → runs with the keyboard, as a person would.
    const expand = async (name: string): Promise<void> => {
      await row(name).first().click();
      await page.keyboard.press('ArrowRight');
    };
    await expand('saved_runs.py');
    await expand('month_total');
    await expand('orders_in');
    await row('small month').locator('.codicon-testing-passed-icon').waitFor({ timeout: 15_000 });
    await row('january orders').locator('.codicon-testing-failed-icon').waitFor({ timeout: 15_000 });
    // The failure in the Test Results view: its message, then the expected/actual diff. The
    // workbench opens that view by itself only when the run finishes while the Testing view has
    // focus, which the clicks above can race; open it as a person would, from the palette, and
    // read the panel's tree rather than a peek the editor may also show.
    await runCommand(page, 'Test: Show Output');
    const results = page.locator('.part.panel .test-output-peek-tree');
    await results.locator('.monaco-list-row', { hasText: 'january orders' }).first().click();
    await page.keyboard.press('ArrowRight');
    await results.locator('.monaco-list-row', { hasText: 'the result differs' }).first().click();
    const diff = page.locator('.monaco-diff-editor').first();
    await diff.waitFor({ timeout: 15_000 });
    await diff.locator('.view-line', { hasText: '"AMOUNT": "20.00"' }).first().waitFor({ timeout: 15_000 });
    await diff.locator('.view-line', { hasText: '"AMOUNT": 25' }).first().waitFor({ timeout: 15_000 });
    assert.ok(await diff.locator('.char-delete, .line-delete').count() > 0, 'the diff marks what differs');
    await page.mouse.move(700, 200);
    console.log(`    screenshot: ${await screenshot(page, 'saved-runs-test-explorer')}`);
  });
});
