/**
 * Clients and suppliers: create, edit (fields sent change), delete (refused while in use).
 * https://docs.daftara.dev (Clients, Suppliers: POST, PUT /{id}, DELETE /{id})
 */
import { createParty, deleteParty, editParty, type PartyKind } from "../../books/writes/index.js";
import type { Route } from "../../http/router.js";
import type { SandboxRuntime } from "../../runtime.js";
import { idParam, reply, withModel } from "./write-handler.js";

function partyRoutes(runtime: SandboxRuntime, kind: PartyKind, path: string, model: string): Route[] {
  const { books } = runtime.state;
  const missing = { missing: `${model} not found` };
  return [
    { method: "POST", pattern: path, handler: (ctx) => reply(runtime, withModel(model, (r) => createParty(books, kind, r, runtime.now()))(ctx), "created") },
    {
      method: "PUT",
      pattern: `${path}/:id`,
      handler: (ctx) => {
        const id = idParam(ctx);
        return reply(runtime, id === undefined ? missing : withModel(model, (r) => editParty(books, kind, id, r, runtime.now()))(ctx), "edited");
      },
    },
    {
      method: "DELETE",
      pattern: `${path}/:id`,
      handler: (ctx) => {
        const id = idParam(ctx);
        return reply(runtime, id === undefined ? missing : deleteParty(books, kind, id), { deleted: undefined });
      },
    },
  ];
}

export const partyWriteRoutes = (runtime: SandboxRuntime): Route[] => [
  ...partyRoutes(runtime, "client", "/clients", "Client"),
  ...partyRoutes(runtime, "supplier", "/suppliers", "Supplier"),
];
