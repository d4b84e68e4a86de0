// Reception and the work order in the real window: a booking made at the desk arrives and is
// received; the check-in refuses a mileage below the car's last reading (the typing kept), the
// 5W2H interview and the estimate are filled from the catalogues, the 派工单 prints, the customer
// signs; signing or saving the signed order again is refused by the core; a second version is
// made, signed and dispatched to a technician.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { byTest, choose, cli, fieldError, searchAndChoose, startDemo, textOf, typeInto, waitForDialogsClosed, waitForText } from './harness.mjs';

const PLATE = '京A5K321';
const SHOWN_PLATE = '京A·5K321';

let app;
let browser;
/** The booking made for the test, and the work order opened from it. */
let booking;
let order;

before(async () => {
  app = await startDemo({ actor: '赵雅琴' });
  browser = app.browser;
});
after(async () => app?.stop());

/** The dealership's date (Asia/Shanghai) today, as YYYY-MM-DD. */
function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** The dealership's date tomorrow. */
function tomorrow() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 86_400_000));
}

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

/** Answers yes when the app asks first (over capacity, a new version). */
async function acceptIfAsked(timeout = 1_500) {
  const box = await browser.$('.el-message-box');
  if (await box.waitForDisplayed({ timeout }).catch(() => false)) {
    await (await box.$('.el-message-box__btns .el-button--primary')).click();
    await box.waitForDisplayed({ reverse: true, timeout: 5_000 });
  }
}

/** Clicks the element inside `data-test="name"` whose text is `text` (radio buttons, tabs). */
async function clickText(name, text) {
  const root = await byTest(browser, name);
  let found;
  await browser.waitUntil(
    async () => {
      for (const label of await root.$$('label, span, button')) {
        if ((await label.isDisplayed()) && (await textOf(label)).trim() === text) {
          found = label;
          return true;
        }
      }
      return false;
    },
    { timeout: 10_000, timeoutMsg: `[data-test="${name}"] never showed “${text}”` },
  );
  await found.click();
}

async function status() {
  return (await textOf(await byTest(browser, 'wo-status'))).trim();
}

async function waitForStatus(label) {
  await waitForText(browser, 'wo-status', (text) => text.trim() === label);
}

/** The names of the estimate's lines as typed in the form (inputs have no text of their own). */
async function lineNames() {
  return browser.execute(() => [...document.querySelectorAll('[data-test="wo-line-name"]')].map((input) => input.value));
}

async function waitForLine(name) {
  await browser.waitUntil(async () => (await lineNames()).includes(name), {
    timeout: 10_000,
    timeoutMsg: `the estimate never got the line ${name}`,
  });
}

async function openTab(section) {
  await (await byTest(browser, `wo-tab-${section}`)).click();
}

/** Saves with the button and waits until nothing is left unsaved. */
async function save() {
  await (await byTest(browser, 'wo-save')).click();
  await (await browser.$('[data-test="wo-unsaved"]')).waitForDisplayed({ reverse: true, timeout: 10_000 });
}

test('a booking made at the desk arrives and waits at reception', async () => {
  await (await byTest(browser, 'nav-appointments')).click();
  await (await byTest(browser, 'appt-new')).click();
  await byTest(browser, 'booking-dialog');
  await (await byTest(browser, 'booking-new-customer')).click();
  await typeInto(browser, 'booking-new-name', '欧阳建华');
  await typeInto(browser, 'booking-new-mobile', '13900003333');
  await typeInto(browser, 'booking-new-plate', PLATE);
  await choose(browser, 'booking-advisor', '赵雅琴');
  await choose(browser, 'booking-slot', '不定时');
  await typeInto(browser, 'booking-description', '刹车异响，顺便做保养');
  await (await byTest(browser, 'booking-save')).click();
  await acceptIfAsked();
  await waitForDialogsClosed(browser);

  const day = await cli(app, ['appointment', 'list', '--date', today()]);
  booking = day.find((b) => b.plate === SHOWN_PLATE);
  assert.ok(booking, `${SHOWN_PLATE} is booked today`);

  // The car was here before: its odometer read 30,000 km (set up through the command the
  // customer file uses).
  const reading = await invoke('vehicle_add_reading', {
    vehicleId: booking.vehicleId,
    reading: { readOn: today(), km: 30000, source: 'manual', reason: '' },
  });
  assert.ok(reading.ok, `the reading was recorded: ${JSON.stringify(reading.err)}`);

  let row;
  await browser.waitUntil(
    async () => {
      for (const r of await browser.$$('[data-test="appt-bookings"] .el-table__body tr')) {
        if ((await textOf(r)).includes('A·5K321')) {
          row = r;
          return true;
        }
      }
      return false;
    },
    { timeout: 15_000, timeoutMsg: 'the booking never showed in the day view' },
  );
  await (await row.$('[data-test="appt-number"]')).click();
  await (await byTest(browser, 'appt-arrive')).click();
  await waitForText(browser, 'appt-status', (text) => text.includes('已到店'));
  await browser.keys(['Escape']);
  await waitForDialogsClosed(browser);
});

test('reception shows the booking, what it is for, and opens the work order', async () => {
  await (await byTest(browser, 'nav-reception')).click();
  const receive = await byTest(browser, `reception-receive-${booking.number}`);
  await app.screenshot('reception-waiting');
  await receive.click();
  await byTest(browser, 'reception-context');
  // A first visit: no surname greeting yet.
  await byTest(browser, 'reception-first-visit');
  await waitForText(browser, 'reception-purpose', (text) => text.includes('刹车异响'));
  await waitForText(browser, 'reception-last-km', (text) => text.includes('30,000'));
  await app.screenshot('reception-context');
  await (await byTest(browser, 'reception-start')).click();

  await browser.waitUntil(async () => /#\/work-orders\/\d+$/.test(await browser.getUrl()), {
    timeout: 15_000,
    timeoutMsg: 'reception did not open the work order',
  });
  const number = (await textOf(await byTest(browser, 'wo-number'))).trim();
  assert.match(number, /^WO\d{8}-\d{4}$/);
  order = { id: Number((await browser.getUrl()).split('/').pop()), number };
  assert.equal(await status(), '草稿');
  assert.match(await textOf(await byTest(browser, 'wo-booking')), new RegExp(booking.number));
  assert.match(await textOf(await byTest(browser, 'wo-advisor')), /赵雅琴/);
  // The booking's words start the interview.
  await openTab('interview');
  assert.equal(await (await byTest(browser, 'wo-interview-what')).getValue(), '刹车异响，顺便做保养');
  // Once received, the booking leaves the waiting list.
  const waiting = await invoke('reception_waiting', {});
  assert.ok(!waiting.ok.some((b) => b.id === booking.id), 'received bookings wait no more');
});

test('the check-in refuses a mileage below the last reading and keeps what was typed', async () => {
  await openTab('checkIn');
  await waitForText(browser, 'wo-last-km', (text) => text.includes('30,000'));
  await typeInto(browser, 'wo-mileage', '29000');
  await (await byTest(browser, 'wo-save')).click();
  assert.match(await fieldError(browser, 'wo-mileage'), /29000.*低于.*30000/);
  assert.equal(await (await byTest(browser, 'wo-mileage')).getValue(), '29000', 'the typing is kept');
  await app.screenshot('work-order-mileage-refused');

  await typeInto(browser, 'wo-mileage', '35210');
  await (await byTest(browser, 'wo-fuel-5')).click();
  await waitForText(browser, 'wo-fuel-value', (text) => text.includes('5/8'));
  // A dent on the side view: click the drawing, choose the kind, say where.
  await (await byTest(browser, 'wo-outline-side')).click();
  await byTest(browser, 'wo-mark-row-1');
  await clickText('wo-mark-kind-1', '凹陷');
  await typeInto(browser, 'wo-mark-note-1', '左前门下沿');
  await typeInto(browser, 'wo-items-left', '行车记录仪');
  await (await byTest(browser, 'wo-valuables')).click();
  await (await byTest(browser, 'wo-covers')).click();
  await (await byTest(browser, 'wo-waits-leaves')).click();
  // A customer who leaves is reached on their own mobile unless they say otherwise.
  assert.equal(await (await byTest(browser, 'wo-contact-phone')).getValue(), '13900003333');
  await (await byTest(browser, 'wo-wash-yes')).click();
  await (await byTest(browser, 'wo-old-parts-take')).click();
  await save();
  assert.equal(await (await byTest(browser, 'wo-mileage')).getValue(), '35210');
  await app.screenshot('work-order-check-in');
});

test('the 5W2H interview and the estimate from the catalogues; Ctrl+S saves', async () => {
  await openTab('interview');
  await typeInto(browser, 'wo-interview-where', '市区低速');
  await typeInto(browser, 'wo-interview-when', '一周前开始，每次刹车');
  await typeInto(browser, 'wo-interview-why', '刹车片磨损');
  await typeInto(browser, 'wo-interview-howFix', '更换前刹车片，保养');
  await typeInto(browser, 'wo-interview-howMuch', '约 2 小时，¥800 左右');

  await openTab('estimate');
  await choose(browser, 'wo-add-labour', 'BY-01', { kept: false });
  await choose(browser, 'wo-add-part', 'PE01-14-302', { kept: false });
  await waitForLine('更换机油、机油滤清器');
  await waitForLine('机油滤清器');
  // The labour line: standard hours at the customer rate (¥160.00 × 0.5 = ¥80.00).
  const amounts = await browser.$$('[data-test="wo-line-amount"]');
  assert.equal((await textOf(amounts[0])).trim(), '¥80.00');
  assert.equal((await textOf(amounts[1])).trim(), '¥48.00');
  await browser.keys(['Control', 's']);
  await (await browser.$('[data-test="wo-unsaved"]')).waitForDisplayed({ reverse: true, timeout: 10_000 });
  await waitForText(browser, 'wo-customer-pays', (text) => text.includes('¥128.00'));
  assert.match(await textOf(await byTest(browser, 'wo-capitals')), /壹佰贰拾捌元整/);

  await (await byTest(browser, 'wo-use-earliest')).click();
  assert.match(await (await byTest(browser, 'wo-promised-at')).getValue(), /^\d{4}-\d{2}-\d{2} \d{2}:\d0$/);
  await save();
  await app.screenshot('work-order-estimate');
});

test('the work order prints, is submitted and signed; the core refuses signing or saving it again', async () => {
  await (await byTest(browser, 'wo-paper-a4')).click();
  await (await byTest(browser, 'wo-print-order')).click();
  const path = (await waitForText(browser, 'wo-printed-path', (text) => text.trim().endsWith('.pdf'), 30_000)).trim();
  assert.ok(existsSync(path), `${path} exists`);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  assert.ok(text.includes(order.number), 'the paper shows the work order number');
  assert.match(text, /派工单/);

  await (await byTest(browser, 'wo-submit')).click();
  await waitForStatus('待客户签字');
  await waitForText(browser, 'wo-status-note', (t) => t.includes('登记客户签字'));
  await (await byTest(browser, 'wo-sign')).click();
  await byTest(browser, 'wo-sign-dialog');
  assert.equal(await (await byTest(browser, 'wo-sign-name')).getValue(), '欧阳建华', 'the customer signs unless told otherwise');
  await (await byTest(browser, 'wo-sign-save')).click();
  await waitForStatus('待派工');
  await waitForDialogsClosed(browser);

  const again = await invoke('work_order_sign', { signature: { id: order.id, signedBy: '欧阳建华', actorId: null } });
  assert.equal(again.err?.code, 'invalid_transition');
  assert.match(again.err.message['zh-CN'], /已经签过字/);

  const { ok: file } = await invoke('work_order_get', { id: order.id });
  const draft = {
    id: file.order.id,
    revision: file.order.revision,
    diagnosisOnly: false,
    interview: file.order.interview,
    checkIn: file.order.checkIn,
    lines: file.order.lines,
    discountFen: 0,
    promisedAt: file.order.promisedAt ?? '',
    waitingParts: false,
    actorId: null,
  };
  const saved = await invoke('work_order_save', { draft });
  assert.equal(saved.err?.code, 'invalid_transition');
  assert.match(saved.err.message['zh-CN'], /新版本/);

  // Signed: the form is read only and the next steps are dispatch or a new version.
  await openTab('checkIn');
  assert.equal(await (await byTest(browser, 'wo-mileage')).isEnabled(), false);
  assert.ok(!(await (await browser.$('[data-test="wo-save"]')).isExisting()), 'no save once signed');
  await byTest(browser, 'wo-dispatch');
});

test('a new version is changed, signed again and dispatched to a technician', async () => {
  await (await byTest(browser, 'wo-revise')).click();
  await acceptIfAsked(5_000);
  await waitForStatus('草稿');
  await waitForText(browser, 'wo-version', (text) => text.includes('第 2 版'));

  await openTab('estimate');
  await choose(browser, 'wo-add-part', 'KD45-61-J6X', { kept: false });
  await waitForLine('空调滤清器');
  // Front brake pads: none on the shelf, so the line is ordered and needs a date.
  await choose(browser, 'wo-add-part', 'KAY0-33-28Z', { kept: false });
  await waitForLine('前刹车片（套）');
  await save();
  await waitForText(browser, 'wo-customer-pays', (text) => text.includes('¥786.00'));
  await waitForText(browser, 'wo-ordered', (text) => text.includes('前刹车片'));
  await (await byTest(browser, 'wo-submit')).click();
  assert.match(await fieldError(browser, 'wo-lines'), /预计到货日期/);
  await typeInto(browser, 'wo-line-expected', tomorrow());
  await browser.keys(['Enter']);
  await save();
  await app.screenshot('work-order-ordered-part');

  // The customer is told the pads are on order, and a visit is offered for when they arrive.
  await (await byTest(browser, 'wo-notify-parts')).click();
  await byTest(browser, 'wo-notify-dialog');
  await typeInto(browser, 'wo-notify-outcome', '同意先做其他项目，到货后电话通知');
  await (await byTest(browser, 'wo-notify-save')).click();
  await waitForDialogsClosed(browser);
  const customer = await invoke('customer_get', { id: booking.customerId });
  assert.ok(customer.ok.contacts.some((c) => c.subject.includes('缺件告知') && c.outcome.includes('到货后电话通知')));
  await (await byTest(browser, 'wo-book-return')).click();
  await byTest(browser, 'booking-dialog');
  assert.match(await (await byTest(browser, 'booking-description')).getValue(), /前刹车片/);
  await app.screenshot('work-order-book-return');
  await browser.keys(['Escape']);
  await acceptIfAsked();
  await waitForDialogsClosed(browser);

  await (await byTest(browser, 'wo-use-earliest')).click();
  await (await byTest(browser, 'wo-submit')).click();
  await waitForStatus('待客户签字');
  await (await byTest(browser, 'wo-sign')).click();
  await byTest(browser, 'wo-sign-dialog');
  await typeInto(browser, 'wo-sign-name', '欧阳建华（本人）');
  await (await byTest(browser, 'wo-sign-save')).click();
  await waitForStatus('待派工');
  await waitForDialogsClosed(browser);

  await (await byTest(browser, 'wo-dispatch')).click();
  await byTest(browser, 'wo-dispatch-dialog');
  // Nothing chosen: the core says what is missing, under the field.
  await (await byTest(browser, 'wo-dispatch-save')).click();
  assert.match(await fieldError(browser, 'wo-dispatch-team'), /班组/);
  const { ok: settings } = await invoke('appointment_settings', {});
  await choose(browser, 'wo-dispatch-team', settings.teams[0]);
  await choose(browser, 'wo-dispatch-bay', settings.bays[0]);
  await choose(browser, 'wo-dispatch-tech-1', '吴师傅');
  await (await byTest(browser, 'wo-dispatch-save')).click();
  await waitForStatus('已派工');
  await waitForDialogsClosed(browser);
  assert.equal(await status(), '已派工');
  await openTab('estimate');
  await waitForText(browser, 'wo-lines', (text) => text.includes('吴师傅'));

  await openTab('history');
  const versions = await waitForText(browser, 'wo-versions', (text) => text.includes('欧阳建华（本人）'));
  assert.match(versions, /第 1 版/);
  assert.match(versions, /第 2 版/);
  const history = await textOf(await byTest(browser, 'wo-history'));
  for (const step of ['新建', '提交签字', '登记签字', '建立新版本', '派工']) assert.ok(history.includes(step), `history shows ${step}`);
  assert.ok(!/invalid_transition|submit|revise/.test(history), 'no raw codes in the history');
  await (await byTest(browser, 'wo-version-view-1')).click();
  await waitForText(browser, 'wo-version-drawer', (text) => text.includes('欧阳建华') && text.includes('机油滤清器') && !text.includes('空调滤清器'));
  assert.match(await textOf(await byTest(browser, 'wo-version-drawer')), /壹佰贰拾捌元整/);
  await app.screenshot('work-order-version-1');
  await browser.keys(['Escape']);
  await waitForDialogsClosed(browser);
  await app.screenshot('work-order-history');

  const shown = await cli(app, ['work-order', 'show', order.number]);
  assert.equal(shown.order.status, 'dispatched');
  assert.equal(shown.versions.length, 2);
  assert.equal(shown.order.lines.length, 4);
  assert.equal(shown.order.lines.find((l) => l.code === 'KAY0-33-28Z').stock, 'ordered');
  assert.equal(shown.order.lines.find((l) => l.kind === 'labour').technicianName, '吴师傅');
});

test('a walk-in is filed on the spot and received; a car with an order open is sent to it', async () => {
  await (await byTest(browser, 'nav-reception')).click();
  await (await byTest(browser, 'reception-new-customer')).click();
  await byTest(browser, 'customer-dialog');
  await typeInto(browser, 'customer-name', '司徒静');
  await typeInto(browser, 'customer-mobile', '13900004444');
  await typeInto(browser, 'customer-plate', 'B7Q210');
  await (await byTest(browser, 'customer-save')).click();
  // Straight on to the new customer's only car, a first visit, no booking.
  await waitForText(browser, 'reception-plate', (text) => text.includes('京B·7Q210'));
  await waitForDialogsClosed(browser);
  await byTest(browser, 'reception-first-visit');
  assert.ok(!(await (await browser.$('[data-test="reception-purpose"]')).isExisting()), 'a walk-in has no booking to repeat');
  await (await byTest(browser, 'reception-start')).click();
  await browser.waitUntil(async () => /#\/work-orders\/\d+$/.test(await browser.getUrl()), {
    timeout: 15_000,
    timeoutMsg: 'reception did not open the walk-in work order',
  });
  await waitForText(browser, 'wo-booking', (text) => text.includes('非预约'));
  const walkIn = (await textOf(await byTest(browser, 'wo-number'))).trim();

  // The same car again: the desk is sent to the order already open, not a second one.
  await (await byTest(browser, 'nav-reception')).click();
  await searchAndChoose(browser, 'reception-customer', 'B7Q210', '司徒静');
  await waitForText(browser, 'reception-open-order', (text) => text.includes(walkIn));
  // Returning now (an order on file): greeted, not as a first visit (贵宾 while the file has no gender).
  await waitForText(browser, 'reception-greeting', (text) => text.trim() === '贵宾');
  assert.equal(await (await byTest(browser, 'reception-start')).isEnabled(), false);
  await app.screenshot('reception-open-order');
  await (await byTest(browser, 'reception-open-order-link')).click();
  await waitForText(browser, 'wo-number', (text) => text.trim() === walkIn);
});

test('looks: reception and the work order at 1280 × 800 and 1920 × 1080, in Chinese and English', async () => {
  const drafts = await cli(app, ['work-order', 'list', '--status', 'draft']);
  const draft = drafts[0];
  assert.ok(draft, 'the demo has a draft work order');
  const go = (hash) => browser.execute((h) => (window.location.hash = h), hash);
  const screens = [
    ['reception', async () => (await byTest(browser, 'nav-reception')).click(), 'reception-waiting'],
    ['draft-check-in', async () => { await go(`#/work-orders/${draft.id}`); await openTab('checkIn'); }, 'wo-editor'],
    ['draft-estimate', async () => { await go(`#/work-orders/${draft.id}`); await openTab('estimate'); }, 'wo-lines'],
    ['dispatched-interview', async () => { await go(`#/work-orders/${order.id}`); await openTab('interview'); }, 'wo-editor'],
    ['dispatched-history', async () => { await go(`#/work-orders/${order.id}`); await openTab('history'); }, 'wo-versions'],
  ];
  for (const language of ['zh-CN', 'en']) {
    await (await byTest(browser, 'nav-settings')).click();
    await (await byTest(browser, `language-${language}`)).click();
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ]) {
      await browser.setWindowSize(width, height);
      for (const [name, open, ready] of screens) {
        await open();
        await byTest(browser, ready);
        if (name === 'reception') {
          const first = await browser.$('[data-test^="reception-receive-"]');
          if (await first.isExisting()) await first.click();
          await browser.pause(600);
        }
        await browser.pause(400);
        await app.screenshot(`look-${name}-${language}-${width}x${height}`);
      }
    }
  }
  await (await byTest(browser, 'nav-settings')).click();
  await (await byTest(browser, 'language-zh-CN')).click();
});
