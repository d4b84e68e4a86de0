// The first slice through every layer: set up the dealership, open a customer file with a
// vehicle, be refused for a bad mobile and a bad plate without losing what was typed, and
// find the customer again by plate and by the last four digits of the mobile.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { byTest, fieldError, hitFor, startApp, textOf, typeInto, waitForDialogsClosed, waitForFocus, waitForText } from './harness.mjs';

let app;
let browser;
before(async () => {
  app = await startApp();
  browser = app.browser;
});
after(async () => app?.stop());

test('first start offers set-up, and the dealership name is in the title', async () => {
  await byTest(browser, 'first-run');
  await app.screenshot('first-run');
  await (await byTest(browser, 'setup-own')).click();
  await typeInto(browser, 'dealership-name', '东方马自达4S店');
  await typeInto(browser, 'dealership-address', '上海市浦东新区张杨路100号');
  await typeInto(browser, 'dealership-hotline', '021-58889999');
  await (await byTest(browser, 'setup-save')).click();
  await waitForText(browser, 'dealership-name-bar', (text) => text.includes('东方马自达4S店'));
  assert.match(await browser.getTitle(), /东方马自达4S店/);
});

test('a bad mobile and a bad plate are refused at the field and nothing typed is lost', async () => {
  await (await byTest(browser, 'nav-customers')).click();
  await (await byTest(browser, 'customer-new')).click();
  await waitForFocus(browser, 'customer-name');
  await typeInto(browser, 'customer-name', '王建国');
  await typeInto(browser, 'customer-mobile', '1381234800');
  await typeInto(browser, 'customer-plate', '京A12345');
  await (await byTest(browser, 'customer-save')).click();
  assert.match(await fieldError(browser, 'customer-mobile'), /11位/);
  await app.screenshot('customer-form-refused');
  assert.equal(await (await byTest(browser, 'customer-name')).getValue(), '王建国');
  assert.equal(await (await byTest(browser, 'customer-mobile')).getValue(), '1381234800');

  await typeInto(browser, 'customer-mobile', '13812348000');
  await typeInto(browser, 'customer-plate', '京AI2345');
  await (await byTest(browser, 'customer-save')).click();
  assert.match(await fieldError(browser, 'customer-plate'), /I 或 O/);
  assert.equal(await (await byTest(browser, 'customer-name')).getValue(), '王建国');

  await typeInto(browser, 'customer-plate', '京A12345');
  await (await byTest(browser, 'customer-save')).click();
  await waitForDialogsClosed(browser);
});

test('the new customer is found by plate and by the last four digits of the mobile', async () => {
  await hitFor(browser, '京A123', '王建国');
  await hitFor(browser, 'A12345', '王建国');
  const hit = await hitFor(browser, '8000', '王建国');
  const text = await textOf(hit);
  assert.match(text, /京A·12345/);
  assert.match(text, /138\*\*\*\*8000/);
  await app.screenshot('customer-found');
});

test('a mobile already on another file is asked about: no keeps the typing, yes files it', async () => {
  await (await byTest(browser, 'customer-new')).click();
  await waitForFocus(browser, 'customer-name');
  await typeInto(browser, 'customer-name', '王芳');
  await typeInto(browser, 'customer-mobile', '13812348000');
  await typeInto(browser, 'customer-plate', '京B54321');
  await (await byTest(browser, 'customer-save')).click();
  const box = await browser.$('.el-message-box');
  await box.waitForDisplayed({ timeout: 10_000 });
  assert.match(await textOf(box), /王建国/, 'the box names the customer who has the mobile');
  await app.screenshot('customer-duplicate-mobile');
  await (await box.$('.el-message-box__btns .el-button:not(.el-button--primary)')).click();
  await box.waitForDisplayed({ reverse: true, timeout: 5_000 });
  assert.equal(await (await byTest(browser, 'customer-name')).getValue(), '王芳', 'the typing is kept');

  await (await byTest(browser, 'customer-save')).click();
  const again = await browser.$('.el-message-box');
  await again.waitForDisplayed({ timeout: 10_000 });
  await (await again.$('.el-message-box__btns .el-button--primary')).click();
  await waitForDialogsClosed(browser);
  await hitFor(browser, '京B543', '王芳');
});
