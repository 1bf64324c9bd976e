import { InvalidArgumentError } from "commander";
import { ALL_SCOPES, LEGACY_SCOPES, parseScopes, type Scope } from "../auth/scopes.js";

/** Comma-separated scopes ("READ,WRITE", any case) or "all". */
export function scopesOption(text: string): Scope[] {
  const words = text.split(",").map((w) => w.trim().toUpperCase()).filter(Boolean);
  if (words.length === 1 && words[0] === "ALL") return [...ALL_SCOPES];
  const parsed = parseScopes(words);
  if (!parsed.ok) throw new InvalidArgumentError(parsed.problem);
  return parsed.scopes;
}

/** Comma-separated organization ids, or "*" for every organization. */
export function organizationsOption(text: string): string[] {
  return text.split(",").map((w) => w.trim()).filter(Boolean);
}

export const DEFAULT_SCOPES_TEXT = LEGACY_SCOPES.join(",");
