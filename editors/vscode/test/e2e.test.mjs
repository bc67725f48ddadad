// End-to-end test: drives the real asyncapi-ls binary over stdio with the
// protocol library VS Code's client is built on (vscode-jsonrpc and
// vscode-languageserver-protocol), the way the extension does: spawn with
// --stdio, initialize, answer workspace/configuration with the asyncapi.*
// settings, open documents, then ask for diagnostics, completion, hover and
// definition.
//
// The binary comes from ASYNCAPI_LS_BIN (editors/test.sh sets it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  CompletionRequest,
  ConfigurationRequest,
  DefinitionRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  TextDocumentSyncKind,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol';

const BIN = process.env.ASYNCAPI_LS_BIN;
const TESTDATA = fileURLToPath(new URL('../../testdata/', import.meta.url));
const WAIT_MS = Number(process.env.ASYNCAPI_LS_WAIT_MS || 15000);

// What VS Code answers for the "asyncapi" section (asyncapi.* settings). The
// rule level is checked below: it proves the settings reach the server.
const SETTINGS = {
  asyncapi: {
    rules: { 'asyncapi-servers': 'hint' },
    references: { remote: false, codeLens: false },
    trace: { server: 'off' },
  },
};

function fixture(name) {
  const file = TESTDATA + name;
  const text = readFileSync(file, 'utf8');
  return { file, uri: pathToFileURL(file).href, text, lines: text.split('\n') };
}

function lineOf(lines, predicate, what) {
  const i = lines.findIndex(predicate);
  assert.ok(i >= 0, `fixture has no line with ${what}`);
  return i;
}

// Location | Location[] | LocationLink[] -> [{uri, line}]
function targets(result) {
  if (!result) return [];
  const list = Array.isArray(result) ? result : [result];
  return list.map((l) => ({
    uri: l.uri ?? l.targetUri,
    line: (l.range ?? l.targetSelectionRange ?? l.targetRange).start.line,
  }));
}

function labels(result) {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((i) => i.label);
}

function hoverText(hover) {
  if (!hover) return '';
  const c = hover.contents;
  const one = (x) => (typeof x === 'string' ? x : (x?.value ?? ''));
  return Array.isArray(c) ? c.map(one).join('\n') : one(c);
}

test('asyncapi-ls over stdio with the VS Code protocol library', { timeout: 90000 }, async (t) => {
  assert.ok(BIN, 'set ASYNCAPI_LS_BIN to the asyncapi-ls binary (editors/test.sh does)');
  assert.ok(existsSync(BIN), `${BIN} does not exist`);

  const proc = spawn(BIN, ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));

  const configRequests = [];
  conn.onRequest(ConfigurationRequest.type, (params) => {
    configRequests.push(params);
    return params.items.map((item) => {
      if (!item.section) return SETTINGS;
      let v = SETTINGS;
      for (const part of item.section.split('.')) v = v?.[part];
      return v ?? null;
    });
  });
  conn.onRequest(RegistrationRequest.type, () => null);
  conn.onRequest(WorkDoneProgressCreateRequest.type, () => null);
  conn.onNotification('window/logMessage', () => {});
  conn.onNotification('$/progress', () => {});

  const published = new Map(); // uri -> [diagnostics, ...] in arrival order
  const waiters = [];
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    if (!published.has(p.uri)) published.set(p.uri, []);
    published.get(p.uri).push(p.diagnostics);
    for (const w of [...waiters]) w();
  });
  // Resolves with the first published list for uri (after `after` earlier ones) that satisfies pred.
  const waitDiagnostics = (uri, pred, after = 0, ms = WAIT_MS) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const list = (published.get(uri) ?? []).slice(after);
        const hit = list.find(pred);
        if (hit) {
          waiters.splice(waiters.indexOf(check), 1);
          clearTimeout(timer);
          resolve(hit);
        }
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(check), 1);
        reject(
          new Error(
            `no matching diagnostics for ${uri} within ${ms} ms; got ${JSON.stringify(published.get(uri) ?? [])}`,
          ),
        );
      }, ms);
      waiters.push(check);
      check();
    });
  conn.listen();

  t.after(() => {
    if (proc.exitCode === null) proc.kill('SIGKILL');
  });
  const failWithStderr = (err) => {
    if (stderr) err.message += `\n--- server stderr ---\n${stderr.slice(-4000)}`;
    throw err;
  };
  // Fails instead of hanging when the server dies while a request is pending.
  let exitedEarly = true;
  const died = exited.then((e) => {
    if (exitedEarly) throw new Error(`server exited unexpectedly (${JSON.stringify(e)})`);
    return new Promise(() => {});
  });
  died.catch(() => {});
  const request = (type, params) => Promise.race([conn.sendRequest(type, params), died]).catch(failWithStderr);

  const yaml = fixture('user-service.yaml');
  const json = fixture('user-service.json');
  const adressLine = lineOf(yaml.lines, (l) => /^\s+adress:/.test(l), 'adress:');
  const refLine = lineOf(yaml.lines, (l) => l.includes("$ref: '#/components/messages/UserSignedUp'"), 'the message $ref');
  const defLine = lineOf(yaml.lines, (l) => l === '    UserSignedUp:', 'components.messages.UserSignedUp');
  const blankInInfo = 4;
  assert.equal(yaml.lines[blankInInfo], '  ', 'fixture line 5 must be two spaces inside info:');

  let init;
  await t.test('initialize', async () => {
    init = await request(InitializeRequest.type, {
        processId: process.pid,
        clientInfo: { name: 'asyncapi-ls editors e2e (vscode-languageserver-protocol)' },
        rootUri: pathToFileURL(TESTDATA).href,
        workspaceFolders: [{ uri: pathToFileURL(TESTDATA).href, name: 'testdata' }],
        initializationOptions: SETTINGS,
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
          textDocument: {
            synchronization: { dynamicRegistration: false, didSave: true },
            publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
            completion: {
              completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] },
              contextSupport: true,
            },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            definition: { linkSupport: true },
          },
          window: { workDoneProgress: true },
        },
      });
    await conn.sendNotification(InitializedNotification.type, {});
    await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: SETTINGS });
    const caps = init.capabilities;
    assert.equal(init.serverInfo?.name, 'asyncapi-ls');
    assert.ok(caps.textDocumentSync !== undefined, 'server announces text document sync');
    assert.ok(caps.completionProvider, 'server announces completion');
    assert.ok(caps.hoverProvider, 'server announces hover');
    assert.ok(caps.definitionProvider, 'server announces definition');
  });

  await t.test('diagnostics for the known error', async () => {
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: yaml.uri, languageId: 'yaml', version: 1, text: yaml.text },
    });
    const diags = await Promise.race([waitDiagnostics(yaml.uri, (d) => d.length > 0), died]).catch(failWithStderr);
    const onAdress = diags.filter((d) => d.range.start.line === adressLine);
    assert.ok(onAdress.length > 0, `a diagnostic on line ${adressLine} (adress); got ${JSON.stringify(diags)}`);
    if (process.env.ASYNCAPI_LS_E2E_VERBOSE) console.log('diagnostics:', JSON.stringify(diags));
    for (const d of onAdress) {
      assert.equal(d.source, 'asyncapi');
      assert.ok(d.code !== undefined && d.code !== null && d.code !== '', `diagnostic has a code: ${JSON.stringify(d)}`);
      assert.ok(d.message.length > 0);
    }
    const errorsElsewhere = diags.filter(
      (d) => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error && d.range.start.line !== adressLine,
    );
    assert.deepEqual(errorsElsewhere, [], 'the fixture has no other error');
  });

  await t.test('settings reach the server (pulled, then pushed)', async () => {
    // Pulled with workspace/configuration / sent as initializationOptions.
    const pulled = await Promise.race([
      waitDiagnostics(yaml.uri, (list) => list.some((d) => d.code === 'asyncapi-servers' && d.severity === DiagnosticSeverity.Hint)),
      died,
    ]).catch(failWithStderr);
    assert.ok(pulled);
    assert.ok(configRequests.some((r) => r.items.some((i) => i.section === 'asyncapi')), 'the server asked for the asyncapi section');
    // Pushed with didChangeConfiguration, as the extension does on a change.
    const before = (published.get(yaml.uri) ?? []).length;
    SETTINGS.asyncapi.rules['asyncapi-servers'] = 'error';
    await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: SETTINGS });
    await Promise.race([
      waitDiagnostics(yaml.uri, (list) => list.some((d) => d.code === 'asyncapi-servers' && d.severity === DiagnosticSeverity.Error), before),
      died,
    ]).catch(failWithStderr);
    SETTINGS.asyncapi.rules['asyncapi-servers'] = 'hint';
    await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: SETTINGS });
    await Promise.race([
      waitDiagnostics(yaml.uri, (list) => list.some((d) => d.code === 'asyncapi-servers' && d.severity === DiagnosticSeverity.Hint), before + 1),
      died,
    ]).catch(failWithStderr);
  });

  await t.test('completion offers info keys inside info:', async () => {
    const result = await request(CompletionRequest.type, {
      textDocument: { uri: yaml.uri },
      position: { line: blankInInfo, character: 2 },
      context: { triggerKind: 1 },
    });
    const got = labels(result);
    for (const key of ['description', 'license', 'contact']) {
      assert.ok(got.includes(key), `completion includes ${key}; got ${JSON.stringify(got)}`);
    }
    for (const key of ['channels', 'operations', 'asyncapi', 'address']) {
      assert.ok(!got.includes(key), `completion inside info: must not offer ${key}; got ${JSON.stringify(got)}`);
    }
  });

  const refChar = yaml.lines[refLine].indexOf('UserSignedUp');
  await t.test('hover on a local $ref', async () => {
    const hover = await request(HoverRequest.type, {
      textDocument: { uri: yaml.uri },
      position: { line: refLine, character: refChar + 2 },
    });
    assert.ok(hover, 'hover returns something');
    assert.ok(hoverText(hover).trim().length > 0, `hover has text: ${JSON.stringify(hover)}`);
  });

  await t.test('definition of a local $ref jumps to the key', async () => {
    const result = await request(DefinitionRequest.type, {
      textDocument: { uri: yaml.uri },
      position: { line: refLine, character: refChar + 2 },
    });
    const got = targets(result);
    assert.equal(got.length, 1, `one target; got ${JSON.stringify(result)}`);
    assert.equal(got[0].uri, yaml.uri);
    assert.equal(got[0].line, defLine, `jumps to line ${defLine} (UserSignedUp:)`);
  });

  await t.test('a valid JSON document: no errors, definition works', async () => {
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: json.uri, languageId: 'json', version: 1, text: json.text },
    });
    const diags = await Promise.race([waitDiagnostics(json.uri, () => true), died]).catch(failWithStderr);
    assert.deepEqual(
      diags.filter((d) => (d.severity ?? 1) === DiagnosticSeverity.Error),
      [],
      'valid document has no errors',
    );
    const jRef = lineOf(json.lines, (l) => l.includes('"$ref": "#/components/messages/UserSignedUp"'), 'the JSON $ref');
    const jDef = json.lines.lastIndexOf('      "UserSignedUp": {');
    assert.ok(jDef > jRef);
    const result = await request(DefinitionRequest.type, {
      textDocument: { uri: json.uri },
      position: { line: jRef, character: json.lines[jRef].indexOf('UserSignedUp') + 2 },
    });
    const got = targets(result);
    assert.equal(got.length, 1, `one target; got ${JSON.stringify(result)}`);
    assert.equal(got[0].uri, json.uri);
    assert.equal(got[0].line, jDef);
  });

  await t.test('asyncapi.preview: the page the webview frames follows the buffer', async () => {
    // What "AsyncAPI: Open Preview to the Side" sends (src/previewPanel.ts).
    assert.deepEqual(init.capabilities.executeCommandProvider?.commands, ['asyncapi.preview']);
    const answer = await request(ExecuteCommandRequest.type, { command: 'asyncapi.preview', arguments: [json.uri, { open: false }] });
    assert.match(answer?.url ?? '', /^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{20,}\/d\/\d+\/$/, JSON.stringify(answer));
    const { previewHtml } = createRequire(import.meta.url)('../dist/lib/previewHtml.js');
    assert.ok(previewHtml(answer.url, 'N', 't').includes(`src="${answer.url}"`), 'the webview frames the URL');
    const page = async () => {
      const res = await fetch(answer.url + 'page');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'nonce-/);
      return res.text();
    };
    assert.match(await page(), /<h1>User service/);
    const forbidden = await fetch(answer.url.replace(/\/[A-Za-z0-9_-]{20,}\//, '/'));
    assert.equal(forbidden.status, 403, 'a URL without the token is refused');
    // An unsaved edit: the page changes without a save.
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: json.uri, version: 2 },
      contentChanges: [{ text: json.text.replace('"User service (JSON)"', '"User service, edited"') }],
    });
    const deadline = Date.now() + WAIT_MS;
    let text = '';
    while (Date.now() < deadline && !(text = await page()).includes('User service, edited')) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(text, /User service, edited/, 'the page follows the edit');
  });

  await t.test('a YAML file without a root asyncapi key gets no diagnostics', async () => {
    // Helix and JetBrains send every YAML/JSON file to the server.
    const other = fixture('not-asyncapi.yaml');
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: other.uri, languageId: 'yaml', version: 1, text: other.text },
    });
    // Give the server time to publish (an empty list, or nothing at all).
    await Promise.race([waitDiagnostics(other.uri, () => true, 0, 3000), died]).catch(() => {});
    const lists = published.get(other.uri) ?? [];
    assert.deepEqual(lists.flat(), [], `diagnostics for a non-AsyncAPI file: ${JSON.stringify(lists)}`);
  });

  await t.test('fixing the error clears the diagnostic', async () => {
    const before = (published.get(yaml.uri) ?? []).length;
    const col = yaml.lines[adressLine].indexOf('adress');
    const sync = init.capabilities.textDocumentSync;
    const kind = typeof sync === 'number' ? sync : (sync?.change ?? TextDocumentSyncKind.None);
    const fixed = yaml.text.replace('    adress:', '    address:');
    const contentChanges =
      kind === TextDocumentSyncKind.Incremental
        ? [{ range: { start: { line: adressLine, character: col }, end: { line: adressLine, character: col + 6 } }, text: 'address' }]
        : [{ text: fixed }];
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: yaml.uri, version: 2 },
      contentChanges,
    });
    const diags = await Promise.race([waitDiagnostics(yaml.uri, () => true, before), died]).catch(failWithStderr);
    assert.deepEqual(
      diags.filter((d) => d.range.start.line === adressLine),
      [],
      `no diagnostic left on the fixed line; got ${JSON.stringify(diags)}`,
    );
  });

  await t.test('shutdown and exit', async () => {
    await request(ShutdownRequest.type);
    exitedEarly = false;
    await conn.sendNotification(ExitNotification.type);
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), 5000);
    });
    const result = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    assert.notEqual(result, 'timeout', 'server exits within 5 s of exit');
    assert.equal(result.code, 0, `exit code 0 after shutdown; stderr: ${stderr.slice(-2000)}`);
    conn.dispose();
  });

  if (process.env.ASYNCAPI_LS_E2E_VERBOSE) {
    console.log('workspace/configuration requests:', JSON.stringify(configRequests));
  }
});
