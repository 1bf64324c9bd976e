import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GatewayContext } from "../../context/gateway-context.js";
import { GatewayError } from "../../errors/index.js";
import { createLoaders } from "../../loaders/loaders.js";
import { createLogger, type Logger } from "../../infra/logger.js";
import { listRecords } from "../../../schema/common/list-records.js";
import { decodeCursor, decodePageCursor, encodeCursor, encodeMirrorCursor, wrongCursorKind } from "../../../schema/common/cursor.js";
import { ReadSource } from "../../../schema/common/read-source.enum.js";
import { capabilityMatrix } from "../../../schema/organization/capabilities.js";
import type { ConnectionArgs } from "../../../schema/common/connection.args.js";
import { toGlobalId } from "../../ids/global-id.js";
import { chooseListSource, type CursorKind } from "./choose-source.js";
import { freshnessOf, referenceSource } from "./freshness.js";
import { overallState } from "./mirror-overview.js";
import { filterRunsAt } from "./filter-support.js";
import { writeThrough } from "./write-through.js";
import type { MirrorAccess } from "../mirror-access.js";
import {
  accessOver,
  BOOKS_CAPABILITIES,
  contactRecord,
  invoiceRecord,
  mirrorFixture,
  ORGANIZATION,
  providerDouble,
  type Books,
  type MirrorFixture,
  type ProviderDouble,
} from "./testing/read-fixture.js";

/** What a GatewayError says: its code, the fields it names, and its message. */
async function refusal(run: () => Promise<unknown> | unknown): Promise<{ code: string; fields: string[]; message: string }> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    const e = error as GatewayError;
    const fields = ((e.extensions.fields as Array<{ field: string }> | undefined) ?? []).map((f) => f.field);
    return { code: e.code, fields, message: e.message };
  }
  throw new Error("expected a refusal");
}

const ALICE = { remoteId: "c1", name: "Alice Ltd" };
const BOB = { remoteId: "c2", name: "Bob & Co" };

/** Ten invoices over ten months, alternating Alice and Bob; four of them PAID. */
function seedBooks(): Books {
  const Invoice = Array.from({ length: 10 }, (_, i) =>
    invoiceRecord(`i${String(i).padStart(2, "0")}`, `2026-${String(i + 1).padStart(2, "0")}-15`, i % 2 === 0 ? ALICE : BOB, i % 3 === 0 ? "PAID" : "AUTHORISED"),
  );
  return { Invoice, Contact: [contactRecord("c1", ALICE.name), contactRecord("c2", BOB.name)] };
}

describe("cursors say which source made them", () => {
  it("a live cursor is an offset, a mirror cursor a keyset position; each decodes to what it encodes and they never look alike", () => {
    const live = encodeCursor(41);
    const mirror = encodeMirrorCursor({ sortValue: "2026-03-15", remoteId: "i02" });
    expect(decodePageCursor(live)).toEqual({ kind: "offset", offset: 42 });
    expect(decodePageCursor(mirror)).toEqual({ kind: "mirror", position: { sortValue: "2026-03-15", remoteId: "i02" } });
    expect(mirror.startsWith("m:")).toBe(true);
    expect(live).not.toContain(":");
    expect(decodePageCursor(undefined)).toBeUndefined();
    expect(decodePageCursor(null)).toBeUndefined();
  });

  it("keeps any remote id and sort value exactly (unicode, quotes, colons, an empty or null sort value)", () => {
    for (const position of [
      { sortValue: "zoë \"the\" cat: ünïcode", remoteId: "a:b/c?d=e" },
      { sortValue: "", remoteId: "x" },
      { sortValue: null, remoteId: "42" },
    ]) {
      expect(decodePageCursor(encodeMirrorCursor(position))).toEqual({ kind: "mirror", position });
    }
  });

  it("anything this API did not make is BAD_USER_INPUT on `after`, a re-spelled copy of a real cursor included", async () => {
    const respelled = "m:" + Buffer.from(JSON.stringify({ remoteId: "i02", sortValue: "2026-03-15" })).toString("base64url");
    const padded = encodeCursor(3) + "=";
    for (const cursor of ["garbage", "m:", "m:bm90IGpzb24", "m:" + Buffer.from("[1,2]").toString("base64url"), "m:" + Buffer.from('{"sortValue":1,"remoteId":"x"}').toString("base64url"), respelled, padded, Buffer.from("offset:-1").toString("base64url")]) {
      const refused = await refusal(() => decodePageCursor(cursor));
      expect(refused.code, cursor).toBe("BAD_USER_INPUT");
      expect(refused.fields).toEqual(["after"]);
      expect(refused.message).toMatch(/pageInfo\.endCursor/);
    }
  });

  it("the live-only decoder refuses a mirror cursor, saying which sources continue it", async () => {
    const refused = await refusal(() => decodeCursor(encodeMirrorCursor({ sortValue: "a", remoteId: "b" })));
    expect(refused.fields).toEqual(["after"]);
    expect(refused.message).toMatch(/source: AUTO or MIRROR/);
  });
});

describe("read path over a real mirror (SQLite in memory)", () => {
  let fixture: MirrorFixture;
  let provider: ProviderDouble;
  let warnings: string[];
  let logger: Logger;

  beforeEach(async () => {
    fixture = await mirrorFixture();
    provider = providerDouble(seedBooks());
    warnings = [];
    const silent = createLogger("silent");
    logger = { ...silent, warn: (msg: string) => void warnings.push(msg), child: () => logger };
  });
  afterEach(() => fixture.close());

  const contextOf = (mirror: MirrorAccess | undefined): GatewayContext => {
    const organizations = accessOver(provider);
    return { organizations, mirror, loaders: createLoaders(organizations.adapter, mirror) } as unknown as GatewayContext;
  };
  const args = (a: Partial<ConnectionArgs> = {}): ConnectionArgs => ({ source: ReadSource.AUTO, ...a }) as ConnectionArgs;
  const list = (ctx: GatewayContext, a: Partial<ConnectionArgs> = {}, filter?: Record<string, unknown>) => listRecords(ctx, ORGANIZATION.id, "Invoice", args(a), filter);
  const remoteIds = (page: { edges: Array<{ node: { remoteId: string } }> }) => page.edges.map((e) => e.node.remoteId);

  describe("which source answers", () => {
    const choose = (mirror: MirrorAccess | undefined, source: "AUTO" | "MIRROR" | "LIVE", cursor?: CursorKind, entity: "Invoice" | "Contact" = "Invoice") =>
      chooseListSource({ mirror, organizationId: ORGANIZATION.id, entity, mirrored: true, source, cursor, wrongCursor: wrongCursorKind }).then((c) => c.from);

    it("without a mirror: AUTO and LIVE read live; MIRROR is BAD_USER_INPUT naming `source`; a mirror cursor is BAD_USER_INPUT on `after`", async () => {
      expect(await choose(undefined, "AUTO")).toBe("LIVE");
      expect(await choose(undefined, "LIVE")).toBe("LIVE");
      expect(await choose(undefined, "AUTO", "offset")).toBe("LIVE");
      const mirrorAsked = await refusal(() => choose(undefined, "MIRROR"));
      expect(mirrorAsked).toMatchObject({ code: "BAD_USER_INPUT", fields: ["source"] });
      expect(mirrorAsked.message).toMatch(/source: LIVE or AUTO/);
      expect(await refusal(() => choose(undefined, "AUTO", "mirror"))).toMatchObject({ code: "BAD_USER_INPUT", fields: ["after"] });
    });

    it("before the first backfill completes: AUTO reads live, MIRROR is MIRROR_NOT_READY pointing at organization { mirror } and the sources that answer now", async () => {
      expect(await choose(fixture.mirror, "AUTO")).toBe("LIVE");
      const notReady = await refusal(() => choose(fixture.mirror, "MIRROR"));
      expect(notReady.code).toBe("MIRROR_NOT_READY");
      expect(notReady.message).toMatch(/organization \{ mirror/);
      expect(notReady.message).toMatch(/source: LIVE or AUTO/);
    });

    it("IN_SYNC: AUTO and MIRROR read the mirror, LIVE the provider; a cursor's kind decides AUTO's next page", async () => {
      await fixture.sync(provider, "Invoice");
      expect(await choose(fixture.mirror, "AUTO")).toBe("MIRROR");
      expect(await choose(fixture.mirror, "MIRROR")).toBe("MIRROR");
      expect(await choose(fixture.mirror, "LIVE")).toBe("LIVE");
      expect(await choose(fixture.mirror, "AUTO", "offset")).toBe("LIVE");
      expect(await choose(fixture.mirror, "AUTO", "mirror")).toBe("MIRROR");
      // Another entity's state is its own.
      expect(await choose(fixture.mirror, "AUTO", undefined, "Contact")).toBe("LIVE");
    });

    it("STALE: AUTO reads live, but a mirror cursor keeps paging the mirror; MIRROR still answers", async () => {
      await fixture.sync(provider, "Invoice");
      fixture.clock.set("2026-06-10T13:00:00.000Z"); // an hour after the last completed poll; the lag allowed is ten minutes
      expect((await fixture.mirror.entityState(ORGANIZATION.id, "Invoice")).state).toBe("STALE");
      expect(await choose(fixture.mirror, "AUTO")).toBe("LIVE");
      expect(await choose(fixture.mirror, "AUTO", "mirror")).toBe("MIRROR");
      expect(await choose(fixture.mirror, "MIRROR")).toBe("MIRROR");
    });

    it("a cursor of the other source than the one asked for is BAD_USER_INPUT on `after`, saying how to go on", async () => {
      await fixture.sync(provider, "Invoice");
      const liveWithMirrorCursor = await refusal(() => choose(fixture.mirror, "LIVE", "mirror"));
      expect(liveWithMirrorCursor).toMatchObject({ code: "BAD_USER_INPUT", fields: ["after"] });
      expect(liveWithMirrorCursor.message).toMatch(/source: AUTO or MIRROR/);
      const mirrorWithLiveCursor = await refusal(() => choose(fixture.mirror, "MIRROR", "offset"));
      expect(mirrorWithLiveCursor).toMatchObject({ code: "BAD_USER_INPUT", fields: ["after"] });
      expect(mirrorWithLiveCursor.message).toMatch(/source: AUTO or LIVE/);
    });
  });

  describe("lists", () => {
    it("AUTO on an entity in sync pages the mirror with keyset cursors, newest first, with no provider call", async () => {
      await fixture.sync(provider, "Invoice");
      provider.calls.length = 0;
      const ctx = contextOf(fixture.mirror);
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await list(ctx, { first: 3, ...(after ? { after } : {}) });
        pages += 1;
        expect(page.pageInfo.hasPreviousPage).toBe(after !== undefined);
        expect(page.edges.every((e) => e.cursor.startsWith("m:"))).toBe(true);
        seen.push(...remoteIds(page as never));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
      } while (after);
      expect(pages).toBe(4);
      expect(seen).toEqual(["i09", "i08", "i07", "i06", "i05", "i04", "i03", "i02", "i01", "i00"]);
      expect(provider.calls).toEqual([]);
    });

    it("totalCount of a mirror list is a function that counts only when called (graphql-js calls it when selected)", async () => {
      await fixture.sync(provider, "Invoice");
      const page = await list(contextOf(fixture.mirror), { first: 2 }, { status: ["PAID"] });
      expect(typeof page.totalCount).toBe("function");
      expect(await (page.totalCount as () => Promise<number>)()).toBe(4);
    });

    it("every filter works on the mirror, also those the provider cannot apply; LIVE keeps refusing them", async () => {
      await fixture.sync(provider, "Invoice");
      provider.calls.length = 0;
      const ctx = contextOf(fixture.mirror);
      const alice = toGlobalId({ organizationId: ORGANIZATION.id, type: "Contact", remoteId: "c1" });
      expect(remoteIds((await list(ctx, { first: 50 }, { contactId: alice })) as never)).toEqual(["i08", "i06", "i04", "i02", "i00"]);
      expect(remoteIds((await list(ctx, { first: 50 }, { search: "inv-i07" })) as never)).toEqual(["i07"]);
      expect(remoteIds((await list(ctx, { first: 50 }, { search: "bob &" })) as never)).toEqual(["i09", "i07", "i05", "i03", "i01"]);
      expect(remoteIds((await list(ctx, { first: 50 }, { dateFrom: "2026-03-01", dateTo: "2026-05-31" })) as never)).toEqual(["i04", "i03", "i02"]);
      expect(remoteIds((await list(ctx, { first: 50 }, { updatedSince: "2026-09-01T00:00:00Z" })) as never)).toEqual(["i09", "i08"]);
      expect(remoteIds((await list(ctx, { first: 50 }, { status: ["PAID"], contactId: alice })) as never)).toEqual(["i06", "i00"]);
      expect(provider.calls).toEqual([]);

      const live = await refusal(() => list(ctx, { source: ReadSource.LIVE }, { search: "inv" }));
      expect(live.code).toBe("NOT_SUPPORTED");
      expect(provider.calls).toEqual([]);
    });

    it("AUTO before the entity is in sync reads live; a filter only the mirror applies is NOT_SUPPORTED saying when the mirror will answer it", async () => {
      const ctx = contextOf(fixture.mirror);
      const page = await list(ctx, { first: 4 }, { status: ["PAID"] });
      expect(remoteIds(page as never)).toEqual(["i00", "i03", "i06", "i09"]);
      expect(page.edges.every((e) => !e.cursor.startsWith("m:"))).toBe(true);
      expect(provider.calls).toEqual(["list Invoice"]);
      const refused = await refusal(() => list(ctx, {}, { search: "inv" }));
      expect(refused.code).toBe("NOT_SUPPORTED");
      expect(refused.message).toMatch(/mirror applies it once its Invoice records are IN_SYNC/);
    });

    it("a live cursor keeps paging live under AUTO after the entity came in sync, so a client never mixes orders", async () => {
      const ctx = contextOf(fixture.mirror);
      const first = await list(ctx, { first: 4 });
      await fixture.sync(provider, "Invoice");
      provider.calls.length = 0;
      const second = await list(ctx, { first: 4, after: first.pageInfo.endCursor! });
      expect(remoteIds(second as never)).toEqual(["i04", "i05", "i06", "i07"]);
      expect(provider.calls).toEqual(["list Invoice"]);
      // The same cursor under MIRROR is refused; a mirror cursor under LIVE too.
      expect(await refusal(() => list(ctx, { source: ReadSource.MIRROR, after: first.pageInfo.endCursor! }))).toMatchObject({ fields: ["after"] });
      const mirrorPage = await list(ctx, { first: 2 });
      expect(await refusal(() => list(ctx, { source: ReadSource.LIVE, after: mirrorPage.pageInfo.endCursor! }))).toMatchObject({ fields: ["after"] });
    });

    it("tags every record with its freshness: MIRROR as of the later of its write and the last sync, LIVE as of the read; none of it on the record", async () => {
      await fixture.sync(provider, "Invoice");
      const ctx = contextOf(fixture.mirror);
      const mirrored = await list(ctx, { first: 2 });
      const { syncedAt } = await fixture.mirror.entityState(ORGANIZATION.id, "Invoice");
      for (const { node } of mirrored.edges) {
        expect(freshnessOf(node)).toEqual({ source: "MIRROR", syncedAt, asked: "AUTO" });
        expect(Object.keys(node)).not.toContain("freshness");
        expect(JSON.stringify(node)).not.toMatch(/MIRROR/);
      }
      // A row written after the sync (the gateway's own write) is as fresh as its write.
      fixture.clock.set("2026-06-10T12:05:00.000Z");
      await fixture.mirror.observed(ORGANIZATION, "Invoice", [{ ...invoiceRecord("i99", "2026-12-01", ALICE), updatedAt: "2026-06-10T12:05:00.000Z" }], "CREATED");
      const newest = (await list(ctx, { first: 1 })).edges[0]!.node;
      expect(newest.remoteId).toBe("i99");
      expect(freshnessOf(newest)).toMatchObject({ source: "MIRROR", syncedAt: "2026-06-10T12:05:00.000Z" });

      const before = Date.now();
      const live = (await list(ctx, { first: 1, source: ReadSource.LIVE })).edges[0]!.node;
      expect(freshnessOf(live)).toMatchObject({ source: "LIVE", asked: "LIVE" });
      expect(Date.parse(freshnessOf(live)!.syncedAt)).toBeGreaterThanOrEqual(before - 1);
    });

    it("MIRROR answers a STALE entity from the mirror and refuses one never backfilled; without a mirror it is BAD_USER_INPUT on `source`", async () => {
      const ctx = contextOf(fixture.mirror);
      expect((await refusal(() => list(ctx, { source: ReadSource.MIRROR }))).code).toBe("MIRROR_NOT_READY");
      await fixture.sync(provider, "Invoice");
      fixture.clock.set("2026-06-11T12:00:00.000Z");
      provider.calls.length = 0;
      expect((await list(ctx, { source: ReadSource.MIRROR, first: 50 })).edges).toHaveLength(10);
      expect(provider.calls).toEqual([]);
      expect(await refusal(() => list(contextOf(undefined), { source: ReadSource.MIRROR }))).toMatchObject({ code: "BAD_USER_INPUT", fields: ["source"] });
    });
  });

  describe("loaders (node, nodes, references)", () => {
    it("AUTO on an entity in sync reads the mirror; ids it lacks come from one batched live getMany, in the order asked", async () => {
      await fixture.sync(provider, "Contact");
      provider.books.Contact.push(contactRecord("c3", "Carol (created a second ago)"));
      provider.calls.length = 0;
      const loader = createLoaders(accessOver(provider).adapter, fixture.mirror).entity(ORGANIZATION.id, "Contact");
      const [c3, c1, gone, c2] = await Promise.all(["c3", "c1", "nope", "c2"].map((id) => loader.load(id)));
      expect([c3?.name, c1?.name, gone, c2?.name]).toEqual(["Carol (created a second ago)", ALICE.name, null, BOB.name]);
      expect(provider.calls).toEqual(["getMany Contact c3,nope"]);
      expect(freshnessOf(c1)?.source).toBe("MIRROR");
      expect(freshnessOf(c3)?.source).toBe("LIVE");
    });

    it("MIRROR never calls the provider (null where the mirror has no row); LIVE always does; AUTO reads live until the entity is in sync", async () => {
      const loaders = () => createLoaders(accessOver(provider).adapter, fixture.mirror);
      expect((await refusal(() => loaders().entity(ORGANIZATION.id, "Contact", "MIRROR").load("c1"))).code).toBe("MIRROR_NOT_READY");
      expect((await loaders().entity(ORGANIZATION.id, "Contact").load("c1"))?.name).toBe(ALICE.name);
      expect(provider.calls).toEqual(["getMany Contact c1"]);

      await fixture.sync(provider, "Contact");
      provider.books.Contact.push(contactRecord("c3", "Carol"));
      provider.calls.length = 0;
      expect(await loaders().entity(ORGANIZATION.id, "Contact", "MIRROR").loadMany(["c1", "c3"])).toEqual([expect.objectContaining({ name: ALICE.name }), null]);
      expect(provider.calls).toEqual([]);
      expect((await loaders().entity(ORGANIZATION.id, "Contact", "LIVE").load("c1"))?.name).toBe(ALICE.name);
      expect(provider.calls).toEqual(["getMany Contact c1"]);
    });

    it("MIRROR on an entity the mirror does not keep (fetchable, not listable) is BAD_USER_INPUT on `source`; AUTO reads it live", async () => {
      const loaders = createLoaders(accessOver(provider).adapter, fixture.mirror);
      expect(await refusal(() => loaders.entity(ORGANIZATION.id, "Payment", "MIRROR").load("p1"))).toMatchObject({ code: "BAD_USER_INPUT", fields: ["source"] });
      expect(await loaders.entity(ORGANIZATION.id, "Payment").load("p1")).toBeNull();
      expect(provider.calls).toEqual(["getMany Payment p1"]);
    });

    it("a record's references follow the source it came from", async () => {
      await fixture.sync(provider, "Invoice");
      const ctx = contextOf(fixture.mirror);
      const fromMirror = (await list(ctx, { first: 1 })).edges[0]!.node;
      const fromMirrorStrict = (await list(ctx, { first: 1, source: ReadSource.MIRROR })).edges[0]!.node;
      const fromLive = (await list(ctx, { first: 1, source: ReadSource.LIVE })).edges[0]!.node;
      expect(referenceSource(fromMirror)).toBe("MIRROR_FIRST");
      expect(referenceSource(fromMirrorStrict)).toBe("MIRROR");
      expect(referenceSource(fromLive)).toBe("LIVE");
      expect(referenceSource({ remoteId: "from an event" })).toBe("AUTO");

      // Contacts are not in sync: a mirror invoice's contact still comes from the mirror first, falling back live for what it lacks.
      await fixture.mirror.observed(ORGANIZATION, "Contact", [contactRecord("c2", BOB.name)], "CREATED");
      provider.calls.length = 0;
      const contact = await ctx.loaders.entity(ORGANIZATION.id, "Contact", referenceSource(fromMirror)).load("c2");
      expect(contact?.name).toBe(BOB.name);
      expect(freshnessOf(contact)?.source).toBe("MIRROR");
      expect(provider.calls).toEqual([]);
    });
  });

  describe("writes reach the mirror at once", () => {
    const writer = (mirror: MirrorAccess) => writeThrough(provider.adapter, { organization: async () => ORGANIZATION, mirror, logger });
    const inMirror = async (entity: "Invoice" | "Contact", id: string) => (await fixture.store.getMany(ORGANIZATION.id, entity, [id]))[0]?.record ?? null;

    it("a create is observed: the next mirror read has it, with no provider call", async () => {
      await fixture.sync(provider, "Invoice");
      const result = await writer(fixture.mirror).create!("Invoice", { remoteId: "i50", issueDate: "2027-01-01", contact: ALICE } as never, { dryRun: false });
      expect(result.kind).toBe("done");
      provider.calls.length = 0;
      const page = await list(contextOf(fixture.mirror), { first: 1 });
      expect(remoteIds(page as never)).toEqual(["i50"]);
      expect(provider.calls).toEqual([]);
    });

    it("an update is observed; a deleted draft leaves the mirror; a voided invoice is read back and kept VOIDED; a sent one is read back", async () => {
      await fixture.sync(provider, "Invoice");
      provider.books.Invoice.find((r) => r.remoteId === "i01")!.status = "DRAFT";
      await fixture.sync(provider, "Invoice");
      const adapter = writer(fixture.mirror);

      await adapter.update!("Invoice", "i02", { reference: "changed" } as never, { dryRun: false });
      expect((await inMirror("Invoice", "i02"))?.reference).toBe("changed");

      await adapter.remove!("Invoice", "i01", { dryRun: false });
      expect(await inMirror("Invoice", "i01")).toBeNull();

      provider.calls.length = 0;
      await adapter.remove!("Invoice", "i03", { dryRun: false });
      expect(provider.calls).toEqual(["remove Invoice", "getMany Invoice i03"]);
      expect((await inMirror("Invoice", "i03"))?.status).toBe("VOIDED");

      await adapter.send!("Invoice", "i04", { dryRun: false });
      expect((await inMirror("Invoice", "i04"))?.sentToContact).toBe(true);
    });

    it("a dry run writes nothing through", async () => {
      const result = await writer(fixture.mirror).create!("Contact", { remoteId: "c9", name: "Dry" } as never, { dryRun: true });
      expect(result.kind).toBe("dryRun");
      expect(await inMirror("Contact", "c9")).toBeNull();
    });

    it("a failure to write through never fails the write: it is logged, and the next poll repairs", async () => {
      const broken: MirrorAccess = {
        ...fixture.mirror,
        observed: async () => {
          throw new Error("mirror database is gone");
        },
      };
      const result = await writer(broken).create!("Contact", { remoteId: "c8", name: "Kept" } as never, { dryRun: false });
      expect(result).toMatchObject({ kind: "done", record: { remoteId: "c8" } });
      expect(provider.books.Contact.map((c) => c.remoteId)).toContain("c8");
      expect(warnings).toEqual([expect.stringMatching(/could not be written through/)]);
    });
  });
});

describe("where filters run, and the mirror's overall state", () => {
  it("PROVIDER without a mirror; BOTH where the provider filters and the mirror is on; MIRROR where only the mirror can; null where nothing can", () => {
    expect(filterRunsAt(BOOKS_CAPABILITIES, "Invoice", "status", false)).toBe("PROVIDER");
    expect(filterRunsAt(BOOKS_CAPABILITIES, "Invoice", "search", false)).toBeNull();
    expect(filterRunsAt(BOOKS_CAPABILITIES, "Invoice", "status", true)).toBe("BOTH");
    expect(filterRunsAt(BOOKS_CAPABILITIES, "Invoice", "search", true)).toBe("MIRROR");
    // Payments can be fetched but not listed: the mirror does not keep them.
    expect(filterRunsAt(BOOKS_CAPABILITIES, "Payment", "search", true)).toBeNull();
  });

  it("the capability rows keep `supported` as the provider's own and add `runsAt` to filter rows", () => {
    const row = (rows: ReturnType<typeof capabilityMatrix>, operation: string) => rows.find((r) => r.subject === "Invoice" && r.operation === operation)!;
    const off = capabilityMatrix(BOOKS_CAPABILITIES);
    const on = capabilityMatrix(BOOKS_CAPABILITIES, { mirror: true });
    expect(on).toHaveLength(off.length);
    expect(row(off, "filter:search")).toMatchObject({ supported: false, runsAt: null });
    expect(row(on, "filter:search")).toMatchObject({ supported: false, runsAt: "MIRROR" });
    expect(row(on, "filter:search").notes).toMatch(/source: LIVE answers NOT_SUPPORTED/);
    expect(row(on, "filter:status")).toMatchObject({ supported: true, runsAt: "BOTH" });
    expect(row(on, "list").runsAt).toBeUndefined();
  });

  it("BACKFILLING if any entity is, else STALE if any is, else IN_SYNC", () => {
    expect(overallState([{ state: "IN_SYNC" }, { state: "STALE" }, { state: "BACKFILLING" }])).toBe("BACKFILLING");
    expect(overallState([{ state: "IN_SYNC" }, { state: "STALE" }])).toBe("STALE");
    expect(overallState([{ state: "IN_SYNC" }])).toBe("IN_SYNC");
    expect(overallState([])).toBe("IN_SYNC");
  });
});
