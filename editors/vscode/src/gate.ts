// Decides which YAML/JSON documents are handed to the language server.
//
// VS Code document selectors can only match language ids and file names, so
// the client is registered for every YAML/JSON document and this gate lets
// only AsyncAPI documents (detected by content) and Spectral ruleset files
// (by name) through. A document that
// becomes an AsyncAPI document while it is being edited (the user types the
// `asyncapi:` key) is opened on the server at that moment; once open it stays
// open until it is closed, so the server can report a removed `asyncapi` key.
//
// No `vscode` import: unit-tested with plain Node.

import { Detection, detectAsyncApi, isCandidateLanguage } from './detect';

export type ChangeDecision = 'forward' | 'open' | 'ignore';

/** Spectral ruleset files: the server checks them and helps writing them. */
const RULESET_FILES = ['.spectral.yaml', '.spectral.yml', '.spectral.json'];

export function isRulesetFile(uri: string): boolean {
  return RULESET_FILES.includes(uri.slice(uri.lastIndexOf('/') + 1));
}

export class DocumentGate {
  private readonly tracked = new Map<string, Detection>();

  /** Called when the editor opens a document. True: send didOpen to the server. */
  onOpen(uri: string, languageId: string, text: string): boolean {
    if (!isCandidateLanguage(languageId)) {
      return false;
    }
    if (isRulesetFile(uri)) {
      this.tracked.set(uri, { isAsyncApi: false });
      return true;
    }
    const d = detectAsyncApi(text);
    if (!d.isAsyncApi) {
      return false;
    }
    this.tracked.set(uri, d);
    return true;
  }

  /**
   * Called on every edit. 'forward': send the didChange; 'open': the document
   * just became an AsyncAPI document, send a didOpen with its full text
   * instead; 'ignore': the server does not know this document.
   */
  onChange(uri: string, languageId: string, text: string): ChangeDecision {
    if (this.tracked.has(uri)) {
      if (isRulesetFile(uri)) {
        return 'forward';
      }
      const d = detectAsyncApi(text);
      this.tracked.set(uri, d.isAsyncApi ? d : { isAsyncApi: true });
      return 'forward';
    }
    return this.onOpen(uri, languageId, text) ? 'open' : 'ignore';
  }

  /** Called when the editor closes a document. True: send didClose. */
  onClose(uri: string): boolean {
    return this.tracked.delete(uri);
  }

  /** A language id change re-opens the document in VS Code; nothing else to do. */
  isTracked(uri: string): boolean {
    return this.tracked.has(uri);
  }

  detection(uri: string): Detection | undefined {
    return this.tracked.get(uri);
  }

  trackedUris(): string[] {
    return [...this.tracked.keys()];
  }

  /** Forget everything (the client was restarted and will re-open documents). */
  reset(): void {
    this.tracked.clear();
  }
}
