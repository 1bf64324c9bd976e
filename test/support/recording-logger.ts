import type { Logger } from "../../src/infra/logger.js";

export interface LogEntry {
  level: "debug" | "info" | "warn" | "error";
  msg: string;
  data: Record<string, unknown>;
}

/** A logger that keeps every entry in memory, so tests can assert what was logged. */
export function recordingLogger(entries: LogEntry[] = [], bindings: Record<string, unknown> = {}): Logger & { entries: LogEntry[] } {
  const at = (level: LogEntry["level"]) => (msg: string, data: Record<string, unknown> = {}) => {
    entries.push({ level, msg, data: { ...bindings, ...data } });
  };
  return {
    entries,
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (more) => recordingLogger(entries, { ...bindings, ...more }),
  };
}
