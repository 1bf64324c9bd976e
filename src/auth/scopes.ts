/**
 * What an API key may do. Each operation needs the scope of its kind (a query READ, a mutation WRITE,
 * a subscription SUBSCRIBE); the administration fields (keys, connecting organizations) need ADMIN
 * instead, whatever the operation's kind. See `requiredScopes`.
 */
export enum Scope {
  READ = "READ",
  WRITE = "WRITE",
  SUBSCRIBE = "SUBSCRIBE",
  ADMIN = "ADMIN",
}

export const ALL_SCOPES: readonly Scope[] = [Scope.READ, Scope.WRITE, Scope.SUBSCRIBE, Scope.ADMIN];

/** What a key stored before keys had scopes may do: everything it could then, and no administration. */
export const LEGACY_SCOPES: readonly Scope[] = [Scope.READ, Scope.WRITE, Scope.SUBSCRIBE];

const isScope = (value: unknown): value is Scope => typeof value === "string" && (ALL_SCOPES as readonly string[]).includes(value);

/**
 * A list of scopes in their canonical order without repeats, or the problem with it (for a field
 * message): empty, or holding something that is not a scope.
 */
export function parseScopes(values: readonly unknown[]): { ok: true; scopes: Scope[] } | { ok: false; problem: string } {
  const unknown = values.filter((v) => !isScope(v));
  if (unknown.length > 0) return { ok: false, problem: `unknown scope ${unknown.map((v) => JSON.stringify(v)).join(", ")}; use any of ${ALL_SCOPES.join(", ")}` };
  if (values.length === 0) return { ok: false, problem: `give at least one scope: ${ALL_SCOPES.join(", ")}` };
  return { ok: true, scopes: ALL_SCOPES.filter((s) => values.includes(s)) };
}
