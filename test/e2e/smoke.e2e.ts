// UI smoke test: the real workbench in Chromium shows the extension's CodeLens, and
// clicking it runs the handler and shows its return value in a notification.
import { CodeServer, FIXTURE_WORKSPACE, Workbench, openWorkbench, startCodeServer } from '../integration/codeServer';
import { codeLens, notification, openFile, screenshot, waitForToast, waitForWorkbench } from './workbench';

describe('workbench UI (code-server + Chromium)', function () {
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;

  before(async function () {
    server = await startCodeServer({ workspace: FIXTURE_WORKSPACE, trusted: true });
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
      if (server) console.log(server.logTail(20));
    }
  });

  it('runs a handler from its CodeLens and shows a notification', async function () {
    const page = workbench!.page;
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
