import type { Principal } from "../context/gateway-context.js";

/**
 * Which organizations a running operation reads: the ones it named, or every one its key was granted
 * when it started ("granted"). Kept per operation context, so that when a key's grants change only the
 * operations reading an organization the key lost are ended.
 */
export type ReadScope = { organizationIds: readonly string[] } | "granted";

const scopes = new WeakMap<object, ReadScope>();

/** Records what the operation of `context` reads (event subscriptions do, when they open). */
export function declareReads(context: object, scope: ReadScope): void {
  scopes.set(context, scope);
}

/**
 * Whether an operation started under `before` grants (with the context it declared its reads on) still
 * may read everything it reads under `after` grants. An operation that declared nothing reads "granted".
 */
export function stillReadable(context: object, before: Principal["organizationIds"], after: Principal["organizationIds"]): boolean {
  const covers = (id: string) => after === "*" || after.includes(id);
  const scope = scopes.get(context) ?? "granted";
  if (scope !== "granted") return scope.organizationIds.every(covers);
  if (before === "*") return after === "*";
  return before.every(covers);
}
