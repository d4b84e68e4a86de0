// Hand-over, the cash desk and the gate in the real window, on the demo dealership's cars of
// today. An advisor who did not receive the car is warned and refused until they confirm; the
// checklist and the follow-up call (a bad number refused on its field, the typing kept); the
// settlement statement prints, the second time as a copy; the cashier splits the payment over
// WeChat and cash (a wrong total refused, naming the amounts); the exit pass prints with a QR
// code that, read off the paper as a scanner would, lets the car out once at the gate. An
// unpaid car gets no pass and is stopped at the gate; a warranty car leaves without paying.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { byTest, choose, cli, fieldError, startDemo, textOf, typeInto, waitForDialogsClosed, waitForFocus, waitForText } from './harness.mjs';

const ADVISORS = ['李明轩', '赵雅琴', '孙浩'];
const CASHIER = '蒋丽';
const GUARD = '沈保国';

let app;
let browser;
/** The demo's cars at the desk: ready (A), handed over unpaid (B), warranty (C), settled (D), gone (E). */
const car = {};
/** The advisor at the desk for the hand-over: not the one who received car A. */
let advisor;
/** The token on car A's printed pass, as read from its QR code. */
let token;

before(async () => {
  app = await startDemo();
  browser = app.browser;
});
after(async () => app?.stop());

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

/** Fen as the cash desk types yuan: 28800 → "288.00". */
function yuan(fen) {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** Fen as the desk shows money: 128800 → "¥1,288.00". */
function money(fen) {
  return `¥${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(fen / 100)}`;
}

/** A plate as typed at the gate, without the middle dot. */
function typed(plate) {
  return plate.replace('·', '');
}

async function actAs(name) {
  await choose(browser, 'actor-select', name);
}

async function openCar(order) {
  await (await byTest(browser, 'nav-settlement')).click();
  await (await byTest(browser, `st-car-${order.number}`)).click();
  await waitForText(browser, 'st-number', (text) => text.trim() === order.number);
}

async function statusText() {
  return (await textOf(await byTest(browser, 'st-status'))).trim();
}

/** The path of the paper printed last, once it differs from `before`. */
async function printedPath(before = '') {
  const path = (await waitForText(browser, 'st-printed-path', (text) => text.trim().endsWith('.pdf') && text.trim() !== before, 30_000)).trim();
  assert.ok(existsSync(path), `${path} exists`);
  return path;
}

function pdfText(path) {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

/** Reads the QR code off the printed pass, as the gate's scanner would off the paper. */
function scanPass(path) {
  const dir = mkdtempSync(join(tmpdir(), 'servicebay-pass-'));
  execFileSync('pdftoppm', ['-png', '-r', '200', path, join(dir, 'pass')]);
  const image = readdirSync(dir).find((name) => name.endsWith('.png'));
  assert.ok(image, 'the pass rendered to an image');
  return execFileSync('zbarimg', ['--raw', '-q', join(dir, image)], { encoding: 'utf8' }).trim();
}

/** Types at the gate as a scanner does: the characters into the focused field, then Enter. */
async function scanAtGate(text) {
  await waitForFocus(browser, 'gate-input');
  // WebKitWebDriver drops the second of two equal keys sent in one action (4660 → 460): a
  // repeated character starts the next batch.
  const runs = [];
  for (const char of text) {
    if (runs.length > 0 && !runs.at(-1).endsWith(char)) runs[runs.length - 1] += char;
    else runs.push(char);
  }
  for (const run of runs) await browser.keys(run);
  const field = await byTest(browser, 'gate-input');
  assert.equal(await field.getValue(), text, 'the scan went into the gate field whole');
  await browser.keys(['Enter']);
}

async function verdict(expected) {
  await waitForText(browser, 'gate-verdict', (text) => text.trim() === expected);
  return textOf(await byTest(browser, 'gate-answer'));
}

test('the desk lists the cars ready to hand over and the settled ones not yet out', async () => {
  const ready = await cli(app, ['work-order', 'list', '--status', 'ready']);
  for (const line of ready) {
    const { ok: s } = await invoke('settlement_get', { orderId: line.id });
    const due = s.order.totals.customerPaysFen;
    const entry = { id: line.id, number: line.number, plate: line.plate, advisor: s.order.advisorName, due };
    if (!s.handOver && due > 0) car.ready ??= entry;
    else if (s.handOver && due > 0) car.unpaid ??= entry;
    else if (s.handOver && due === 0) car.warranty ??= entry;
  }
  const [settled] = await cli(app, ['work-order', 'list', '--status', 'settled']);
  const [exited] = await cli(app, ['work-order', 'list', '--status', 'exited']);
  Object.assign(car, { settled, exited });
  for (const name of ['ready', 'unpaid', 'warranty', 'settled', 'exited']) assert.ok(car[name], `the demo has a ${name} car`);
  assert.equal(car.unpaid.due, 28_800, 'the handed-over car owes ¥288.00');
  advisor = ADVISORS.find((name) => name !== car.ready.advisor);

  await actAs(advisor);
  await (await byTest(browser, 'nav-settlement')).click();
  const list = await waitForText(browser, 'st-list', (text) => text.includes(car.settled.plate));
  for (const name of ['ready', 'unpaid', 'warranty', 'settled']) assert.ok(list.includes(car[name].plate), `${name} is on the desk`);
  assert.ok(!list.includes(car.exited.plate), 'a car gone out of the gate is not');
  assert.match(list, /¥288\.00/);
  assert.match(list, /不收费/);
});

test('another advisor is warned and refused until they confirm; a bad number is refused on its field', async () => {
  await openCar(car.ready);
  assert.equal(await statusText(), '已完工');
  await waitForText(browser, 'st-other-advisor', (text) => text.includes(car.ready.advisor));
  await (await byTest(browser, 'st-work-explained')).click();
  const oldParts = await browser.$('[data-test="st-old-parts"]');
  if (await oldParts.isExisting()) await oldParts.click();
  await (await byTest(browser, 'st-covers')).click();
  // A maintenance job: the customer is asked, and accepts a call.
  await (await byTest(browser, 'st-followup-yes')).click();
  assert.equal(await (await byTest(browser, 'st-followup-phone')).getValue(), (await invoke('settlement_get', { orderId: car.ready.id })).ok.order.mobile);
  await typeInto(browser, 'st-followup-phone', '1380013800');
  await (await byTest(browser, 'st-followup-time-evening')).click();

  await (await byTest(browser, 'st-hand-over-save')).click();
  const refused = await fieldError(browser, 'st-hand-over-advisor');
  assert.match(refused, new RegExp(`${car.ready.advisor}接待`));
  await app.screenshot('settlement-other-advisor-refused');

  await (await byTest(browser, 'st-other-confirm')).click();
  await (await byTest(browser, 'st-hand-over-save')).click();
  assert.match(await fieldError(browser, 'st-followup-phone'), /11 位/);
  assert.equal(await (await byTest(browser, 'st-followup-phone')).getValue(), '1380013800', 'the typing is kept');
  await app.screenshot('settlement-phone-refused');

  await typeInto(browser, 'st-followup-phone', '13800138000');
  await (await byTest(browser, 'st-hand-over-save')).click();
  const done = await waitForText(browser, 'st-hand-over-done', (text) => text.includes(advisor));
  assert.match(done, /晚上/);
  await waitForText(browser, 'st-on-behalf', (text) => text.includes(car.ready.advisor));
  const shown = await cli(app, ['work-order', 'show', car.ready.number]);
  const step = shown.history.find((line) => line.action === 'hand_over');
  assert.ok(step, 'the hand-over is in the history');
  assert.equal(step.actorName, advisor);
  assert.match(step.note, new RegExp(car.ready.advisor), 'the history records who received the car');
});

test('the settlement statement prints; the next print is a copy', async () => {
  await (await byTest(browser, 'st-print-a4')).click();
  const first = await printedPath();
  const text = pdfText(first);
  assert.match(text, /结算清单/);
  assert.ok(text.replace(/[\s·]/g, '').includes(typed(car.ready.plate)), 'the statement shows the plate');
  assert.ok(!text.includes('副本'), 'the first print is the original');
  await waitForText(browser, 'st-statement-prints', (t) => t.includes('1 次'));

  await (await byTest(browser, 'st-print-a4')).click();
  await waitForText(browser, 'st-statement-prints', (t) => t.includes('2 次'));
  assert.match(pdfText(await printedPath()), /副本/);
});

test('the cashier splits the payment over WeChat and cash; a wrong total is refused', async () => {
  await actAs(CASHIER);
  await waitForText(browser, 'st-cashier', (text) => text.includes(CASHIER));
  const due = car.ready.due;
  const cash = 5_000;
  await waitForText(browser, 'st-due', (text) => text.includes(money(due)));
  await choose(browser, 'st-pay-method-1', '微信支付');
  await typeInto(browser, 'st-pay-amount-1', yuan(due - cash));
  await (await byTest(browser, 'st-pay-add')).click();
  // The new row starts with what is left.
  assert.equal(await (await byTest(browser, 'st-pay-amount-2')).getValue(), yuan(cash));
  await choose(browser, 'st-pay-method-2', '现金');
  await typeInto(browser, 'st-pay-amount-2', '40');
  await waitForText(browser, 'st-balance', (text) => text.includes('还差 ¥10.00'));
  await (await byTest(browser, 'st-settle')).click();
  const refused = await fieldError(browser, 'st-payments');
  assert.ok(refused.includes(`实收合计 ${money(due - 1_000)}`) && refused.includes(`客户应付 ${money(due)}`), refused);
  assert.equal(await (await byTest(browser, 'st-pay-amount-2')).getValue(), '40', 'the typing is kept');
  await app.screenshot('settlement-payment-refused');

  await typeInto(browser, 'st-pay-amount-2', '50');
  await waitForText(browser, 'st-balance', (text) => text.includes('金额相符'));
  await typeInto(browser, 'st-invoice', '44031234');
  await app.screenshot('settlement-payment-split');
  await (await byTest(browser, 'st-settle')).click();
  await waitForText(browser, 'st-status', (text) => text.trim() === '已结算');
  const payments = await textOf(await byTest(browser, 'st-payments-done'));
  assert.match(payments, /微信支付/);
  assert.match(payments, /现金[\s\S]*¥50\.00/);
  assert.equal((await textOf(await byTest(browser, 'st-invoice-done'))).trim(), '44031234');
});

test('the exit pass is issued and printed; its QR code holds the token', async () => {
  const statement = (await textOf(await byTest(browser, 'st-printed-path'))).trim();
  await (await byTest(browser, 'st-pass-issue')).click();
  const shownToken = (await waitForText(browser, 'pass-token', (text) => text.trim().startsWith('SB1.'))).trim();
  const path = await printedPath(statement);
  assert.match(pdfText(path), /出\s*门\s*证/);
  token = scanPass(path);
  assert.equal(token, shownToken, 'the QR code on the paper holds the pass token');
  await waitForText(browser, 'pass-plate', (text) => text.includes(car.ready.plate));
  await app.screenshot('settlement-pass-issued');
  // A reprint saves a new file of the same pass: wait for that file, not for a time.
  const reprint = await byTest(browser, 'st-pass-print');
  await reprint.waitForClickable({ timeout: 15_000 });
  await reprint.click();
  const again = await printedPath(path);
  assert.equal(scanPass(again), token, 'the reprint is the same pass');
});

test('at the gate the scanned pass lets the car out once', async () => {
  await actAs(GUARD);
  await (await byTest(browser, 'nav-gate')).click();
  await scanAtGate(token);
  const allowed = await verdict('放行');
  assert.ok(allowed.includes(car.ready.plate), 'the answer shows the plate');
  assert.ok(allowed.includes(car.ready.number), 'and the work order');
  assert.match(allowed, /结算出厂/);
  assert.ok(!/¥|1[3-9]\d{9}/.test(allowed), 'no amounts or phone numbers at the gate');
  await app.screenshot('gate-allowed');

  // The field has the keyboard again: the same pass scanned twice is refused.
  await scanAtGate(token);
  const refused = await verdict('禁止放行');
  assert.match(refused, /已使用/);
  await app.screenshot('gate-refused');

  const shown = await cli(app, ['work-order', 'show', car.ready.number]);
  assert.equal(shown.order.status, 'exited');
  const today = await waitForText(browser, 'gate-today', (text) => text.includes(car.ready.plate));
  assert.match(today, /出门证已使用/);
});

test('the guard registers a car coming in by its plate', async () => {
  await (await byTest(browser, 'gate-entry')).click();
  assert.match(await fieldError(browser, 'gate-input'), /车牌/);
  // The operator picker keeps the keyboard once a name is picked; what is typed next still goes to the gate field.
  await actAs(GUARD);
  assert.ok(await browser.execute(() => document.activeElement?.closest('[data-test="actor-select"]') !== null), 'the picker has the keyboard');
  await browser.keys('京A6N352');
  assert.equal(await (await byTest(browser, 'gate-input')).getValue(), '京A6N352');
  await (await byTest(browser, 'gate-entry')).click();
  await verdict('已登记进场');
  await waitForFocus(browser, 'gate-input');
  const today = await waitForText(browser, 'gate-today', (text) => /进\s+京A·?6N352/.test(text));
  assert.match(today, /登记进场/);
  assert.match(await textOf(await byTest(browser, 'gate-counts')), /进 1/);
});

test('an unpaid car gets no pass, and the gate stops it', async () => {
  await actAs(CASHIER);
  await openCar(car.unpaid);
  await (await byTest(browser, 'st-pass-issue')).click();
  assert.match(await waitForText(browser, 'st-pass-refused', (text) => text.includes('未付款')), /¥288\.00/);
  await app.screenshot('settlement-pass-refused');

  await actAs(GUARD);
  await (await byTest(browser, 'nav-gate')).click();
  await scanAtGate(typed(car.unpaid.plate));
  assert.match(await verdict('禁止放行'), /未付款/);
});

test('a warranty car needs no payment: the pass is issued straight after the hand-over', async () => {
  await actAs(CASHIER);
  await openCar(car.warranty);
  await byTest(browser, 'st-nothing-due');
  assert.match(await textOf(await byTest(browser, 'st-lines')), /不收费/);
  await (await byTest(browser, 'st-pass-issue')).click();
  await waitForText(browser, 'pass-token', (text) => text.trim().startsWith('SB1.'));
  await waitForText(browser, 'st-status', (text) => text.trim() === '已结算');
  await printedPath();
});

test('a rescue pass needs its reason; a wash-only pass goes by plate', async () => {
  await (await byTest(browser, 'st-other-pass')).click();
  await byTest(browser, 'st-other-dialog');
  await (await byTest(browser, 'st-other-kind-rescue')).click();
  await typeInto(browser, 'st-other-plate', 'B7Q210');
  await (await byTest(browser, 'st-other-save')).click();
  assert.match(await fieldError(browser, 'st-other-note'), /救援事由/);
  await (await byTest(browser, 'st-other-kind-wash_only')).click();
  await (await byTest(browser, 'st-other-save')).click();
  // The pass shows in the dialog (the panel behind shows the warranty car's own).
  const dialog = await byTest(browser, 'st-other-dialog');
  const facts = await dialog.$('[data-test="pass-facts"]');
  await facts.waitForDisplayed({ timeout: 15_000 });
  const shown = await textOf(facts);
  assert.match(shown, /单独洗车/);
  assert.match(shown, /京B·?7Q210/);
  await waitForText(browser, 'st-other-printed-path', (text) => text.trim().endsWith('.pdf'), 30_000);
  await (await byTest(browser, 'st-other-close')).click();
  await waitForDialogsClosed(browser);
});

test('looks: the desk and the gate at 1280 × 800 and 1920 × 1080, in Chinese and English', async () => {
  const go = (hash) => browser.execute((h) => (window.location.hash = h), hash);
  for (const language of ['zh-CN', 'en']) {
    await (await byTest(browser, 'nav-settings')).click();
    await (await byTest(browser, `language-${language}`)).click();
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ]) {
      await browser.setWindowSize(width, height);
      const size = `${language}-${width}x${height}`;

      // The unpaid car: a split that does not add up, and the pass refused.
      await actAs(CASHIER);
      await go(`#/settlement?order=${car.unpaid.id}`);
      await waitForText(browser, 'st-number', (text) => text.trim() === car.unpaid.number);
      await typeInto(browser, 'st-pay-amount-1', '200');
      await (await byTest(browser, 'st-pay-add')).click();
      await typeInto(browser, 'st-pay-amount-2', '80');
      await (await byTest(browser, 'st-settle')).click();
      await fieldError(browser, 'st-payments');
      await (await byTest(browser, 'st-pass-issue')).click();
      await byTest(browser, 'st-pass-refused');
      await browser.pause(400);
      await app.screenshot(`look-settlement-refused-${size}`);

      // The warranty car, settled with its pass.
      await go(`#/settlement?order=${car.warranty.id}`);
      await waitForText(browser, 'st-number', (text) => text.trim() === car.warranty.number);
      await byTest(browser, 'pass-token');
      await browser.pause(400);
      await app.screenshot(`look-settlement-pass-${size}`);

      // The gate: a wash-only pass lets its car out; the unpaid car is stopped.
      const { ok: pass } = await invoke('exit_pass_issue_other', {
        input: { kind: 'wash_only', workOrderNumber: '', plate: `京C${width % 1000}${language === 'en' ? 'E' : 'Z'}1`, note: '', issuedBy: (await invoke('staff_list', {})).ok.find((m) => m.name === CASHIER).id },
      });
      await actAs(GUARD);
      await go('#/gate');
      await scanAtGate(pass.token);
      await verdict(language === 'en' ? 'Allowed' : '放行');
      await browser.pause(300);
      await app.screenshot(`look-gate-allowed-${size}`);
      await scanAtGate(typed(car.unpaid.plate));
      await verdict(language === 'en' ? 'Stop' : '禁止放行');
      await browser.pause(300);
      await app.screenshot(`look-gate-refused-${size}`);
    }
  }
  await (await byTest(browser, 'nav-settings')).click();
  await (await byTest(browser, 'language-zh-CN')).click();
});
