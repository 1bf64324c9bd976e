import { pino, type DestinationStream, type Logger as PinoLogger } from "pino";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** What a redacted value is replaced with. */
export const REDACTED = "[redacted]";

/** Keys whose values never reach a log line, wherever they appear (top level or nested). */
export const SECRET_KEYS: readonly string[] = [
  "authorization", "Authorization", "apiKey", "api_key", "apikey", "token", "accessToken", "refreshToken",
  "access_token", "refresh_token", "id_token", "clientSecret", "client_secret", "password", "secret", "secretKey", "cookie",
  "Cookie", "set-cookie", "Set-Cookie", "proxy-authorization", "Proxy-Authorization", "x-api-key", "X-Api-Key", "X-API-Key",
  "ApiKey", "apiToken", "api_token", "webhookKey", "privateKey",
];

/** A path segment for `key`: bare when it is an identifier, bracketed and quoted otherwise (`["x-api-key"]`). */
const segment = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`);

/** How deep below the top level a secret key is still found (`headers.authorization` is depth 1). */
const NESTED_DEPTH = 4;

/** `key`, `*.key`, `*.*.key`… down to NESTED_DEPTH, for every secret key. */
export const REDACT_PATHS: readonly string[] = SECRET_KEYS.flatMap((key) =>
  Array.from({ length: NESTED_DEPTH + 1 }, (_, depth) => {
    const last = segment(key);
    const parents = Array<string>(depth).fill("*").join(".");
    return parents === "" ? last : last.startsWith("[") ? `${parents}${last}` : `${parents}.${last}`;
  }),
);

/**
 * Standard error, written through `process.stderr` (synchronous for files and pipes on Linux), so
 * that whatever replaces `process.stderr.write` in a process (a test capturing output) sees every line.
 */
const stderrDestination: DestinationStream = { write: (line: string) => void process.stderr.write(line) };

/**
 * A JSON-lines logger (pino): one object per line with `time` (ISO 8601), `level` ("debug"…"error"),
 * the bindings and data, and `msg`; the values of SECRET_KEYS are replaced with "[redacted]".
 * Writes to stderr unless given another `destination` (tests); `silent` writes nothing.
 */
export function createLogger(level: LogLevel = "info", bindings: Record<string, unknown> = {}, destination: DestinationStream = stderrDestination): Logger {
  const root = pino(
    {
      level,
      base: null,
      messageKey: "msg",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    },
    destination,
  );
  return wrap(Object.keys(bindings).length > 0 ? root.child(bindings) : root);
}

/** The project's Logger over a pino logger: `(msg, data)` in, pino's `(data, msg)` out. */
function wrap(logger: PinoLogger): Logger {
  const at = (level: "debug" | "info" | "warn" | "error") => (msg: string, data?: Record<string, unknown>) => {
    if (data === undefined) logger[level](msg);
    else logger[level](data, msg);
  };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (more) => wrap(logger.child(more)),
  };
}

export const silentLogger: Logger = createLogger("silent");
