// The extension in real VS Code: code-server (VS Code 1.100 in a browser)
// driven through Debian's Chromium with playwright-core. It packages the
// extension into a .vsix, installs it, opens the fixtures and checks what a
// user sees: the status bar item, the problem in the Problems panel, the
// completion list, F12 on a $ref, the output channel and the restart command.
//
//   ./setup.sh                                  # once
//   ASYNCAPI_LS_BIN=/path/to/asyncapi-ls node --test test.mjs
//
// Screenshots (and the output channel's log) go to ASYNCAPI_LS_SCREENSHOTS;
// without it they are kept in a temporary folder only when a check failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const extensionRoot = join(here, '..');
const testdata = join(extensionRoot, '..', 'testdata');
const codeServer = join(here, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const BIN = process.env.ASYNCAPI_LS_BIN;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WAIT = Number(process.env.ASYNCAPI_LS_WAIT_MS || 20000);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

test('the extension in VS Code (code-server + Chromium)', { timeout: 170000 }, async (t) => {
  assert.ok(BIN && existsSync(BIN), 'set ASYNCAPI_LS_BIN to the asyncapi-ls binary');
  assert.ok(existsSync(codeServer), 'code-server is not set up: run editors/vscode/browser/setup.sh');
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} missing (apt-get install chromium)`);

  const tmp = mkdtempSync(join(tmpdir(), 'asyncapi-browser-'));
  const shots = process.env.ASYNCAPI_LS_SCREENSHOTS || join(tmp, 'screenshots');
  mkdirSync(shots, { recursive: true });
  const ws = join(tmp, 'workspace');
  const data = join(tmp, 'user-data');
  const exts = join(tmp, 'extensions');
  for (const dir of [ws, join(data, 'User'), exts]) mkdirSync(dir, { recursive: true });
  for (const f of ['user-service.yaml', 'user-service.json', 'not-asyncapi.yaml']) {
    cpSync(join(testdata, f), join(ws, f));
  }
  const userSettings = {
    'asyncapi.server.path': BIN,
    // A warning by default; checked below to prove the settings reach the server.
    'asyncapi.rules': { 'asyncapi-servers': 'info' },
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'chat.disableAIFeatures': true,
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.wordBasedSuggestions': 'off',
    // The test types whole files: no auto-closing or auto-indenting.
    'editor.autoClosingBrackets': 'never',
    'editor.autoClosingQuotes': 'never',
    'editor.autoIndent': 'none',
  };
  const settingsFile = join(data, 'User', 'settings.json');
  writeFileSync(settingsFile, JSON.stringify(userSettings, null, 2));
  const port = await freePort();
  const config = join(tmp, 'code-server.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = { ...process.env, XDG_CONFIG_HOME: join(tmp, 'config'), XDG_DATA_HOME: join(tmp, 'data') };
  const common = ['--config', config, '--user-data-dir', data, '--extensions-dir', exts];

  let server;
  let browser;
  let page;
  let failures = 0;
  const check = (name, fn) =>
    t.test(name, async () => {
      try {
        await fn();
      } catch (err) {
        failures++;
        await page?.screenshot({ path: join(shots, `failed-${failures}.png`) }).catch(() => {});
        throw err;
      }
    });
  t.after(() => {
    browser?.close().catch(() => {});
    if (server && server.exitCode === null) {
      try {
        process.kill(-server.pid, 'SIGKILL'); // code-server and everything it started
      } catch {}
    }
    try {
      writeFileSync(join(shots, 'output-channel.log'), extensionLog());
    } catch {}
    for (const dir of [ws, data, exts, join(tmp, 'config'), join(tmp, 'data')]) {
      rmSync(dir, { recursive: true, force: true });
    }
    if (!process.env.ASYNCAPI_LS_SCREENSHOTS) {
      if (failures === 0) rmSync(tmp, { recursive: true, force: true });
      else console.log(`screenshots and output channel log: ${shots}`);
    }
  });

  await check('package and install the .vsix', () => {
    const vsix = join(tmp, 'asyncapi-ls.vsix');
    const vsce = join(extensionRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], {
      cwd: extensionRoot,
      stdio: 'pipe',
    });
    const out = execFileSync(process.execPath, [codeServer, ...common, '--install-extension', vsix], { env, encoding: 'utf8' });
    assert.match(out, /successfully installed/);
  });

  await check('VS Code loads in Chromium', async () => {
    server = spawn(
      process.execPath,
      [codeServer, ...common, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
        '--disable-getting-started-override', '--ignore-last-opened', ws],
      { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`code-server did not start:\n${log}`)), WAIT);
      const onData = (d) => {
        log += d;
        if (log.includes('HTTP server listening')) {
          clearTimeout(timer);
          resolve();
        }
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
      server.on('exit', (code) => reject(new Error(`code-server exited (${code}):\n${log}`)));
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(WAIT);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'user-service.yaml' }).waitFor();
  });

  const openFile = async (name) => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: name }).waitFor();
  };
  const goTo = async (line, col) => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${col}`);
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${col}` }).waitFor();
  };
  const runCommand = async (title) => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
  };
  // Text of the extension's output channel, from its log file.
  const extensionLog = () => {
    const logs = join(data, 'logs');
    if (!existsSync(logs)) return '';
    const files = readdirSync(logs, { recursive: true }).filter((f) => String(f).includes('asyncapi-ls.asyncapi-ls'));
    return files
      .filter((f) => String(f).endsWith('.log'))
      .map((f) => readFileSync(join(logs, String(f)), 'utf8'))
      .join('\n');
  };
  const waitFor = async (pred) => {
    const deadline = Date.now() + WAIT;
    while (Date.now() < deadline) {
      if (pred()) return true;
      await new Promise((r) => setTimeout(r, 250));
    }
    return pred();
  };
  const asyncapiStatus = () => page.locator('.statusbar-item', { hasText: 'AsyncAPI' });

  await check('the AsyncAPI file starts the server: status bar shows the version', async () => {
    await openFile('user-service.yaml');
    await asyncapiStatus().filter({ hasText: 'AsyncAPI 3.0.0' }).waitFor();
    await page.screenshot({ path: join(shots, '1-opened.png') });
  });

  await check('the known error is in the Problems panel', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'adress' });
    await row.first().waitFor();
    const text = await page.locator('.markers-panel').innerText();
    assert.match(text, /asyncapi/, text);
    assert.match(text, /\[Ln 8, Col 5\]/, text);
    await page.screenshot({ path: join(shots, '2-problems.png') });
    await page.keyboard.press('Control+Shift+M'); // back to the editor
    await page.locator('.monaco-editor.focused').waitFor().catch(() => page.locator('.editor-instance .monaco-editor').click());
  });

  await check('asyncapi.* settings reach the server, and changes too', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'asyncapi-servers' });
    await row.locator('.codicon-info').first().waitFor(); // info, not the default warning
    // Change it as a user would: edit settings.json in VS Code and save.
    userSettings['asyncapi.rules'] = { 'asyncapi-servers': 'off' };
    await runCommand('Preferences: Open User Settings (JSON)');
    await page.locator('.tab.active', { hasText: 'settings.json' }).waitFor();
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(JSON.stringify(userSettings, null, 2));
    await page.keyboard.press('Control+S');
    await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+W');
    await page.locator('.tab.active', { hasText: 'user-service.yaml' }).waitFor();
    await row.first().waitFor({ state: 'detached' });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'adress' }).first().waitFor();
    await page.screenshot({ path: join(shots, '2b-settings.png') });
    const panelText = await page.locator('.markers-panel').innerText();
    assert.ok(!panelText.includes('settings.json'), `the settings file was saved broken:\n${panelText}`);
  });

  await check('completion inside info: lists info keys', async () => {
    await goTo(5, 3);
    await page.keyboard.press('Control+Space');
    const rows = page.locator('.suggest-widget.visible .monaco-list-row');
    let labels = [];
    try {
      await rows.first().waitFor();
      labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || e.textContent));
    } finally {
      await page.screenshot({ path: join(shots, '3-completion.png') });
      await page.keyboard.press('Escape');
    }
    for (const want of ['description', 'license', 'contact']) {
      assert.ok(labels.some((l) => l.startsWith(want)), `suggestions lack ${want}: ${JSON.stringify(labels)}`);
    }
  });

  await check('F12 on a $ref jumps to the definition', async () => {
    await goTo(11, 40);
    await page.keyboard.press('F12');
    await page.locator('.statusbar-item', { hasText: /Ln 21, Col \d+/ }).waitFor();
    await page.screenshot({ path: join(shots, '4-definition.png') });
  });

  await check('"AsyncAPI: Open Preview to the Side": a webview that follows typing and reveals the source', async () => {
    await runCommand('AsyncAPI: Open Preview to the Side');
    // VS Code's webview frames, then the extension's frame, then the page.
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').frameLocator('#page');
    await preview.locator('h1', { hasText: 'User service' }).waitFor();
    await preview.locator('#flow svg.flow a.fl-node').first().waitFor();
    await page.screenshot({ path: join(shots, '4b-preview.png') });
    // Type in the editor: the page changes without a save.
    await page.locator('.tab', { hasText: 'user-service.yaml' }).first().click();
    await goTo(3, 22);
    await page.keyboard.press('End');
    await page.keyboard.type(' typed');
    await preview.locator('h1', { hasText: 'User service typed' }).waitFor();
    // A click on "file:line" in the page reveals that line in the editor.
    const src = preview.locator('article.channel .card-head .src').first();
    const label = await src.innerText();
    const line = Number(label.split(':').pop());
    await src.click();
    await page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col \\d+`) }).waitFor();
    await page.screenshot({ path: join(shots, '4c-preview-typed.png') });
    // Put the file back as it was (the checks below read it) and close the preview.
    await page.locator('.tab', { hasText: 'user-service.yaml' }).first().click();
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+S');
    await preview.locator('h1', { hasText: 'User service typed' }).waitFor({ state: 'detached' });
    await page.locator('.tab', { hasText: 'Preview user-service.yaml' }).locator('.codicon-close').click();
    await page.locator('.tab', { hasText: 'Preview user-service.yaml' }).waitFor({ state: 'detached' });
    await page.locator('.tab', { hasText: 'user-service.yaml' }).first().click();
  });

  await check('a YAML file without a root asyncapi key is left alone', async () => {
    await openFile('not-asyncapi.yaml');
    await page.waitForTimeout(1500);
    assert.equal(await asyncapiStatus().count(), 0, 'status bar item hidden for non-AsyncAPI files');
    await openFile('user-service.json');
    await asyncapiStatus().filter({ hasText: 'AsyncAPI 3.0.0' }).waitFor();
  });

  await check('"AsyncAPI: Show output" and "AsyncAPI: Restart server"', async () => {
    await runCommand('AsyncAPI: Show output');
    const output = page.locator('.output-view .view-lines, .panel .view-lines').first();
    await output.filter({ hasText: 'Opened AsyncAPI document' }).waitFor();
    // Monaco renders spaces as no-break spaces.
    let text = (await output.innerText()).replace(/\u00a0/g, ' ');
    // The view shows the channel's last lines; its first ones are in the log.
    assert.match(extensionLog(), /Starting .*asyncapi-ls/, text);
    assert.match(text, /user-service\.yaml/, text);
    assert.ok(!text.includes('not-asyncapi.yaml'), `non-AsyncAPI file reached the server:\n${text}`);
    await runCommand('AsyncAPI: Restart server');
    // The channel's log file is the reliable record of everything it showed.
    const ok = await waitFor(() => {
      const log = extensionLog();
      return log.lastIndexOf('Server running') > log.lastIndexOf('Restart requested') && log.includes('Restart requested');
    });
    // The server's own stderr log keeps its level (not everything an error).
    assert.match(extensionLog(), /\[info\] \[server\] asyncapi-ls starting/);
    assert.ok(ok, `no restart in the output channel:\n${extensionLog()}\nsettings.json:\n${readFileSync(settingsFile, 'utf8')}`);
    await page.screenshot({ path: join(shots, '5-output.png') });
    await asyncapiStatus().filter({ hasText: 'AsyncAPI 3.0.0' }).waitFor();
  });
});
