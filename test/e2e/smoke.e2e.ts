// UI smoke test: the real workbench in Chromium shows the extension's CodeLens, and
// clicking it runs the handler and shows its return value in a notification.
import { codeLens, notification, openFile, screenshot, useWorkbench, waitForToast } from './workbench';

describe('workbench UI (code-server + Chromium)', function () {
  const currentPage = useWorkbench(20);

  it('runs a handler from its CodeLens and shows a notification', async function () {
    const page = currentPage();
    await openFile(page, 'handlers.py');
    const lens = codeLens(page, 'Run locally').first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    // handlers.py's handler() returns session.sql("select 'hello'")…[0][0].
    const message = 'handlers.py: handler() returned: hello';
    await notification(page, message).waitFor({ timeout: 15_000 });
    await waitForToast(page, message);
    const file = await screenshot(page, 'codelens-notification');
    console.log(`    screenshot: ${file}`);
  });
});
