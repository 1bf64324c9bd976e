import { findOr404, idParam, type RequestContext } from "../http/request.js";
import type { SandboxRuntime } from "../runtime.js";

/** Records of the client or project named in the path (`/clients/:id/...`), 404 when that parent does not exist. */
export function scopedTo<T extends { client_id?: number | null; project_id?: number | null }>(runtime: SandboxRuntime, ctx: RequestContext, records: readonly T[], parent: "client" | "project"): T[] {
  const id = idParam(ctx);
  if (parent === "client") {
    findOr404([...runtime.books.clients, ...runtime.books.leads], id);
    return records.filter((r) => r.client_id === id);
  }
  findOr404(runtime.books.projects, id);
  return records.filter((r) => r.project_id === id);
}
