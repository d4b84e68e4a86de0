// The customer file in the real window: open it from a search hit, edit it (refused without
// losing what was typed, then saved), find it again by the edited company and by pinyin, and
// import a customer list: dry run, all-or-nothing refusal, then only the valid rows; and
// hand a vehicle to another owner.
import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { byTest, fieldError, hitFor, searchAndChoose, startDemo, textOf, typeInto, waitForDialogsClosed, waitForFocus, waitForText } from './harness.mjs';

let app;
let browser;
before(async () => {
  app = await startDemo();
  browser = app.browser;
});
after(async () => app?.stop());

test('a customer file opens from a hit, refuses a bad edit keeping the typing, and saves a good one', async () => {
  await (await byTest(browser, 'customer-new')).click();
  await waitForFocus(browser, 'customer-name');
  await typeInto(browser, 'customer-name', '司马光');
  await typeInto(browser, 'customer-mobile', '13765432100');
  await typeInto(browser, 'customer-plate', '京A5S678');
  await (await byTest(browser, 'customer-save')).click();
  await waitForDialogsClosed(browser);

  // WebKitWebDriver will not click a table row itself, only what is in it.
  await (await (await hitFor(browser, 'smg', '司马光')).$('td')).click();
  await waitForText(browser, 'file-name', (text) => text === '司马光');
  assert.match(await textOf(await byTest(browser, 'file-plates')), /京A·5S678/);

  await typeInto(browser, 'profile-employer', '华东电力设计院');
  await typeInto(browser, 'profile-mobile', '1376543210');
  await (await byTest(browser, 'profile-save')).click();
  assert.match(await fieldError(browser, 'profile-mobile'), /11位/);
  assert.equal(await (await byTest(browser, 'profile-employer')).getValue(), '华东电力设计院', 'the typing is kept');
  await app.screenshot('customer-file-refused');

  await typeInto(browser, 'profile-mobile', '13765432101');
  await (await byTest(browser, 'profile-save')).click();
  await waitForText(browser, 'file-mobile', (text) => text.includes('2101'));
  await app.screenshot('customer-file');

  await (await byTest(browser, 'file-back')).click();
  const hit = await hitFor(browser, '华东电力', '司马光');
  assert.match(await textOf(hit), /137\*\*\*\*2101/, 'found by the company with the new mobile');
});

test('a customer list imports all or nothing, or only its valid rows when asked', async () => {
  // The import writes its report of rejected rows beside the file: keep that out of the clone.
  const file = join(app.dataDir, '客户名单.csv');
  await copyFile(fileURLToPath(new URL('./fixtures/customers.csv', import.meta.url)), file);

  await (await byTest(browser, 'import-open')).click();
  await typeInto(browser, 'import-path', file);
  await (await byTest(browser, 'import-load')).click();
  await waitForText(browser, 'import-rows', (text) => text.includes('3'));

  await (await byTest(browser, 'import-dry-run')).click();
  await waitForText(browser, 'import-rejected-count', (text) => text.trim() === '1');
  assert.equal((await textOf(await byTest(browser, 'import-accepted'))).trim(), '2');
  const rejected = await textOf(await byTest(browser, 'import-rejected-table'));
  assert.match(rejected, /3/, 'the bad row is named by its number in the file');
  assert.match(rejected, /手机/, 'and by its field');
  await app.screenshot('import-dry-run');

  await (await byTest(browser, 'import-run')).click();
  await waitForText(browser, 'import-result-message', (text) => text.includes('未导入'));

  await (await byTest(browser, 'import-skip-invalid')).click();
  await (await byTest(browser, 'import-run')).click();
  await waitForText(browser, 'import-result-message', (text) => !text.includes('未导入任何'));
  assert.equal((await textOf(await byTest(browser, 'import-accepted'))).trim(), '2');
  await app.screenshot('import-done');
  await (await byTest(browser, 'import-close')).click();
  await waitForDialogsClosed(browser);

  const imported = await hitFor(browser, 'oynn', '欧阳娜娜');
  assert.match(await textOf(imported), /沪A·F1234/);
  await hitFor(browser, '88X88', '上官云');
  await typeInto(browser, 'customer-search', '诸葛明');
  await byTest(browser, 'no-hits');
});

test('a vehicle changes owner (过户) and its plate then finds the new owner', async () => {
  await (await (await hitFor(browser, '上官云', '上官云')).$('td')).click();
  await (await byTest(browser, 'tab-vehicles')).click();
  await (await byTest(browser, 'vehicle-row')).click();
  await (await byTest(browser, 'tab-owners')).click();
  await searchAndChoose(browser, 'owner-transfer-select', '欧阳', '欧阳娜娜');
  await (await byTest(browser, 'owner-transfer-save')).click();
  const confirm = await browser.$('.el-message-box__btns .el-button--primary');
  await confirm.waitForDisplayed({ timeout: 10_000 });
  await confirm.click();
  await waitForText(browser, 'owner-list', (text) => text.includes('欧阳娜娜') && text.includes('上官云'));
  await app.screenshot('owner-transferred');
  await browser.keys(['Escape']);
  await waitForDialogsClosed(browser);
  await (await byTest(browser, 'file-back')).click();
  await hitFor(browser, '88X88', '欧阳娜娜');
});
