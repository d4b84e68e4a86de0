// The printer test page from Settings: a real PDF with the dealership header, a ruled table
// and the amount in figures and in capitals.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { byTest, startApp, waitForText } from './harness.mjs';

let app;
let browser;
before(async () => {
  app = await startApp();
  browser = app.browser;
});
after(async () => app?.stop());

test('the demo dealership loads and the test page prints from Settings', async () => {
  await (await byTest(browser, 'setup-demo')).click();
  await waitForText(browser, 'dealership-name-bar', (text) => text.includes('华安马自达'), 30_000);
  await (await byTest(browser, 'nav-settings')).click();
  await app.screenshot('settings');
  await (await byTest(browser, 'print-test-page')).click();
  const path = (await waitForText(browser, 'printed-path', (text) => text.trim().endsWith('.pdf'), 30_000)).trim();
  assert.ok(path.startsWith(app.dataDir), `the PDF is saved in the app's folder: ${path}`);
  assert.ok(existsSync(path), `the PDF exists: ${path}`);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  for (const expected of ['华安马自达4S店（演示）', '打印测试页', '¥1,786.00', '壹仟柒佰捌拾陆元整', '服务热线']) {
    assert.ok(text.includes(expected), `the test page shows ${expected}`);
  }
});
