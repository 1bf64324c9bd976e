/**
 * `GET /connections` (bare JSON array) and `DELETE /connections/{id}` (204).
 * https://developer.xero.com/documentation/guides/oauth2/tenants
 */
import { queryParam } from "../http/context.js";
import { notFound } from "../http/errors.js";
import { emptyReply, jsonReply } from "../http/reply.js";
import { route, type Route } from "../http/router.js";
import { tenantOf, type SandboxRuntime } from "../runtime.js";
import { authenticate } from "./bearer.js";
import { connectionsFor, removeConnection } from "./connections.js";

export function connectionsRoutes(runtime: SandboxRuntime): Route[] {
  return [
    route("GET", "/connections", (ctx) => {
      const grant = authenticate(runtime, ctx);
      const authEventId = queryParam(ctx, "authEventId");
      const list = connectionsFor(runtime.state.identity, grant, tenantOf(runtime))
        .filter((c) => authEventId === undefined || c.authEventId === authEventId)
        .map(({ id, authEventId: eventId, tenantId, tenantType, tenantName, createdDateUtc, updatedDateUtc }) => ({
          id, authEventId: eventId, tenantId, tenantType, tenantName, createdDateUtc, updatedDateUtc,
        }));
      return jsonReply(200, list);
    }, "connections"),
    route("DELETE", "/connections/:id", (ctx) => {
      const grant = authenticate(runtime, ctx);
      if (!removeConnection(runtime.state.identity, grant, ctx.params.id!)) return notFound();
      runtime.changed();
      return emptyReply(204);
    }, "connections"),
  ];
}
