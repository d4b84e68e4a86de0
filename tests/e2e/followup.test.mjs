// Follow-up calls and complaints in the real window, on the demo dealership's orders settled in
// the days before today. A customer not reached is tried again and then reached, scores the
// visit (a call without the overall score refused, the typing kept) and is booked back in for a
// problem with the car; a dissatisfied customer's complaint is filed with the call in one save,
// linked to the work order, and taken through first answer, investigation, written finding and
// the closing call (closing refused until the customer's satisfaction is recorded). The overdue
// filter is the service manager's escalation list; a step taken meanwhile at another desk is
// refused with the core's words. The settings refuse an out-of-range window on its field.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { byTest, choose, cli, fieldError, searchAndChoose, startDemo, textOf, typeInto, waitForDialogsClosed, waitForText } from './harness.mjs';

const CALLER = '韩晓雪';
const MANAGER = '杨经理';

let app;
let browser;
/** Today's calls as the core lists them, and the two this file calls: A (tried, then reached), B (complains). */
let due;
let callA;
let callB;
/** The complaint B's call filed. */
let complaintB;

before(async () => {
  app = await startDemo({ actor: CALLER });
  browser = app.browser;
});
after(async () => app?.stop());

/** The dealership's date (Asia/Shanghai) `days` from today, as YYYY-MM-DD. */
function dealershipDay(days = 0) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));
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

/** The calls recorded on an order, oldest first. */
async function callsOn(orderId) {
  const today = dealershipDay();
  const { ok, err } = await invoke('followup_calls', { from: today, to: today, orderId });
  assert.ok(ok, JSON.stringify(err));
  return ok;
}

async function exists(name) {
  return browser.$(`[data-test="${name}"]`).isExisting();
}

/** Answers yes when the booking form asks first (over capacity). */
async function acceptIfAsked() {
  const box = await browser.$('.el-message-box');
  if (await box.waitForDisplayed({ timeout: 1_500 }).catch(() => false)) {
    await (await box.$('.el-message-box__btns .el-button--primary')).click();
    await box.waitForDisplayed({ reverse: true, timeout: 5_000 });
  }
}

async function openCall(call) {
  await (await byTest(browser, 'nav-follow-up')).click();
  await (await byTest(browser, `fu-call-${call.number}`)).click();
  await waitForText(browser, 'fu-plate', (text) => text.trim() === call.plate);
}

async function score(aspect, value) {
  await (await byTest(browser, `fu-score-${aspect}-${value}`)).click();
}

async function saveCall() {
  await (await byTest(browser, 'fu-save')).click();
}

/** Waits until the order's row is gone from today's list. */
async function leftTheList(call) {
  await browser.waitUntil(async () => !(await exists(`fu-call-${call.number}`)), {
    timeout: 15_000,
    timeoutMsg: `${call.number} stayed on today's list`,
  });
}

/** The text of the PDF whose path shows in `[data-test=name]`, once it is there. */
async function printedText(name) {
  const path = (await waitForText(browser, name, (text) => text.trim().endsWith('.pdf'), 30_000)).trim();
  assert.ok(existsSync(path), `${path} exists`);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

async function openComplaint(number) {
  await (await byTest(browser, 'nav-complaints')).click();
  await (await byTest(browser, `cp-open-${number}`)).click();
  await waitForText(browser, 'cp-number', (text) => text.trim() === number);
}

async function status() {
  return (await textOf(await byTest(browser, 'cp-status'))).trim();
}

async function takeStep() {
  await (await byTest(browser, 'cp-step-save')).click();
}

async function closeDrawer() {
  await browser.keys(['Escape']);
  await waitForDialogsClosed(browser);
}

test("today's list: orders settled in the days before, mandatory first, with how to call and the tries", async () => {
  due = await cli(app, ['followup', 'due', '--date', dealershipDay()]);
  assert.ok(due.length >= 3, `the demo has calls to make today (${due.length})`);
  const fresh = due.filter((c) => c.attempts === 0 && c.phone);
  [callA, callB] = fresh;
  assert.ok(callA && callB, 'two customers not tried yet');
  assert.ok(due.some((c) => c.attempts > 0), 'one was tried before');

  await (await byTest(browser, 'nav-follow-up')).click();
  const list = await waitForText(browser, 'fu-list', (text) => due.every((c) => text.includes(c.plate)));
  assert.match(list, /晚上/);
  assert.ok(!list.includes(callA.phone), 'numbers are masked in the list');
  const first = await browser.$('[data-test^="fu-call-"]');
  assert.equal(await first.getAttribute('data-test'), `fu-call-${due[0].number}`, 'the list keeps the core order');
  if (due.some((c) => c.required)) assert.ok(due[0].required, 'mandatory calls first');
  const tried = due.find((c) => c.attempts > 0);
  await waitForText(browser, `fu-tries-${tried.number}`, (text) => text.includes(`${tried.attempts} 次`));
  await waitForText(browser, 'fu-count', (text) => text.includes(`共 ${due.length} 个`));
  await app.screenshot('followup-list');
});

test('a customer not reached is tried again, then reached: scores, a refusal that keeps the typing, and a booking', async () => {
  await openCall(callA);
  const script = await textOf(await byTest(browser, 'fu-script'));
  for (const part of ['华安马自达', CALLER, callA.customerName, callA.plate]) assert.ok(script.includes(part), `the script names ${part}: ${script}`);
  assert.ok(!/\{\w+\}/.test(script), 'every placeholder is filled');
  assert.equal((await textOf(await byTest(browser, 'fu-phone'))).includes(callA.phone), true, 'the caller sees the number to dial');

  await (await byTest(browser, 'fu-outcome-not_reached')).click();
  await typeInto(browser, 'fu-remarks', '无人接听');
  await saveCall();
  await waitForText(browser, `fu-tries-${callA.number}`, (text) => text.includes('1 次'));
  await waitForText(browser, 'fu-attempts', (text) => text.includes('已拨 1 次'));
  assert.equal((await callsOn(callA.orderId)).at(-1).outcome, 'not_reached');

  await (await byTest(browser, 'fu-outcome-reached')).click();
  await score('advisor', 9);
  await score('quality', 8);
  await score('onTime', 10);
  await score('price', 7);
  await score('facility', 9);
  await typeInto(browser, 'fu-remarks', '顾问讲解很细致');
  await saveCall();
  assert.match(await fieldError(browser, 'fu-score-overall'), /总体满意度/);
  assert.equal(await (await byTest(browser, 'fu-remarks')).getValue(), '顾问讲解很细致', 'the typing is kept');
  await app.screenshot('followup-overall-refused');

  await score('overall', 9);
  // The car has a problem: booked back in through the booking form, the problem as its description.
  await (await byTest(browser, 'fu-book')).click();
  assert.match(await fieldError(browser, 'fu-problem'), /车辆问题/);
  await typeInto(browser, 'fu-problem', '空调出风有异味');
  await (await byTest(browser, 'fu-book')).click();
  await byTest(browser, 'booking-dialog');
  await browser.waitUntil(async () => (await (await byTest(browser, 'booking-description')).getValue()).includes('空调出风有异味'), {
    timeout: 10_000,
    timeoutMsg: 'the booking form never got the problem',
  });
  await typeInto(browser, 'booking-day', dealershipDay(1));
  await browser.keys(['Enter']);
  await choose(browser, 'booking-advisor', '孙浩');
  await choose(browser, 'booking-slot', '10:30');
  await (await byTest(browser, 'booking-save')).click();
  await acceptIfAsked();
  await waitForDialogsClosed(browser);
  const booked = (await waitForText(browser, 'fu-booked', (text) => text.includes('已预约'))).trim();

  await saveCall();
  await leftTheList(callA);
  await byTest(browser, 'fu-pick');
  const calls = await callsOn(callA.orderId);
  assert.equal(calls.length, 2);
  const reached = calls.at(-1);
  assert.equal(reached.outcome, 'reached');
  assert.deepEqual(reached.scores, { advisor: 9, quality: 8, onTime: 10, price: 7, facility: 9, overall: 9 });
  assert.equal(reached.callerName, CALLER);
  assert.equal(reached.vehicleProblem, '空调出风有异味');
  assert.ok(reached.appointmentId, 'the booking is linked to the call');
  const appointments = await cli(app, ['appointment', 'list', '--date', dealershipDay(1)]);
  assert.ok(appointments.some((a) => booked.includes(a.number) && a.plate === callA.plate), `${booked} is tomorrow's booking for ${callA.plate}`);
});

test('a dissatisfied customer: the complaint is filed with the call, linked to the work order', async () => {
  await openCall(callB);
  await (await byTest(browser, 'fu-outcome-reached')).click();
  await score('quality', 3);
  await score('overall', 4);
  await byTest(browser, 'fu-complain-hint');
  await typeInto(browser, 'fu-remarks', '刚保养完发动机就有异响');
  await (await byTest(browser, 'fu-complain')).click();
  await byTest(browser, 'fu-complaint');
  await waitForText(browser, 'fu-complaint-owner', (text) => text.includes(MANAGER));
  await saveCall();
  assert.match(await fieldError(browser, 'fu-complaint-category'), /类别/);
  await (await byTest(browser, 'fu-complaint-category-work_quality')).click();
  await saveCall();
  assert.match(await fieldError(browser, 'fu-complaint-description'), /投诉内容/);
  assert.equal(await (await byTest(browser, 'fu-remarks')).getValue(), '刚保养完发动机就有异响', 'the typing is kept');
  await app.screenshot('followup-complaint-refused');

  await typeInto(browser, 'fu-complaint-description', '保养后发动机舱有异响，要求免费检查');
  await saveCall();
  await leftTheList(callB);

  const [call] = await callsOn(callB.orderId);
  assert.equal(call.outcome, 'reached');
  assert.equal(call.scores.overall, 4);
  assert.ok(call.complaintId, 'the call is linked to its complaint');
  const { ok } = await invoke('complaint_get', { id: call.complaintId });
  complaintB = ok;
  assert.equal(complaintB.source, 'followup');
  assert.equal(complaintB.category, 'work_quality');
  assert.equal(complaintB.workOrderNumber, callB.number);
  assert.equal(complaintB.plate, callB.plate);
  assert.equal(complaintB.ownerName, MANAGER);
  assert.equal(complaintB.status, 'open');
  assert.match(complaintB.number, /^\d{4}-\d{3}$/);
});

test('the complaint is answered, investigated, resolved and closed only with the satisfaction call', async () => {
  await openComplaint(complaintB.number);
  assert.equal(await status(), '待响应');
  await waitForText(browser, 'cp-order', (text) => text.trim() === callB.number);
  assert.match(await textOf(await byTest(browser, 'cp-respond-by')), /还剩/);
  assert.match(await textOf(await byTest(browser, 'cp-description')), /免费检查/);

  await takeStep();
  assert.match(await fieldError(browser, 'cp-step-note'), /首次答复/);
  await typeInto(browser, 'cp-step-note', '已致电客户致歉，约明早到店检查');
  await takeStep();
  await waitForText(browser, 'cp-status', (text) => text.trim() === '已响应');
  await waitForText(browser, 'cp-respond-by', (text) => text.includes('完成'));

  await typeInto(browser, 'cp-step-note', '车间主管试车复查');
  await takeStep();
  await waitForText(browser, 'cp-status', (text) => text.trim() === '调查中');

  await typeInto(browser, 'cp-step-finding', '发动机护板卡扣未装到位，行驶中振动');
  await takeStep();
  assert.match(await fieldError(browser, 'cp-step-resolution'), /处理结果/);
  assert.equal(await (await byTest(browser, 'cp-step-finding')).getValue(), '发动机护板卡扣未装到位，行驶中振动', 'the typing is kept');
  await typeInto(browser, 'cp-step-resolution', '免费重新安装护板，赠送一次洗车');
  await takeStep();
  await waitForText(browser, 'cp-status', (text) => text.trim() === '已解决');

  await typeInto(browser, 'cp-step-note', '客户表示异响已消除');
  await takeStep();
  assert.match(await fieldError(browser, 'cp-step-satisfied'), /回访客户/);
  assert.equal(await (await byTest(browser, 'cp-step-note')).getValue(), '客户表示异响已消除', 'the typing is kept');
  await app.screenshot('complaint-close-refused');
  await (await byTest(browser, 'cp-step-satisfied-yes')).click();
  await takeStep();
  await waitForText(browser, 'cp-status', (text) => text.trim() === '已关闭');
  await waitForText(browser, 'cp-satisfied', (text) => text.includes('满意'));
  const history = await textOf(await byTest(browser, 'cp-history'));
  for (const step of ['登记', '首次答复', '开始调查', '书面结论', '回访结案']) assert.ok(history.includes(step), `the history shows ${step}`);
  assert.ok(!(await exists('cp-step')), 'a closed complaint offers no further step');
  await app.screenshot('complaint-closed');
  await (await byTest(browser, 'cp-print')).click();
  const sheet = (await printedText('cp-printed-path')).replace(/\s+/g, '');
  for (const part of ['客户抱怨处理表', complaintB.number, callB.number, '发动机护板卡扣未装到位']) assert.ok(sheet.includes(part), `the printed form shows ${part}`);
  await closeDrawer();

  const listed = await cli(app, ['complaint', 'list']);
  assert.equal(listed.find((c) => c.number === complaintB.number).status, 'closed');
});

test("仅超时 is the service manager's escalation list", async () => {
  const overdue = await cli(app, ['complaint', 'list', '--overdue']);
  assert.ok(overdue.length >= 1, 'the demo has overdue complaints');
  await (await byTest(browser, 'nav-complaints')).click();
  await waitForText(browser, 'cp-list', (text) => text.includes(complaintB.number));
  for (const c of overdue) await byTest(browser, `cp-overdue-${c.number}`);

  await (await byTest(browser, 'cp-overdue-only')).click();
  await waitForText(browser, 'cp-count', (text) => text.includes(`超时 ${overdue.length} 件`));
  const list = await textOf(await byTest(browser, 'cp-list'));
  for (const c of overdue) assert.ok(list.includes(c.number), `${c.number} is on the escalation list`);
  assert.ok(!list.includes(complaintB.number), 'a closed complaint is not');
  await app.screenshot('complaint-overdue-list');

  await (await byTest(browser, `cp-open-${overdue[0].number}`)).click();
  await waitForText(browser, 'cp-overdue', (text) => /超时未(响应|结论)/.test(text));
  const late = overdue[0].overdue === 'response' ? 'cp-respond-by' : 'cp-finding-by';
  assert.match(await textOf(await byTest(browser, late)), /超时 \d/);
  await app.screenshot('complaint-overdue-drawer');
  await closeDrawer();
  await (await byTest(browser, 'cp-overdue-only')).click();
});

test("a step taken meanwhile at another desk is refused with the core's words", async () => {
  const listed = await cli(app, ['complaint', 'list']);
  const investigating = listed.find((c) => c.status === 'investigating');
  assert.ok(investigating, 'the demo has a complaint under investigation');
  await openComplaint(investigating.number);
  await typeInto(browser, 'cp-step-finding', '配件报价高于指导价');
  await typeInto(browser, 'cp-step-resolution', '按指导价退还差价');

  const { ok: shown } = await invoke('complaint_get', { id: investigating.id });
  const staff = (await invoke('staff_list', {})).ok;
  const { err } = await invoke('complaint_step', {
    step: {
      complaintId: shown.id,
      revision: shown.revision,
      action: 'resolve',
      note: '',
      finding: '另一台电脑上写的结论',
      resolution: '已处理',
      customerSatisfied: null,
      actorId: staff.find((m) => m.name === MANAGER).id,
    },
  });
  assert.equal(err, undefined);

  await takeStep();
  const box = await browser.$('.el-message-box');
  await box.waitForDisplayed({ timeout: 10_000 });
  assert.match(await textOf(box), /投诉已解决，不能进行这一步/);
  await app.screenshot('complaint-conflict');
  await (await box.$('.el-message-box__btns .el-button--primary')).click();
  await waitForText(browser, 'cp-status', (text) => text.trim() === '已解决');
  assert.match(await textOf(await byTest(browser, 'cp-outcome')), /另一台电脑上写的结论/);
  await closeDrawer();
});

test('a complaint taken at the desk: the customer found by name, the work order checked to be theirs', async () => {
  await (await byTest(browser, 'nav-complaints')).click();
  await (await byTest(browser, 'cp-new')).click();
  await byTest(browser, 'cp-file-dialog');
  await (await byTest(browser, 'cp-file-save')).click();
  assert.match(await fieldError(browser, 'cp-file-customer'), /客户/);

  await searchAndChoose(browser, 'cp-file-customer', callA.customerName, callA.customerName);
  await (await byTest(browser, 'cp-file-source-visit')).click();
  await (await byTest(browser, 'cp-file-category-service')).click();
  await typeInto(browser, 'cp-file-description', '交车时车内有烟味，座椅套没取下');
  await typeInto(browser, 'cp-file-order', callB.number);
  await (await byTest(browser, 'cp-file-save')).click();
  assert.match(await fieldError(browser, 'cp-file-order'), /不是所选客户/);
  assert.equal(await (await byTest(browser, 'cp-file-description')).getValue(), '交车时车内有烟味，座椅套没取下', 'the typing is kept');
  await app.screenshot('complaint-file-refused');

  await typeInto(browser, 'cp-file-order', callA.number);
  await (await byTest(browser, 'cp-file-save')).click();
  await waitForText(browser, 'cp-order', (text) => text.trim() === callA.number);
  assert.equal(await status(), '待响应');
  const facts = await textOf(await byTest(browser, 'cp-facts'));
  assert.ok(facts.includes(callA.customerName) && facts.includes(callA.plate), 'the customer and their car');
  assert.match(facts, /来店 · 服务态度/);
  assert.match(await textOf(await byTest(browser, 'cp-owner')), new RegExp(MANAGER));
  await app.screenshot('complaint-filed');
  await closeDrawer();
});

test('本周回访: reach rate and mean scores from the week of calls, with what they led to', async () => {
  await (await byTest(browser, 'nav-follow-up')).click();
  await (await byTest(browser, 'fu-tab-week')).click();
  const table = await waitForText(browser, 'fu-week-calls-table', (text) => text.includes(callA.number) && text.includes(callB.number));
  assert.match(table, /未接通/);
  await byTest(browser, `fu-week-complaint-${callB.number}`);
  assert.match(await textOf(await byTest(browser, 'fu-week-reach')), /^\d+\.\d%$/);
  assert.match(await textOf(await byTest(browser, 'fu-week-avg-overall')), /^\d+\.\d$/);
  await (await byTest(browser, 'fu-week-print')).click();
  const summary = (await printedText('fu-week-printed-path')).replace(/\s+/g, '');
  assert.ok(summary.includes('回访'), 'the summary is printed');
  await app.screenshot('followup-week');
  // Export asks where to save with the system dialog; the command behind it, on a path of our own.
  const xlsx = join(app.dataDir, 'week.xlsx');
  const { err } = await invoke('followup_summary_xlsx', { from: dealershipDay(-6), to: dealershipDay(), path: xlsx });
  assert.equal(err, undefined, JSON.stringify(err));
  assert.ok(existsSync(xlsx), 'the summary is exported');
});

test('the settings refuse a window out of range on its field, keeping the typing', async () => {
  await browser.execute(() => (window.location.hash = '#/settings?tab=followUp'));
  await typeInto(browser, 'fu-setting-windowDays', '20');
  await (await byTest(browser, 'fu-settings-save')).click();
  assert.match(await fieldError(browser, 'fu-setting-windowDays'), /1 到 14 天/);
  assert.equal(await (await byTest(browser, 'fu-setting-windowDays')).getValue(), '20');
  await app.screenshot('followup-settings-refused');
  await typeInto(browser, 'fu-setting-windowDays', '4');
  await typeInto(browser, 'fu-setting-respondHours', '12');
  await (await byTest(browser, 'fu-settings-save')).click();
  await browser.waitUntil(async () => (await invoke('complaint_settings', {})).ok.respondHours === 12, { timeout: 10_000 });
  assert.equal((await invoke('followup_settings', {})).ok.windowDays, 4);
});

test('looks: the call screen, the complaints and the week at 1280 × 800 and 1920 × 1080, in Chinese and English', async () => {
  const go = (hash) => browser.execute((h) => (window.location.hash = h), hash);
  const open = (await cli(app, ['complaint', 'list', '--overdue']))[0];
  const next = (await cli(app, ['followup', 'due', '--date', dealershipDay()]))[0];
  for (const language of ['zh-CN', 'en']) {
    await go('#/settings');
    await (await byTest(browser, `language-${language}`)).click();
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ]) {
      await browser.setWindowSize(width, height);
      const size = `${language}-${width}x${height}`;

      // A call turning into a complaint, refused for its category.
      await go(`#/follow-up?order=${next.orderId}`);
      await waitForText(browser, 'fu-plate', (text) => text.trim() === next.plate);
      await waitForText(browser, 'fu-script', (text) => text.includes(next.customerName));
      await app.screenshot(`look-call-top-${size}`);
      await (await byTest(browser, 'fu-outcome-reached')).click();
      await score('overall', 5);
      await (await byTest(browser, 'fu-complain')).click();
      await saveCall();
      await fieldError(browser, 'fu-complaint-category');
      await browser.pause(300);
      await app.screenshot(`look-call-${size}`);

      await go('#/complaints');
      await waitForText(browser, 'cp-list', (text) => text.includes(open.number));
      await browser.pause(300);
      await app.screenshot(`look-complaints-${size}`);
      await go(`#/complaints?id=${open.id}`);
      await waitForText(browser, 'cp-number', (text) => text.trim() === open.number);
      await browser.pause(400);
      await app.screenshot(`look-complaint-drawer-${size}`);
      await closeDrawer();

      await go('#/follow-up?tab=week');
      await byTest(browser, 'fu-week-calls-table');
      await browser.pause(400);
      await app.screenshot(`look-week-${size}`);

      await go('#/settings?tab=followUp');
      await byTest(browser, 'fu-settings-form');
      await browser.pause(300);
      await app.screenshot(`look-settings-${size}`);
    }
  }
  await go('#/settings');
  await (await byTest(browser, 'language-zh-CN')).click();
});
