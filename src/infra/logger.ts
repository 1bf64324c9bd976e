export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** A JSON-lines logger on stderr; `silent` for tests. */
export function createLogger(level: LogLevel = "info", bindings: Record<string, unknown> = {}): Logger {
  const emit = (at: LogLevel) => (msg: string, data?: Record<string, unknown>) => {
    if (order[at] < order[level]) return;
    process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...bindings, ...data }) + "\n");
  };
  return {
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
    child: (more) => createLogger(level, { ...bindings, ...more }),
  };
}

export const silentLogger: Logger = createLogger("silent");
