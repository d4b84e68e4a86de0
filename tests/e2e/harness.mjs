// Starts the real app on a fresh database through tauri-driver and hands back a WebDriver
// session. Each test file gets its own data folder, so tests never see each other's data.
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { remote } from 'webdriverio';

const PORT = 4444;

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
  if (await portOpen(PORT)) throw new Error(`port ${PORT} is taken: is another tauri-driver running?`);
  const dataDir = await mkdtemp(join(tmpdir(), 'servicebay-e2e-'));
  const driver = spawn(process.env.TAURI_DRIVER ?? 'tauri-driver', ['--port', String(PORT)], {
    env: { ...process.env, SERVICEBAY_DATA_DIR: dataDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForPort(PORT, 20_000);
  const browser = await remote({
    hostname: '127.0.0.1',
    port: PORT,
    logLevel: 'warn',
    capabilities: { browserName: 'wry', 'tauri:options': { application } },
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

/** The element with `data-test="name"`, waited for until it is shown. */
export async function byTest(browser, name) {
  const element = await browser.$(`[data-test="${name}"]`);
  await element.waitForDisplayed({ timeout: 15_000 });
  return element;
}
