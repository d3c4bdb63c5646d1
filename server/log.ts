import type { ServerConfig } from "./config.js";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, "silent">;

export type Logger = Record<Level, (message: string, fields?: Record<string, unknown>) => void>;

/** One JSON line per event on stderr/stdout: easy to read, easy to ship to a log store. */
export function createLogger(level: ServerConfig["logLevel"], sink: (line: string, level: Level) => void = defaultSink): Logger {
  const make = (l: Level) => (message: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS[l] < LEVELS[level]) return;
    sink(JSON.stringify({ time: new Date().toISOString(), level: l, message, ...fields }), l);
  };
  return { debug: make("debug"), info: make("info"), warn: make("warn"), error: make("error") };
}

function defaultSink(line: string, level: Level) {
  if (level === "warn" || level === "error") process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}
