/**
 * Invoices, estimates, credit notes and purchase invoices: create, edit with the whole payload
 * (PUT, or POST to `/{id}` as Daftra also takes for invoices), delete.
 * https://docs.daftara.dev (Add New / Edit / Delete Invoices, Estimates, Credit Notes, Purchase Invoices)
 */
import { deleteDocument, DOC_KINDS, findDocument, saveDocument } from "../../books/writes/index.js";
import type { DocKind } from "../../books/types.js";
import type { Handler, Route } from "../../http/router.js";
import type { SandboxRuntime } from "../../runtime.js";
import { idParam, reply } from "./write-handler.js";

const PATHS: Record<DocKind, string> = { invoice: "/invoices", estimate: "/estimates", credit_note: "/credit_notes", purchase_invoice: "/purchase_invoices" };

function documentRoutes(runtime: SandboxRuntime, kind: DocKind): Route[] {
  const { books } = runtime.state;
  const path = PATHS[kind];
  const missing = { missing: `${DOC_KINDS[kind].model} not found` };
  const edit: Handler = (ctx) => {
    const id = idParam(ctx);
    const existing = id === undefined ? undefined : findDocument(books, kind, id);
    return reply(runtime, existing ? saveDocument(books, kind, ctx.body as Record<string, unknown>, runtime.now(), existing) : missing, "edited");
  };
  return [
    { method: "POST", pattern: path, handler: (ctx) => reply(runtime, saveDocument(books, kind, ctx.body as Record<string, unknown>, runtime.now()), "created") },
    { method: "PUT", pattern: `${path}/:id`, handler: edit },
    ...(kind === "invoice" ? [{ method: "POST" as const, pattern: `${path}/:id`, handler: edit }] : []),
    {
      method: "DELETE",
      pattern: `${path}/:id`,
      handler: (ctx) => {
        const id = idParam(ctx);
        return reply(runtime, id === undefined ? missing : deleteDocument(books, kind, id), { deleted: undefined });
      },
    },
  ];
}

export const documentWriteRoutes = (runtime: SandboxRuntime): Route[] =>
  (Object.keys(PATHS) as DocKind[]).flatMap((kind) => documentRoutes(runtime, kind));
