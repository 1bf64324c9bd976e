import { randomUUID } from "node:crypto";

/**
 * Exact decimals on the wire to Xero. xero-node types amounts and quantities as `number` and lets
 * axios JSON.stringify its models, so a decimal string would pass through a binary float
 * (`"1"` + 400 zeros became `null`, `99999999999999999999.99` became `1e20`). Instead the mappers put
 * a `WireDecimal` (the validated digits) where xero-node expects a number — through `wireDecimal`,
 * the one cast — and `applyExactDecimals`, run on every xero-node request, writes the body itself
 * with those digits as JSON numbers.
 */

/** A JSON number in plain notation with no redundant leading zeros ("12.50", "-0.0001"). */
const JSON_DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** An exact decimal travelling inside a xero-node model until the request body is written. */
export class WireDecimal {
  private constructor(readonly digits: string) {}

  /** The decimal as written (plain notation, as the Decimal scalar admits it); leading zeros dropped. */
  static of(text: string): WireDecimal {
    const trimmed = text.trim();
    if (!PLAIN_DECIMAL.test(trimmed)) throw new TypeError(`not a plain decimal: ${JSON.stringify(text.slice(0, 40))}`);
    const digits = trimmed.replace(/^(-?)0+(?=\d)/, "$1");
    return new WireDecimal(digits);
  }

  toString(): string {
    return this.digits;
  }

  /** Outside a request body (dry runs, logs, `raw`) a wire decimal shows as a string of its exact digits. */
  toJSON(): string {
    return this.digits;
  }
}

/**
 * A decimal string as a value for a xero-node model field typed `number`: a `WireDecimal` in
 * disguise, never a JS number. Absent and empty values stay absent.
 */
export function wireDecimal(value: string): number;
export function wireDecimal(value: string | null | undefined): number | undefined;
export function wireDecimal(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  return WireDecimal.of(value) as unknown as number;
}

export function isWireDecimal(value: unknown): value is WireDecimal {
  return value instanceof WireDecimal;
}

function isPlainContainer(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function setJsonContentType(requestOptions: { headers?: Record<string, unknown> }): void {
  const headers = (requestOptions.headers ??= {});
  for (const name of Object.keys(headers)) if (name.toLowerCase() === "content-type") delete headers[name];
  headers["Content-Type"] = "application/json";
}

/**
 * Rewrites an axios request's `data` (a plain object or array holding `WireDecimal`s) as a JSON string
 * in which each decimal is an exact JSON number, and sets `Content-Type: application/json`; every
 * other value is serialised as JSON.stringify would. Bodies without decimals (and non-JSON bodies
 * such as attachments) are left as they are.
 */
export function applyExactDecimals(requestOptions: { data?: unknown; headers?: Record<string, unknown> }): void {
  const { data } = requestOptions;
  if (!isPlainContainer(data)) return;
  const token = `__ledgerline_decimal_${randomUUID()}_`;
  const digits: string[] = [];
  const json = JSON.stringify(data, function (this: Record<string, unknown>, key, value) {
    const original = this[key];
    if (!(original instanceof WireDecimal)) return value;
    if (!JSON_DECIMAL.test(original.digits)) throw new TypeError(`not a JSON number: ${original.digits.slice(0, 40)}`);
    digits.push(original.digits);
    return `${token}${digits.length - 1}`;
  });
  if (!digits.length) return;
  requestOptions.data = json.replace(new RegExp(`"${token}(\\d+)"`, "g"), (_match, index: string) => digits[Number.parseInt(index, 10)]!);
  setJsonContentType(requestOptions);
}
