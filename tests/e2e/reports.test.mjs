// The manager's dashboard and the day's care list in the real window, on the demo dealership.
// Every figure card shows the value and the division the command line counts for the same
// period (whatever the demo's history holds); the charts draw on their canvases; another
// period shows that period's numbers; a figure opens the rows it counts, which export to
// Excel. Customer service sees its own care items, marks one
// done and finds it on the customer's file; the care settings refuse a bad interval under
// its field.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { byTest, choose, cli, fieldError, startDemo, textOf, typeInto, waitForDialogsClosed, waitForText } from './harness.mjs';

const MANAGER = '杨经理';
const FOLLOW_UP = '韩晓雪';

/** The cards of the dashboard: data-test name, the figure in `report kpis`, and what its numerator is kept in. */
const CARDS = [
  ['booked-share', (k) => k.appointments.bookedShare],
  ['show-rate', (k) => k.appointments.showRate],
  ['orders-per-day', (k) => k.ordersPerDay],
  ['hours-per-order', (k) => k.hoursPerOrder, 100],
  ['promise-kept', (k) => k.promiseKept],
  ['rework-rate', (k) => k.reworkRate],
  ['wash-rate', (k) => k.washRate],
  ['followup-reach', (k) => k.followupReach],
];

let app;
let browser;

before(async () => {
  app = await startDemo({ actor: MANAGER });
  browser = app.browser;
});
after(async () => app?.stop());

const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A figure as its card shows it: the value (a share with one decimal) and its division. */
function expected(figure, scale = 1) {
  const value = 'percent' in figure ? (figure.percent === null ? '—' : `${figure.percent.toFixed(1)}%`) : figure.value === null ? '—' : decimal.format(figure.value);
  return { value, division: `= ${decimal.format(figure.numerator / scale)} ÷ ${decimal.format(figure.denominator)}` };
}

/** Fen as the dashboard shows money: 128800 → "¥1,288.00". */
function money(fen) {
  return `¥${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(fen / 100)}`;
}

/** The period the dashboard shows, once it shows `check`ed one. */
async function shownPeriod(check = () => true) {
  const text = await waitForText(browser, 'reports-shown', (t) => {
    const days = t.match(/\d{4}-\d{2}-\d{2}/g);
    return days?.length === 2 && check({ from: days[0], to: days[1] });
  });
  const [from, to] = text.match(/\d{4}-\d{2}-\d{2}/g);
  return { from, to };
}

function kpisFor({ from, to }) {
  return cli(app, ['report', 'kpis', '--from', from, '--to', to]);
}

/** Every card shows what the command line counts. */
async function expectCards(kpis) {
  for (const [name, figure, scale] of CARDS) {
    const want = expected(figure(kpis), scale);
    await waitForText(browser, `figure-${name}-value`, (t) => t.trim() === want.value);
    await waitForText(browser, `figure-${name}-division`, (t) => t.trim() === want.division);
  }
}

/** How many pixels of the canvases in `[data-test=name]` are drawn on (not transparent). */
function drawnPixels(name) {
  return browser.execute((n) => {
    let drawn = 0;
    for (const canvas of document.querySelectorAll(`[data-test="${n}"] canvas`)) {
      if (canvas.width === 0 || canvas.height === 0) continue;
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) drawn += 1;
    }
    return drawn;
  }, name);
}

let month;
let monthKpis;

test('the dashboard shows this month so far, each figure with its division as the command line counts it', async () => {
  await (await byTest(browser, 'nav-reports')).click();
  month = await shownPeriod();
  assert.equal(month.from.slice(8), '01', 'this month starts on the 1st');
  monthKpis = await kpisFor(month);
  assert.ok(monthKpis.reworkRate.denominator > 0, 'the demo settled work orders this month');
  await expectCards(monthKpis);

  // Each card says how it is counted, in the UI language.
  const card = await textOf(await byTest(browser, 'figure-promise-kept'));
  assert.ok(card.includes(monthKpis.promiseKept.formula['zh-CN']), 'the promise-kept card shows its formula');
  const revenue = monthKpis.revenue;
  await waitForText(browser, 'report-revenue-total', (t) => t.includes(money(revenue.labourFen + revenue.partsFen)));
  await waitForText(browser, 'report-complaints-open', (t) => t.includes(String(monthKpis.complaintsOpen)));
  await waitForText(browser, 'report-complaints-overdue', (t) => t.includes(String(monthKpis.complaintsOverdue)));
  await waitForText(browser, 'report-lost-6', (t) => t.trim() === String(monthKpis.lost6Months));
  const keys = await textOf(await byTest(browser, 'report-key-customers'));
  for (const customer of monthKpis.keyCustomers.slice(0, 3)) assert.ok(keys.includes(customer.name), `${customer.name} is among the key customers`);
  const overall = monthKpis.satisfaction.overall;
  if (overall.denominator > 0) {
    await waitForText(browser, 'report-satisfaction-overall', (t) => t.includes(expected(overall).division));
  }
});

test('the charts draw on their canvases', async () => {
  for (const name of ['report-revenue', 'report-grades', 'figure-promise-kept']) {
    const canvas = await browser.$(`[data-test="${name}"] canvas`);
    await canvas.waitForExist({ timeout: 10_000 });
    const size = await canvas.getSize();
    assert.ok(size.width > 0 && size.height > 0, `${name} has a canvas with a size`);
    await browser.waitUntil(async () => (await drawnPixels(name)) > 200, {
      timeout: 10_000,
      timeoutMsg: `${name} drew nothing on its canvas`,
    });
  }
});

/** Calls a command the way the page does; answers `{ ok }` or `{ err }` (the core's refusal). */
function invoke(command, args) {
  return browser.executeAsync(
    (command, args, done) => {
      window.__TAURI_INTERNALS__.invoke(command, args).then(
        (ok) => done({ ok }),
        (err) => done({ err }),
      );
    },
    command,
    args,
  );
}

/** The number of rows the open drawer says it holds. */
async function drawerRows(check = () => true) {
  const text = await waitForText(browser, 'report-rows-count', (t) => /共 [\d,]+ 行/.test(t) && check(t));
  return Number(text.match(/共 ([\d,]+) 行/)[1].replaceAll(',', ''));
}

async function closeDrawer() {
  await browser.keys(['Escape']);
  await waitForDialogsClosed(browser);
}

test('a figure opens the rows it counts; they export to Excel', async () => {
  await (await byTest(browser, 'figure-rework-rate')).click();
  const reworked = await drawerRows((t) => t.includes(month.from));
  assert.equal(reworked, monthKpis.reworkRate.numerator, 'the reworked orders are the rework rate’s numerator');
  const title = (await textOf(await browser.$('[data-test="report-rows"] .el-drawer__title'))).trim();
  assert.equal(title, '返工工单');
  await byTest(browser, 'report-rows-export');
  await browser.pause(500); // the drawer slides in
  await app.screenshot('reports-rows-reworked');
  await closeDrawer();

  await (await byTest(browser, 'figure-promise-kept')).click();
  const late = await drawerRows((t) => t.includes(month.from));
  assert.equal(late, monthKpis.promiseKept.denominator - monthKpis.promiseKept.numerator, 'the late orders are the promised ones not kept');
  await closeDrawer();

  await (await byTest(browser, 'report-complaints-rows')).click();
  const complaints = await drawerRows((t) => t.includes(month.from));
  assert.equal(complaints, monthKpis.complaintsByCategory.reduce((sum, c) => sum + c.count, 0), 'every complaint counted by category');
  await browser.pause(500);
  await app.screenshot('reports-rows-complaints');
  await closeDrawer();

  // The button asks the OS where to save, which a test cannot answer: the export it makes is
  // called here with a path, as the save dialog would hand it over.
  const path = join(app.dataDir, 'reworked.xlsx');
  const { ok, err } = await invoke('report_export', { figure: 'reworked', from: month.from, to: month.to, path });
  assert.equal(err, undefined, JSON.stringify(err));
  assert.equal(ok, path);
  assert.ok(existsSync(path), 'the workbook was written');
  const sheet = execFileSync('unzip', ['-p', path, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
  assert.equal((sheet.match(/<row /g) ?? []).length, reworked + 1, 'a header row and one row per reworked order');
});

test('another period shows its own numbers', async () => {
  let changed = false;
  for (const pick of ['last30', 'lastMonth', 'week']) {
    await (await byTest(browser, `reports-pick-${pick}`)).click();
    const period = await shownPeriod((p) => p.from !== month.from || p.to !== month.to);
    const kpis = await kpisFor(period);
    await expectCards(kpis);
    changed ||= CARDS.some(([, figure, scale]) => JSON.stringify(expected(figure(kpis), scale)) !== JSON.stringify(expected(figure(monthKpis), scale)));
    await app.screenshot(`reports-${pick}`);
  }
  assert.ok(changed, 'some quick pick counts differently from this month');

  // Back to this month: the first numbers again.
  await (await byTest(browser, 'reports-pick-month')).click();
  await shownPeriod((p) => p.from === month.from && p.to === month.to);
  await expectCards(monthKpis);
});

test('customer service works its care list: an item marked done leaves it and goes on the file', async () => {
  await choose(browser, 'actor-select', FOLLOW_UP);
  await (await byTest(browser, 'nav-care')).click();
  await waitForText(browser, 'care-role', (t) => t.includes('回访员'));
  const total = await waitForText(browser, 'care-total', (t) => /共 [1-9]/.test(t));
  const list = await textOf(await byTest(browser, 'care'));
  assert.ok(!list.includes('保养提醒'), 'maintenance reminders are the advisors’ items');
  await app.screenshot('care-follow-up');

  const button = await byTest(browser, 'care-done');
  const customerId = await button.getAttribute('data-customer-id');
  const occasion = await button.getAttribute('data-occasion');
  await button.click();
  await byTest(browser, 'care-done-dialog');
  await waitForText(browser, 'care-done-staff', (t) => t.includes(FOLLOW_UP));
  await choose(browser, 'care-done-channel', '电话');
  const outcome = `已接通，客户很满意 ${Date.now() % 100000}`;
  await typeInto(browser, 'care-done-outcome', outcome);
  await (await byTest(browser, 'care-done-save')).click();
  await waitForDialogsClosed(browser);
  await browser.waitUntil(
    async () => !(await browser.$(`[data-test="care-done"][data-customer-id="${customerId}"][data-occasion="${occasion}"]`).isExisting()),
    { timeout: 10_000, timeoutMsg: 'the item done stayed on the list' },
  );
  const count = (text) => Number(text.replace(/[^\d]/g, ''));
  await waitForText(browser, 'care-total', (t) => count(t) === count(total) - 1);

  // Still gone after reading the list again.
  await (await byTest(browser, 'care-refresh')).click();
  await waitForText(browser, 'care-total', (t) => count(t) === count(total) - 1);

  await browser.execute((id) => (window.location.hash = `#/customers/${id}`), customerId);
  await (await byTest(browser, 'tab-contacts')).click();
  const contacts = await waitForText(browser, 'contact-list', (t) => t.includes(outcome));
  assert.ok(contacts.includes(FOLLOW_UP), 'logged under who did it');
  assert.match(contacts, /电话/);
});

test('the manager sees everybody’s items and may narrow them to one role', async () => {
  await choose(browser, 'actor-select', MANAGER);
  await (await byTest(browser, 'nav-care')).click();
  const all = await waitForText(browser, 'care-total', (t) => /共 \d/.test(t));
  await (await byTest(browser, 'care-scope-advisor')).click();
  const advisors = await waitForText(browser, 'care-total', (t) => /共 \d/.test(t) && t !== all);
  assert.ok(Number(advisors.replace(/[^\d]/g, '')) < Number(all.replace(/[^\d]/g, '')), 'the advisors have fewer items than everybody');
  await (await byTest(browser, 'care-scope-all')).click();
  await waitForText(browser, 'care-total', (t) => t === all);
});

test('the care settings refuse a key-customer interval out of range under its field, keeping what was typed', async () => {
  await (await byTest(browser, 'nav-settings')).click();
  await (await byTest(browser, 'settings-tab-care')).click();
  await byTest(browser, 'care-settings-form');
  await typeInto(browser, 'care-setting-keyContactDays', '3');
  await (await byTest(browser, 'care-settings-save')).click();
  assert.match(await fieldError(browser, 'care-setting-keyContactDays'), /7 到 365/);
  assert.equal(await (await byTest(browser, 'care-setting-keyContactDays')).getValue(), '3', 'the typing is kept');
  await app.screenshot('care-settings-refused');
  await typeInto(browser, 'care-setting-keyContactDays', '60');
  await (await byTest(browser, 'care-settings-save')).click();
  await browser.waitUntil(
    async () => {
      for (const message of await browser.$$('.el-message')) if ((await textOf(message)).includes('客户关怀设置已保存')) return true;
      return false;
    },
    { timeout: 10_000, timeoutMsg: 'the care settings were not saved' },
  );
});

test('looks: the dashboard and the care list at 1280 × 800 and 1920 × 1080, in Chinese and English', async () => {
  for (const language of ['zh-CN', 'en']) {
    await (await byTest(browser, 'nav-settings')).click();
    await (await byTest(browser, 'settings-tab-general')).click();
    await (await byTest(browser, `language-${language}`)).click();
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ]) {
      await browser.setWindowSize(width, height);
      const size = `${language}-${width}x${height}`;
      await (await byTest(browser, 'nav-reports')).click();
      await byTest(browser, 'figure-promise-kept');
      await browser.pause(1200); // let the charts finish their entry animation
      await app.screenshot(`look-reports-${size}`);
      await browser.execute(() => document.querySelector('[data-test="report-key-customers"]')?.scrollIntoView());
      await browser.pause(300);
      await app.screenshot(`look-reports-lower-${size}`);
      await (await byTest(browser, 'report-revenue-rows')).click();
      await byTest(browser, 'report-rows-table');
      await browser.pause(600);
      await app.screenshot(`look-reports-rows-${size}`);
      await closeDrawer();
      await (await byTest(browser, 'nav-care')).click();
      await byTest(browser, 'care-total');
      await browser.pause(300);
      await app.screenshot(`look-care-${size}`);
      await (await byTest(browser, 'nav-settings')).click();
      await (await byTest(browser, 'settings-tab-care')).click();
      await byTest(browser, 'care-settings-form');
      await browser.pause(300);
      await app.screenshot(`look-care-settings-${size}`);
      await (await byTest(browser, 'settings-tab-general')).click();
    }
  }
  await (await byTest(browser, 'language-zh-CN')).click();
});
