import * as crypto from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient } from 'vscode-languageclient/node';
import { externalPageUrl, parseReveal, previewHtml } from './previewHtml';

/** The server command that serves a document's page (server/preview.go). */
export const SERVER_PREVIEW_COMMAND = 'asyncapi.preview';

/**
 * "AsyncAPI: Open Preview to the Side": a webview beside the editor framing
 * the page the server serves for the document. The server's page follows the
 * open buffer (unsaved edits included), so the preview updates while typing;
 * a click on "file:line" in the page reveals that range in the editor.
 */
export class PreviewPanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async open(editor: vscode.TextEditor | undefined): Promise<void> {
    const doc = editor?.document;
    if (!doc) {
      void vscode.window.showInformationMessage('Open an AsyncAPI document first.');
      return;
    }
    const key = doc.uri.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const c = this.client();
    if (!c) {
      void vscode.window.showErrorMessage('The AsyncAPI language server is not running.');
      return;
    }
    let url: string;
    try {
      const answer = (await c.sendRequest(ExecuteCommandRequest.type, {
        command: SERVER_PREVIEW_COMMAND,
        // open: false, the webview shows the page instead of a browser.
        arguments: [c.code2ProtocolConverter.asUri(doc.uri), { open: false }],
      })) as { url?: string } | null;
      if (!answer?.url) throw new Error('the server answered no URL');
      url = answer.url;
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      this.log.error(`Preview of ${doc.uri.toString()}: ${text}`);
      void vscode.window.showErrorMessage(`AsyncAPI preview: ${text}`);
      return;
    }
    // In a remote or browser window the page is reached through a
    // forwarded port or a proxy path: map the origin, keep the path (the
    // token is in it).
    const origin = new URL(url).origin + '/';
    const external = externalPageUrl((await vscode.env.asExternalUri(vscode.Uri.parse(origin))).toString(true), url);
    this.log.info(`Preview of ${doc.uri.fsPath || key} at ${external}`);
    const title = `Preview ${path.basename(doc.uri.path)}`;
    const panel = vscode.window.createWebviewPanel(
      'asyncapi.preview',
      title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, retainContextWhenHidden: true, enableFindWidget: true },
    );
    panel.webview.html = previewHtml(external, crypto.randomBytes(16).toString('base64url'), title);
    panel.webview.onDidReceiveMessage((msg) => void this.reveal(msg));
    panel.onDidDispose(() => this.panels.delete(key));
    this.panels.set(key, panel);
  }

  private async reveal(msg: unknown): Promise<void> {
    const req = parseReveal(msg);
    if (!req) return;
    const uri = vscode.Uri.parse(req.uri);
    const range = new vscode.Range(req.range.start.line, req.range.start.character, req.range.end.line, req.range.end.character);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const doc = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
    const shown = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: range });
    shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    for (const p of this.panels.values()) p.dispose();
    this.panels.clear();
  }
}
