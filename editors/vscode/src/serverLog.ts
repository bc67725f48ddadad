// Maps the server's stderr log lines to output channel levels. asyncapi-ls
// logs in zap's console format: "<time>\t<LEVEL>\t<message>\t<json fields>".
// Lines in another shape (a panic trace, a Go runtime message) stay errors.
// No `vscode` import: unit-tested with plain Node.

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export interface ServerLogLine {
  level: LogLevel;
  /** The line without the server's own timestamp and level (the channel adds its own). */
  text: string;
}

const LEVELS: Record<string, LogLevel> = {
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  WARNING: 'warn',
  ERROR: 'error',
  DPANIC: 'error',
  PANIC: 'error',
  FATAL: 'error',
};

const ZAP_LINE = /^\d{4}-\d{2}-\d{2}T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?\t([A-Z]+)\t(.*)$/;

export function parseServerLogLine(line: string): ServerLogLine {
  const m = ZAP_LINE.exec(line);
  if (m) {
    const level = LEVELS[m[1]];
    if (level) {
      return { level, text: m[2].replace(/\t/g, ' ') };
    }
  }
  return { level: 'error', text: line };
}
