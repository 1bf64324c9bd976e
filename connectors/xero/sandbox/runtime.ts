/**
 * What every route module receives: the live state, the resolved options and the shared services.
 * Built once per server by `createXeroSandbox`.
 */
import type { XeroBooks } from "./books/types.js";
import type { SigningKey } from "./identity/signing-key.js";
import type { IdentityState } from "./identity/token-store.js";

export interface SandboxLogger {
  debug?(message: string, meta?: Record<string, unknown>): void;
  info?(message: string, meta?: Record<string, unknown>): void;
  warn?(message: string, meta?: Record<string, unknown>): void;
  error?(message: string, meta?: Record<string, unknown>): void;
}

export interface SandboxState {
  books: XeroBooks;
  identity: IdentityState;
}

export interface SandboxRuntime {
  state: SandboxState;
  clientId: string;
  clientSecret: string;
  /** Shown as `ProviderName` in every accounting envelope. */
  providerName: string;
  signingKey: SigningKey;
  now(): Date;
  /** Call after any change to `state`; schedules persistence when a data file is configured. */
  changed(): void;
  logger: SandboxLogger;
}

export function tenantOf(runtime: SandboxRuntime): { tenantId: string; tenantName: string } {
  return { tenantId: runtime.state.books.tenantId, tenantName: runtime.state.books.organisation.Name };
}
