/** Reading and parsing request bodies. */
import type { IncomingMessage } from "node:http";
import { postDataInvalid } from "./errors.js";

/** Xero's hard limit on a request payload. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw postDataInvalid("The request payload is larger than 10 MB");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON request body; malformed JSON is Xero's 400 PostDataInvalidException. */
export function parseJsonBody(raw: Buffer): unknown {
  const text = raw.toString("utf8").trim();
  if (text === "") throw postDataInvalid("The request body is empty; a JSON payload was expected");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw postDataInvalid(`Invalid JSON in the request body: ${(error as Error).message}`);
  }
}

/** Parses an `application/x-www-form-urlencoded` body. */
export function parseFormBody(raw: Buffer): URLSearchParams {
  return new URLSearchParams(raw.toString("utf8"));
}
