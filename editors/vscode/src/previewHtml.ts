// The HTML of the preview webview: a frame around the page the server
// serves on 127.0.0.1, and a small script that relays the page's
// "reveal this range" requests to the extension. Pure, for the unit tests.

/** The origin (scheme://host:port) of an http(s) URL. */
export function originOf(url: string): string {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new Error(`the preview URL is not http(s): ${url}`);
  }
  return u.origin;
}

/**
 * externalPageUrl puts the page's path and query under the address VS Code
 * maps the page server's origin to (vscode.env.asExternalUri): the same
 * origin on a desktop, a forwarded port or a proxy path such as
 * "/proxy/PORT/" in a remote or browser window, which maps the origin only.
 */
export function externalPageUrl(mappedOrigin: string, pageUrl: string): string {
  const page = new URL(pageUrl);
  const mapped = new URL(mappedOrigin);
  mapped.pathname = mapped.pathname.replace(/\/+$/, '') + page.pathname;
  mapped.search = page.search;
  mapped.hash = '';
  return mapped.toString();
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * previewHtml frames pageUrl. Only that origin may be framed, only the
 * nonced script runs; messages are accepted from the frame alone.
 */
export function previewHtml(pageUrl: string, nonce: string, title: string): string {
  const origin = originOf(pageUrl);
  const csp = [
    "default-src 'none'",
    `frame-src ${origin}`,
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<title>${escapeAttr(title)}</title>
<style nonce="${nonce}">html,body{margin:0;padding:0;height:100%;overflow:hidden;background:transparent}iframe{border:0;width:100%;height:100%;display:block}</style>
</head>
<body>
<script nonce="${nonce}">
(function () {
  const vscode = acquireVsCodeApi();
  let frame = null;
  const announce = () => frame && frame.contentWindow && frame.contentWindow.postMessage({ type: 'asyncapi-preview-host' }, ${JSON.stringify(origin)});
  window.addEventListener('message', (e) => {
    if (!frame || e.source !== frame.contentWindow || e.origin !== ${JSON.stringify(origin)} || !e.data) return;
    if (e.data.type === 'asyncapi-preview-ready') announce();
    if (e.data.type === 'asyncapi-reveal') vscode.postMessage({ type: 'reveal', uri: String(e.data.uri), range: e.data.range });
  });
  document.addEventListener('DOMContentLoaded', () => {
    frame = document.getElementById('page');
    frame.addEventListener('load', announce);
  });
})();
</script>
<iframe id="page" src="${escapeAttr(pageUrl)}" title="${escapeAttr(title)}"></iframe>
</body>
</html>`;
}

/** A reveal request from the page, checked. */
export interface RevealRequest {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export function parseReveal(msg: unknown): RevealRequest | undefined {
  const m = msg as { type?: unknown; uri?: unknown; range?: RevealRequest['range'] } | undefined;
  if (!m || m.type !== 'reveal' || typeof m.uri !== 'string' || !m.range) return undefined;
  const n = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : undefined);
  const s = m.range.start, e = m.range.end;
  const r = [n(s?.line), n(s?.character), n(e?.line), n(e?.character)];
  if (r.some((x) => x === undefined)) return undefined;
  if (!/^(file|untitled):/.test(m.uri)) return undefined;
  return { uri: m.uri, range: { start: { line: r[0]!, character: r[1]! }, end: { line: r[2]!, character: r[3]! } } };
}
