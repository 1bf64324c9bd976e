/**
 * The shared write handler: PUT creates only, POST creates or updates, POST /{id} updates one.
 * Elements go through the books' write rules; `summarizeErrors` (default true) makes any element
 * error a 400 ValidationException for the whole request (nothing is kept), `false` answers 200
 * with every element marked `StatusAttributeString` OK or ERROR. A reference to an unknown id
 * answers the whole request with 404, as Xero does.
 * https://developer.xero.com/documentation/api/accounting/requests-and-responses#post-and-put-requests
 */
import type { WriteOptions, WriteResult, XeroBooks } from "../books/types.js";
import { ZERO_GUID } from "../books/types.js";
import { allOrNothing } from "../books/writes/index.js";
import { requireScope } from "../identity/bearer.js";
import { parseJsonBody } from "../http/body.js";
import { queryBoolean, queryParam, type RequestContext } from "../http/context.js";
import { notFound, postDataInvalid, validationException } from "../http/errors.js";
import type { Reply } from "../http/reply.js";
import { route, type Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { recordToWire, wireToRecord } from "../wire/dates.js";
import { envelopeReply } from "../wire/envelope.js";
import { requestedUnitDp, withUnitDp } from "../wire/unit-dp.js";
import { API_BASE, findRecord } from "./read-routes.js";
import type { ResourceSpec } from "./resource-spec.js";

export type WriteRule<T> = (books: XeroBooks, elements: unknown[], opts: WriteOptions) => WriteResult<T>[];

export interface WriteSpec<T extends object> {
  read: ResourceSpec<T>;
  write: WriteRule<T>;
  /** Which flag Xero sets on a failed element of this type (none when its schema has no such flag). */
  errorFlag?: "HasErrors" | "HasValidationErrors";
}

/** `{"Invoices":[…]}` (key matched case-insensitively), a bare element, or a bare array. */
export function requestElements(body: unknown, plural: string): unknown[] {
  if (Array.isArray(body)) return body;
  if (body === null || typeof body !== "object") throw postDataInvalid(`Expected a JSON object with a ${plural} array`);
  const key = Object.keys(body).find((k) => k.toLowerCase() === plural.toLowerCase());
  if (key === undefined) return [body];
  const list = (body as Record<string, unknown>)[key];
  if (!Array.isArray(list)) throw postDataInvalid(`${plural} must be an array`);
  return list;
}

function failedElement<T extends object>(spec: WriteSpec<T>, result: Extract<WriteResult<T>, { ok: false }>, summarize: boolean): Record<string, unknown> {
  const echoed = recordToWire((result.element ?? {}) as object, spec.read.type);
  const withId = summarize ? echoed : { ...echoed, [spec.read.idField]: echoed[spec.read.idField] ?? ZERO_GUID };
  return {
    ...withId,
    ...(summarize ? {} : { StatusAttributeString: "ERROR" }),
    ...(spec.errorFlag ? { [spec.errorFlag]: true } : {}),
    ValidationErrors: result.errors.map((Message) => ({ Message })),
  };
}

export function applyWrite<T extends object>(runtime: SandboxRuntime, spec: WriteSpec<T>, ctx: RequestContext, elements: unknown[], mode: WriteOptions["mode"]): Reply {
  const books = runtime.state.books;
  const summarize = queryBoolean(ctx, "summarizeErrors") ?? true;
  // unitdp=4 keeps 4 decimal places on unit amounts and item prices (where a rule honours it); else Xero rounds them to 2.
  const unitdp = queryParam(ctx, "unitdp") === "4" ? 4 : undefined;
  const run = () => spec.write(books, elements.map(wireToRecord), { now: ctx.now.toISOString(), mode, ...(unitdp ? { unitdp } : {}) });
  // A failing element leaves the books untouched, so only a batch needs the (costly) snapshot to undo.
  const results = summarize && elements.length > 1 ? allOrNothing(books, run) : run();
  const rejected = results.some((r) => !r.ok && r.notFound);
  if (rejected || (summarize && results.some((r) => !r.ok))) {
    if (rejected) return notFound();
    return validationException(results.map((r) => (r.ok ? { ...recordToWire(r.record, spec.read.type), ValidationErrors: [] } : failedElement(spec, r, true))));
  }
  if (results.some((r) => r.ok)) runtime.changed();
  // The answer shows unit amounts to the request's `unitdp`, as a read does (other lines of an updated document included).
  const answered = (record: T) => recordToWire(withUnitDp(record, spec.read.type, requestedUnitDp(ctx)), spec.read.type);
  const items = results.map((r) => (r.ok ? { ...answered(r.record), StatusAttributeString: "OK" } : failedElement(spec, r, false)));
  return envelopeReply(runtime.providerName, ctx.now, spec.read.plural, items);
}

export function writeHandler<T extends object>(runtime: SandboxRuntime, spec: WriteSpec<T>, mode: WriteOptions["mode"], byId: boolean) {
  return (ctx: RequestContext): Reply => {
    requireScope(ctx.grant!, spec.read.scopes, "write");
    let elements = requestElements(parseJsonBody(ctx.rawBody), spec.read.plural);
    if (byId) {
      const existing = findRecord(spec.read, runtime, ctx.params.key!);
      if (!existing) return notFound();
      const id = (existing as Record<string, unknown>)[spec.read.idField];
      elements = elements.map((element) => ({ ...(element as object), [spec.read.idField]: id }));
    }
    if (elements.length === 0) throw postDataInvalid(`The request contains no ${spec.read.plural}`);
    return applyWrite(runtime, spec, ctx, elements, mode);
  };
}

/** PUT /{plural}, POST /{plural} and POST /{plural}/{id}; `createOnly` keeps just the PUT. */
export function writeRoutes<T extends object>(runtime: SandboxRuntime, spec: WriteSpec<T>, createOnly = false): Route[] {
  const base = `${API_BASE}/${spec.read.path ?? spec.read.plural}`;
  const create = route("PUT", base, writeHandler(runtime, spec, "create", false));
  if (createOnly) return [create];
  return [
    create,
    route("POST", base, writeHandler(runtime, spec, "upsert", false)),
    route("POST", `${base}/:key`, writeHandler(runtime, spec, "upsert", true)),
  ];
}
