// Starts the real app on a fresh database through tauri-driver and hands back a WebDriver
// session. Each test file gets its own data folder, so tests never see each other's data.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { remote } from 'webdriverio';

// Set E2E_PORT to run beside another test run; WebKitWebDriver takes the port after it.
const PORT = Number(process.env.E2E_PORT ?? 4444);

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.end(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await portOpen(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on port ${port}`);
}

export async function startApp() {
  const application = process.env.SERVICEBAY_APP;
  if (!application) throw new Error('SERVICEBAY_APP must name the app binary (cargo xtask test sets it)');
  if (await portOpen(PORT)) {
    throw new Error(`port ${PORT} is taken: is another tauri-driver running? (E2E_PORT picks another)`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'servicebay-e2e-'));
  const driver = spawn(process.env.TAURI_DRIVER ?? 'tauri-driver', ['--port', String(PORT), '--native-port', String(PORT + 1)], {
    env: { ...process.env, SERVICEBAY_DATA_DIR: dataDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForPort(PORT, 20_000);
  const browser = await remote({
    hostname: '127.0.0.1',
    port: PORT,
    logLevel: 'warn',
    // WebKitWebDriver speaks classic WebDriver only (no BiDi).
    capabilities: { 'tauri:options': { application }, 'wdio:enforceWebDriverClassic': true },
  });
  const shotsDir = process.env.E2E_SCREENSHOTS ?? join(dataDir, 'screenshots');
  await mkdir(shotsDir, { recursive: true });
  return {
    browser,
    dataDir,
    /** Saves what the window shows, for a person to look at. */
    async screenshot(name) {
      await browser.saveScreenshot(join(shotsDir, `${name}.png`));
    },
    async stop() {
      await browser.deleteSession().catch(() => {});
      driver.kill();
    },
  };
}

/** Starts the app as `startApp` does and loads the demo dealership (华安马自达) from the
 * set-up page; with `actor`, picks that operator at the top, as the desk does before any
 * change is recorded under a name. */
export async function startDemo({ actor } = {}) {
  const app = await startApp();
  const { browser } = app;
  await (await byTest(browser, 'setup-demo')).click();
  await waitForText(browser, 'dealership-name-bar', (text) => text.includes('华安马自达'), 30_000);
  if (actor) await choose(browser, 'actor-select', actor);
  return app;
}

/** The element with `data-test="name"`, waited for until it is shown. */
export async function byTest(browser, name) {
  const element = await browser.$(`[data-test="${name}"]`);
  await element.waitForDisplayed({ timeout: 15_000 });
  return element;
}

/** Waits until the element with `data-test="name"` shows text that `check` accepts; the
 * element is looked up afresh each time, since Vue may replace it while rendering. */
export async function waitForText(browser, name, check, timeout = 15_000) {
  let last = '';
  await browser.waitUntil(
    async () => {
      const element = await browser.$(`[data-test="${name}"]`);
      last = (await element.isExisting()) ? await textOf(element) : '';
      return check(last);
    },
    { timeout, timeoutMsg: `[data-test="${name}"] never showed the expected text; last: "${last}"` },
  );
  return last;
}

/** The text a person sees in `element`. (WebKitWebDriver's own "get element text" answers
 * with an empty string for some elements, so this reads `innerText` instead.) */
export async function textOf(element) {
  return (await element.getProperty('innerText')) ?? '';
}

/** Replaces what the field with `data-test="name"` holds, as a person would: select all,
 * delete, type. (WebDriver's "clear" bypasses the input events Vue listens to.) */
export async function typeInto(browser, name, text) {
  const field = await byTest(browser, name);
  await field.click();
  await browser.keys(['Control', 'a']);
  await browser.keys(['Backspace']);
  await field.addValue(text);
  const input = await inputOf(field);
  // WebKitWebDriver may drop the second of two equal keys sent in one action, more often on
  // a busy machine (13900004444 → 1390404): a field left shorter than what was typed is typed
  // again, a key at a time.
  if (((await input.getProperty('value')) ?? '').length < text.length) {
    await browser.keys(['Control', 'a']);
    await browser.keys(['Backspace']);
    for (const key of text) await field.addValue(key);
  }
  await endComposition(browser, input);
}

/** Chinese text can arrive as an IME composition that WebKitWebDriver never ends: the field
 * shows it while the form (which waits for the composition to end) keeps nothing. This ends
 * it, as the IME does when the typist confirms the characters. */
async function endComposition(browser, input) {
  await browser.execute((el) => {
    el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: el.value }));
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, input);
}

/** The input element itself, or the input inside a wrapper such as el-input. */
async function inputOf(element) {
  const tag = (await element.getTagName()).toLowerCase();
  return tag === 'input' || tag === 'textarea' ? element : element.$('input, textarea');
}

/** Types `query` into the customer search and waits for a hit whose row shows `expected`;
 * returns that row. */
export async function hitFor(browser, query, expected) {
  await typeInto(browser, 'customer-search', query);
  let found;
  await browser.waitUntil(
    async () => {
      for (const row of await browser.$$('[data-test="search-results"] tr.search-hit')) {
        if ((await textOf(row)).includes(expected)) {
          found = row;
          return true;
        }
      }
      return false;
    },
    { timeout: 10_000, timeoutMsg: `searching ${query} never showed ${expected}` },
  );
  return found;
}

/** The message shown under the form field that holds `data-test="name"`, once it shows. */
export async function fieldError(browser, name) {
  const input = await byTest(browser, name);
  const item = await input.$('./ancestor::div[contains(concat(" ", normalize-space(@class), " "), " el-form-item ")][1]');
  const error = await item.$('.el-form-item__error');
  await error.waitForDisplayed({ timeout: 10_000 });
  return textOf(error);
}

/** Waits until the field with `data-test="name"` has the keyboard focus (a dialog focuses
 * its first field once it has opened; a person waits for that before typing). */
export async function waitForFocus(browser, name) {
  await browser.waitUntil(
    () => browser.execute((n) => document.activeElement?.getAttribute('data-test') === n, name),
    { timeout: 10_000, timeoutMsg: `[data-test="${name}"] never got the focus` },
  );
}

/** Waits until no dialog or its overlay is left on screen. */
export async function waitForDialogsClosed(browser) {
  await browser.waitUntil(
    () => browser.execute(() => [...document.querySelectorAll('.el-overlay')].every((o) => getComputedStyle(o).display === 'none')),
    { timeout: 10_000, timeoutMsg: 'a dialog stayed open' },
  );
}

/** Runs the `servicebay` command line on the app's own database (SERVICEBAY_CLI names the
 * binary; `cargo xtask test` sets it) and returns its JSON answer. */
export async function cli(app, args) {
  const binary = process.env.SERVICEBAY_CLI;
  if (!binary) throw new Error('SERVICEBAY_CLI must name the servicebay binary (cargo xtask test sets it)');
  const db = join(app.dataDir, 'servicebay.db');
  return new Promise((resolve, reject) => {
    execFile(binary, ['--db', db, '--json', ...args], (error, stdout, stderr) => {
      if (error) reject(new Error(`servicebay ${args.join(' ')} failed: ${stderr || stdout}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

/** The open select's option showing `text`, once one shows. */
async function shownOption(browser, text, timeout, timeoutMsg) {
  let option;
  await browser.waitUntil(
    async () => {
      for (const item of await browser.$$('.el-select-dropdown__item')) {
        if ((await item.isDisplayed()) && (await textOf(item)).includes(text)) {
          option = item;
          return true;
        }
      }
      return false;
    },
    { timeout, timeoutMsg },
  );
  return option;
}

/** Types `query` into the searching select with `data-test="name"` and picks the option
 * showing `expected`. The query goes to the select's own input (keys sent to the window are
 * lost when the input has not taken the focus yet); with no such option it is typed again. */
export async function searchAndChoose(browser, name, query, expected) {
  const select = await byTest(browser, name);
  for (let attempt = 1; ; attempt += 1) {
    // One click opens the list (a second would close it again); the keys go to the input.
    await select.click();
    const input = await select.$('input');
    await input.addValue(query);
    await endComposition(browser, input);
    let option;
    try {
      option = await shownOption(browser, expected, 8_000, `searching ${query} in ${name} never offered ${expected}`);
    } catch (error) {
      if (attempt === 3) throw error;
      await browser.keys(['Escape']); // closed, and the query with it, before the next try
      continue;
    }
    await option.click();
    return;
  }
}

/** Picks the option showing `text` in the Element Plus select with `data-test="name"`. */
export async function choose(browser, name, text, { kept = true } = {}) {
  for (let attempt = 1; ; attempt += 1) {
    await (await byTest(browser, name)).click();
    const option = await shownOption(browser, text, 10_000, `the select ${name} never offered “${text}”`);
    await option.click();
    if (!kept) return; // a select that acts on the choice and empties itself (add a line)
    // On a busy machine a click while the list still opens can land beside the option: the
    // select must show the choice, or it is made again.
    try {
      await browser.waitUntil(async () => (await textOf(await byTest(browser, name))).includes(text), {
        timeout: 3_000,
        timeoutMsg: `the select ${name} does not show “${text}”`,
      });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
