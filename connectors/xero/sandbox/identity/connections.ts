/**
 * Connections: which tenants a user has authorised for an app.
 * https://developer.xero.com/documentation/guides/oauth2/tenants
 */
import { randomUUID } from "node:crypto";
import type { AccessGrant, Connection, IdentityState } from "./token-store.js";

export interface TenantInfo {
  tenantId: string;
  tenantName: string;
}

/** "2019-12-07T18:46:19.5165400": ISO without a zone, 7 fractional digits, as Xero writes it. */
export function connectionTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}0000`;
}

/** Consent connects (or reconnects) the tenant for this user and app. */
export function upsertConnection(
  state: IdentityState,
  owner: { clientId: string; userId: string; authEventId: string },
  tenant: TenantInfo,
  now: number,
): Connection {
  const stamp = connectionTimestamp(now);
  const existing = state.connections.find(
    (c) => c.clientId === owner.clientId && c.userId === owner.userId && c.tenantId === tenant.tenantId,
  );
  if (existing) {
    Object.assign(existing, { authEventId: owner.authEventId, tenantName: tenant.tenantName, updatedDateUtc: stamp });
    return existing;
  }
  const created: Connection = {
    id: randomUUID(), ...owner, tenantId: tenant.tenantId, tenantType: "ORGANISATION", tenantName: tenant.tenantName,
    createdDateUtc: stamp, updatedDateUtc: stamp,
  };
  state.connections.push(created);
  return created;
}

/**
 * The connections an access token can see. A client_credentials token is bound to the sandbox's
 * one organisation, so it sees a single synthetic connection.
 */
export function connectionsFor(state: IdentityState, grant: AccessGrant, tenant: TenantInfo): Connection[] {
  if (grant.grantType === "client_credentials") {
    const stamp = connectionTimestamp(grant.expiresAt);
    return [{
      id: tenant.tenantId, clientId: grant.clientId, userId: "", authEventId: tenant.tenantId, tenantId: tenant.tenantId,
      tenantType: "ORGANISATION", tenantName: tenant.tenantName, createdDateUtc: stamp, updatedDateUtc: stamp,
    }];
  }
  return state.connections.filter((c) => c.clientId === grant.clientId && c.userId === grant.userId);
}

export function removeConnection(state: IdentityState, grant: AccessGrant, id: string): boolean {
  const before = state.connections.length;
  state.connections = state.connections.filter(
    (c) => !(c.id === id && c.clientId === grant.clientId && c.userId === grant.userId),
  );
  return state.connections.length < before;
}

/** The tenant an API call addresses, or undefined when this token may not use it. */
export function resolveTenant(state: IdentityState, grant: AccessGrant, header: string | undefined, tenant: TenantInfo): string | undefined {
  const wanted = (header ?? "").trim().toLowerCase();
  if (grant.grantType === "client_credentials") {
    return wanted === "" || wanted === tenant.tenantId.toLowerCase() ? tenant.tenantId : undefined;
  }
  if (wanted === "") return undefined;
  return connectionsFor(state, grant, tenant).find((c) => c.tenantId.toLowerCase() === wanted)?.tenantId;
}
