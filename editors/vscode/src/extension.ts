import * as fs from 'node:fs';
import * as os from 'node:os';
import * as readline from 'node:readline';
import * as vscode from 'vscode';
import {
  DidOpenTextDocumentNotification,
  LanguageClient,
  LanguageClientOptions,
  Middleware,
  RevealOutputChannelOn,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { detectAsyncApi, isCandidateLanguage, versionLabel } from './detect';
import { DocumentGate } from './gate';
import { PreviewPanels } from './previewPanel';
import { parseServerLogLine } from './serverLog';
import { resolveServerCommand, ServerSource } from './serverPath';

const CLIENT_ID = 'asyncapi';
const CLIENT_NAME = 'AsyncAPI Language Server';
const SECTION = 'asyncapi';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;
let serverInfo: { command: string; source: ServerSource } | undefined;
let lastError: string | undefined;
const gate = new DocumentGate();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  status = vscode.window.createStatusBarItem('asyncapi.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'AsyncAPI';
  status.command = 'asyncapi.showOutput';
  const previews = new PreviewPanels(() => client, output);
  context.subscriptions.push(output, status, previews);

  context.subscriptions.push(
    vscode.commands.registerCommand('asyncapi.restartServer', async () => {
      output.info('Restart requested.');
      await restart(context);
    }),
    vscode.commands.registerCommand('asyncapi.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('asyncapi.openPreviewToSide', () => previews.open(vscode.window.activeTextEditor)),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus()),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) {
        updateStatus();
      }
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration(`${SECTION}.server`)) {
        output.info('asyncapi.server settings changed; restarting the server.');
        await restart(context);
      }
    }),
  );

  await start(context);
  updateStatus();
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const resolved = resolveServerCommand({
    configuredPath: config.get<string>('server.path', ''),
    extensionPath: context.extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    platform: process.platform,
    arch: process.arch,
    envPath: process.env.PATH,
    envPathExt: process.env.PATHEXT,
    homeDir: os.homedir(),
    isFile,
  });
  if (!resolved.ok) {
    serverInfo = undefined;
    lastError = resolved.message;
    output.error(resolved.message);
    output.error(`Looked at: ${resolved.tried.join(', ')}`);
    updateStatus();
    const choice = await vscode.window.showErrorMessage(resolved.message, 'Open Settings', 'Show Output');
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.server.path`);
    } else if (choice === 'Show Output') {
      output.show(true);
    }
    return;
  }
  serverInfo = { command: resolved.command, source: resolved.source };
  lastError = undefined;
  const args = config.get<string[]>('server.args', []);
  output.info(`Starting ${resolved.command} (${describeSource(resolved.source)}) ${args.join(' ')}`.trim());

  const serverOptions: ServerOptions = {
    command: resolved.command,
    args,
    transport: TransportKind.stdio, // appends --stdio
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'untitled', language: 'jsonc' },
    ],
    outputChannel: output,
    traceOutputChannel: output,
    // The server logs to stderr; keep its levels instead of marking every
    // line as an error.
    stdioOptions: {
      stdout: (input, channel) => {
        readline.createInterface({ input, crlfDelay: Infinity }).on('line', (line) => channel.info(line));
      },
      stderr: (input, channel) => {
        readline.createInterface({ input, crlfDelay: Infinity }).on('line', (line) => {
          const { level, text } = parseServerLogLine(line);
          channel[level](`[server] ${text}`);
        });
      },
    },
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // The server pulls `asyncapi.*` with workspace/configuration (answered by
    // the client from the settings); it also gets them at initialization and
    // a didChangeConfiguration notification on every change.
    initializationOptions: () => settingsForServer(),
    synchronize: { configurationSection: SECTION },
    middleware: gatingMiddleware(),
  };

  gate.reset();
  const c = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  c.onDidChangeState((e) => {
    output.info(`Server state: ${State[e.newState]}`);
    updateStatus();
  });
  client = c;
  try {
    await c.start();
    const info = c.initializeResult?.serverInfo;
    output.info(`Server running${info ? `: ${info.name}${info.version ? ` ${info.version}` : ''}` : ''}.`);
  } catch (err) {
    lastError = `The server failed to start: ${errorText(err)}`;
    output.error(lastError);
    void vscode.window.showErrorMessage(lastError, 'Show Output').then((choice) => {
      if (choice) {
        output.show(true);
      }
    });
  }
  updateStatus();
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(5000);
    } catch (err) {
      output.warn(`Stopping the server: ${errorText(err)}`);
    }
    await c.dispose().catch(() => undefined);
  }
  gate.reset();
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stop();
  await start(context);
}

function settingsForServer(): unknown {
  const config = vscode.workspace.getConfiguration(SECTION);
  return { [SECTION]: JSON.parse(JSON.stringify(config)) };
}

// Lets only AsyncAPI documents through to the server (see gate.ts).
function gatingMiddleware(): Middleware {
  const tracked = (doc: unknown): boolean => {
    const uri = doc instanceof vscode.Uri ? doc : (doc as { uri?: vscode.Uri } | undefined)?.uri;
    return uri !== undefined && gate.isTracked(uri.toString());
  };
  const middleware: Middleware = {
    didOpen: async (document, next) => {
      if (gate.onOpen(document.uri.toString(), document.languageId, document.getText())) {
        output.info(`Opened AsyncAPI document ${document.uri.fsPath || document.uri.toString()}`);
        await next(document);
      }
    },
    didChange: async (event, next) => {
      const doc = event.document;
      const decision = gate.onChange(doc.uri.toString(), doc.languageId, doc.getText());
      if (decision === 'forward') {
        await next(event);
      } else if (decision === 'open' && client) {
        output.info(`${doc.uri.fsPath || doc.uri.toString()} became an AsyncAPI document.`);
        await client.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: {
            uri: client.code2ProtocolConverter.asUri(doc.uri),
            languageId: doc.languageId,
            version: doc.version,
            text: doc.getText(),
          },
        });
      }
    },
    didClose: async (document, next) => {
      if (gate.onClose(document.uri.toString())) {
        await next(document);
      }
    },
    didSave: async (document, next) => {
      if (tracked(document)) {
        await next(document);
      }
    },
    willSave: async (event, next) => {
      if (tracked(event.document)) {
        await next(event);
      }
    },
    willSaveWaitUntil: (event, next) => (tracked(event.document) ? next(event) : Promise.resolve([])),
  };
  // Every document-bound feature: answer nothing for documents the server
  // does not know. Each of these middlewares takes the document first and
  // `next` last.
  const providers = [
    'provideCompletionItem',
    'provideHover',
    'provideSignatureHelp',
    'provideDefinition',
    'provideReferences',
    'provideDocumentHighlights',
    'provideDocumentSymbols',
    'provideCodeActions',
    'provideCodeLenses',
    'provideDocumentFormattingEdits',
    'provideDocumentRangeFormattingEdits',
    'provideOnTypeFormattingEdits',
    'provideRenameEdits',
    'prepareRename',
    'provideDocumentLinks',
    'provideDeclaration',
    'provideTypeDefinition',
    'provideImplementation',
    'provideDocumentColors',
    'provideColorPresentations',
    'provideFoldingRanges',
    'provideSelectionRanges',
    'provideDocumentSemanticTokens',
    'provideDocumentSemanticTokensEdits',
    'provideDocumentRangeSemanticTokens',
    'provideLinkedEditingRange',
    'provideInlayHints',
    'provideInlineValues',
    'prepareCallHierarchy',
    'prepareTypeHierarchy',
    'provideDiagnostics',
  ];
  const table = middleware as Record<string, unknown>;
  for (const name of providers) {
    table[name] = (...args: unknown[]) => {
      const next = args[args.length - 1] as (...a: unknown[]) => unknown;
      const first = args[0];
      return tracked(first) ? next(...args.slice(0, -1)) : undefined;
    };
  }
  return middleware;
}

function updateStatus(): void {
  if (!status) {
    return;
  }
  const editor = vscode.window.activeTextEditor;
  const doc = editor?.document;
  const detection = doc && isCandidateLanguage(doc.languageId) ? detectAsyncApi(doc.getText()) : undefined;
  void vscode.commands.executeCommand('setContext', 'asyncapi.isAsyncApiDocument', detection?.isAsyncApi === true);
  if (!detection?.isAsyncApi) {
    status.hide();
    return;
  }
  const label = versionLabel(detection);
  const state = client?.state;
  const lines = [`${label} document`];
  if (lastError) {
    status.text = `$(error) ${label}`;
    lines.push(lastError);
  } else if (state === State.Running) {
    status.text = `$(check) ${label}`;
    lines.push(`Server: ${serverInfo?.command ?? 'unknown'} (${serverInfo ? describeSource(serverInfo.source) : ''})`);
  } else if (state === State.Starting) {
    status.text = `$(sync~spin) ${label}`;
    lines.push('Server starting...');
  } else {
    status.text = `$(circle-slash) ${label}`;
    lines.push('Server not running. Use "AsyncAPI: Restart server".');
  }
  lines.push('Click to show the output.');
  status.tooltip = lines.join('\n');
  status.show();
}

function describeSource(source: ServerSource): string {
  switch (source) {
    case 'setting':
      return 'from asyncapi.server.path';
    case 'bundled':
      return 'shipped with the extension';
    case 'path':
      return 'found on PATH';
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
