// Content-based detection of AsyncAPI documents.
//
// A YAML or JSON file is an AsyncAPI document when its root mapping has an
// `asyncapi` key (the spec makes that key required and puts the spec version
// in it). This module has no dependency on the `vscode` API so that it can be
// unit-tested with plain Node.

export type DocumentFormat = 'yaml' | 'json';

export interface Detection {
  /** True when the root mapping has an `asyncapi` key. */
  isAsyncApi: boolean;
  /** The value of the root `asyncapi` key, e.g. "3.0.0", when it is a scalar. */
  version?: string;
  /** How the root was written: block YAML, or a `{...}` JSON / YAML flow mapping. */
  format?: DocumentFormat;
}

/** Language ids (VS Code's) whose documents may be AsyncAPI documents. */
export const CANDIDATE_LANGUAGES: readonly string[] = ['yaml', 'json', 'jsonc'];

export function isCandidateLanguage(languageId: string): boolean {
  return CANDIDATE_LANGUAGES.includes(languageId);
}

const NOT_ASYNCAPI: Detection = { isAsyncApi: false };

export function detectAsyncApi(text: string): Detection {
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
  }
  const start = firstSignificantIndex(text);
  if (start < 0) {
    return NOT_ASYNCAPI;
  }
  if (text[start] === '{') {
    return scanFlowMapping(text, start);
  }
  return scanBlockYaml(text);
}

/** Short label for the status bar, e.g. "AsyncAPI 3.0.0" or "AsyncAPI". */
export function versionLabel(d: Detection): string {
  return d.version ? `AsyncAPI ${d.version}` : 'AsyncAPI';
}

// Index of the first character that is not whitespace, a YAML comment, a YAML
// directive (%YAML) or the document start marker (---). -1 when there is none.
function firstSignificantIndex(text: string): number {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lineEnd = indexOfLineEnd(text, i);
    const line = text.slice(i, lineEnd);
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || (trimmed.startsWith('%') && line.startsWith('%'))) {
      i = lineEnd + 1;
      continue;
    }
    let offset = line.length - line.trimStart().length;
    if (line.startsWith('---')) {
      const rest = line.slice(3);
      if (rest.trim() === '' || rest.trimStart().startsWith('#')) {
        i = lineEnd + 1;
        continue;
      }
      if (!/^\s/.test(rest)) {
        return i + offset; // e.g. "----" is a plain scalar, not a marker
      }
      offset = 3 + (rest.length - rest.trimStart().length);
    }
    return i + offset;
  }
  return -1;
}

function indexOfLineEnd(text: string, from: number): number {
  const j = text.indexOf('\n', from);
  return j < 0 ? text.length : j;
}

// Block-style YAML: look for a key at column 0 of the first YAML document.
const ROOT_KEY = /^(?:asyncapi|"asyncapi"|'asyncapi')[ \t]*:(?:[ \t]+(.*)|[ \t]*)$/;

function scanBlockYaml(text: string): Detection {
  const lines = text.split(/\r?\n/);
  let seenContent = false;
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('---') && (line.length === 3 || /^---\s/.test(line))) {
      if (seenContent) {
        break; // a second document starts: only the first one counts
      }
      continue;
    }
    if (line === '...' || line.startsWith('... ')) {
      break;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#') || line.startsWith('%')) {
      continue;
    }
    seenContent = true;
    if (/^\s/.test(line)) {
      continue; // nested content
    }
    const m = ROOT_KEY.exec(line);
    if (m) {
      return { isAsyncApi: true, version: yamlScalar(m[1] ?? ''), format: 'yaml' };
    }
  }
  return NOT_ASYNCAPI;
}

// Turns the text after "asyncapi:" into its scalar value, or undefined when it
// is empty or not a simple scalar.
function yamlScalar(rest: string): string | undefined {
  let s = rest.trim();
  // strip an anchor or a tag in front of the value
  while (/^[&!]\S*\s+/.test(s)) {
    s = s.replace(/^[&!]\S*\s+/, '');
  }
  if (s.startsWith('"')) {
    const end = s.indexOf('"', 1);
    return end > 1 ? s.slice(1, end) : undefined;
  }
  if (s.startsWith("'")) {
    const end = s.indexOf("'", 1);
    return end > 1 ? s.slice(1, end) : undefined;
  }
  const hash = s.search(/\s#/);
  if (hash >= 0) {
    s = s.slice(0, hash);
  }
  s = s.trim();
  if (s === '' || s.startsWith('#') || /^[[{|>*]/.test(s)) {
    return undefined;
  }
  return s;
}

// JSON (or a YAML flow mapping): walk the top-level object, skipping nested
// values, until a key named asyncapi is found.
function scanFlowMapping(text: string, start: number): Detection {
  const n = text.length;
  let i = start + 1;
  const format: DocumentFormat = 'json';

  const skipSpace = (): void => {
    while (i < n) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ',') {
        i++;
      } else if (c === '/' && text[i + 1] === '/') {
        i = indexOfLineEnd(text, i);
      } else if (c === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c === '#') {
        i = indexOfLineEnd(text, i);
      } else {
        return;
      }
    }
  };

  const readQuoted = (): string | undefined => {
    const q = text[i];
    let out = '';
    i++;
    while (i < n) {
      const c = text[i];
      if (c === '\\' && q === '"') {
        const e = text[i + 1];
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e;
        i += 2;
        continue;
      }
      if (c === q) {
        if (q === "'" && text[i + 1] === "'") {
          out += "'";
          i += 2;
          continue;
        }
        i++;
        return out;
      }
      out += c;
      i++;
    }
    return undefined;
  };

  const readPlain = (stops: string): string => {
    const from = i;
    while (i < n && !stops.includes(text[i]) && text[i] !== '\n') {
      i++;
    }
    return text.slice(from, i).trim();
  };

  // Skips one value of any kind (scalar, object, array).
  const skipValue = (): void => {
    skipSpace();
    const c = text[i];
    if (c === '"' || c === "'") {
      readQuoted();
      return;
    }
    if (c === '{' || c === '[') {
      let depth = 0;
      while (i < n) {
        const d = text[i];
        if (d === '"' || d === "'") {
          readQuoted();
          continue;
        }
        if (d === '{' || d === '[') {
          depth++;
        } else if (d === '}' || d === ']') {
          depth--;
          if (depth === 0) {
            i++;
            return;
          }
        }
        i++;
      }
      return;
    }
    readPlain(',}');
  };

  while (i < n) {
    skipSpace();
    if (i >= n || text[i] === '}') {
      break;
    }
    let key: string | undefined;
    if (text[i] === '"' || text[i] === "'") {
      key = readQuoted();
    } else {
      key = readPlain(':,}');
    }
    if (key === undefined) {
      break;
    }
    skipSpace();
    if (text[i] !== ':') {
      if (text[i] === '}') {
        break;
      }
      continue; // a key without a value (YAML flow "{a, b}")
    }
    i++;
    if (key === 'asyncapi') {
      skipSpace();
      const c = text[i];
      let version: string | undefined;
      if (c === '"' || c === "'") {
        version = readQuoted();
      } else if (c !== '{' && c !== '[') {
        const plain = readPlain(',}');
        version = plain === '' || plain === 'null' ? undefined : plain;
      }
      return { isAsyncApi: true, version: version === '' ? undefined : version, format };
    }
    skipValue();
  }
  return NOT_ASYNCAPI;
}
