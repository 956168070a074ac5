// Headless (or, with a DISPLAY, visible) Debian Chromium driven by playwright-core.
// Opening the workbench is what starts code-server's extension host.
import * as fs from 'fs';
import * as path from 'path';
import { Browser, Page, chromium } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { onInterrupt, sleep } from './processGroups';

const CHROMIUM = process.env.SNOWPARK_LOCAL_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface Workbench {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function openWorkbench(server: CodeServer, headless = true): Promise<Workbench> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless,
    args: CHROMIUM_ARGS,
    // Our own handlers stop code-server too; playwright's would exit before that.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const close = async (): Promise<void> => {
    await Promise.race([browser.close().catch(() => undefined), sleep(5_000)]);
  };
  const unregister = onInterrupt(close);
  try {
    // Clipboard permissions: "Copy Query ID" writes through the browser's clipboard API,
    // which otherwise waits for a permission prompt no one answers.
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const browserLog = path.join(server.tempDir, 'browser-console.log');
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      try {
        fs.appendFileSync(browserLog, `${msg.text()}\n`);
      } catch {
        // The temp dir is already gone: we are shutting down.
      }
    });
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    return { browser, page, close: async () => { unregister(); await close(); } };
  } catch (err) {
    unregister();
    await close();
    throw err;
  }
}
