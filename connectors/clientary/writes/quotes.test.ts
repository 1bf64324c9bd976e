import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuoteInput } from "../../../src/connector/inputs.js";
import { ErrorCode } from "../../../src/errors/index.js";
import type { SandboxOrganization } from "../testing/sandbox-organization.js";
import { DRY_RUN, expectDryRun, recordOf, rejectionOf, SEND, startWritableOrganization } from "../testing/write-fixtures.js";

let org: SandboxOrganization;
beforeAll(async () => {
  org = await startWritableOrganization();
});
afterAll(() => org.sandbox.close());

const books = () => org.sandbox.books;
const stored = (id: string) => books().estimates.find((e) => String(e.id) === id);
const client = () => books().clients.find((c) => books().contacts.some((p) => p.client_id === c.id))!;
const input = (over: Partial<QuoteInput> = {}): QuoteInput => ({
  contactRemoteId: String(client().id), title: "Website refresh", summary: "Phase one", terms: "50% up front",
  lines: [{ description: "Design", quantity: "10", unitAmount: "95" }, { description: "Build", quantity: "20", unitAmount: "110", taxRateCode: "TAXABLE" }], ...over,
});
const create = async (over: Partial<QuoteInput> = {}) => recordOf(await org.adapter.create!("Quote", input(over), SEND));

describe("quotes are Clientary estimates", () => {
  it("creates a draft estimate with today's date and the account's currency", async () => {
    const quote = await create({ reference: "RFP-3" });
    expect(stored(quote.remoteId)).toMatchObject({ client_id: client().id, status: 0, date: "2026/11/15", currency_code: "USD", title: "Website refresh", summary: "Phase one", note: "50% up front", po: "RFP-3", subtotal: 3150 });
    expect(stored(quote.remoteId)!.estimate_items.map((i) => [i.title, i.taxable])).toEqual([["Design", false], ["Build", true]]);
    expect(quote).toMatchObject({ status: "DRAFT", title: "Website refresh", terms: "50% up front", total: "3150.00" });
  });

  it("creates one for a lead too (Clientary estimates leads)", async () => {
    const lead = books().leads[0]!;
    const quote = await create({ contactRemoteId: String(lead.id) });
    expect(stored(quote.remoteId)!.client_id).toBe(lead.id);
  });

  it("updates: lines replace the estimate's, status moves to SENT then ACCEPTED", async () => {
    const quote = await create();
    const [design] = quote.lineItems;
    await org.adapter.update!("Quote", quote.remoteId, { lines: [{ remoteId: design!.remoteId, quantity: "12" }], status: "SENT" }, SEND);
    expect(stored(quote.remoteId)).toMatchObject({ status: 1, subtotal: 1140 });
    expect(stored(quote.remoteId)!.estimate_items).toHaveLength(1);
    const accepted = recordOf(await org.adapter.update!("Quote", quote.remoteId, { status: "ACCEPTED" }, SEND));
    expect(accepted.status).toBe("ACCEPTED");
    expect(stored(quote.remoteId)!.status).toBe(6);
  });

  it("keeps an accepted estimate's lines (Clientary's 422 as PROVIDER_VALIDATION)", async () => {
    const quote = await create({ status: "ACCEPTED" });
    const error = await rejectionOf(org.adapter.update!("Quote", quote.remoteId, { lines: [{ description: "More", unitAmount: "1" }] }, SEND));
    expect(error).toMatchObject({ code: ErrorCode.PROVIDER_VALIDATION, extensions: { providerErrors: [{ field: "base", message: "The estimate is accepted: its terms can't be changed" }] } });
  });

  it.each([
    [{ expiryDate: "2026-12-31" }, ErrorCode.BAD_USER_INPUT],
    [{ status: "MAYBE" }, ErrorCode.BAD_USER_INPUT],
    [{ status: "INVOICED" }, ErrorCode.NOT_SUPPORTED],
  ])("refuses %j (%s) before calling Clientary", async (over, code) => {
    const writes = org.sandbox.stats.writes;
    await expect(org.adapter.create!("Quote", input(over), SEND)).rejects.toMatchObject({ code });
    expect(org.sandbox.stats.writes).toBe(writes);
  });

  it("deletes an estimate", async () => {
    const quote = await create();
    expect(await org.adapter.remove!("Quote", quote.remoteId, SEND)).toEqual({ kind: "done", record: { outcome: "DELETED" } });
    expect(stored(quote.remoteId)).toBeUndefined();
  });

  it("sends an estimate to the client's contacts, marking a draft sent", async () => {
    const quote = await create();
    await org.adapter.send!("Quote", quote.remoteId, SEND);
    expect(books().messages!.at(-1)).toMatchObject({ document: "estimate", document_id: Number(quote.remoteId) });
    expect(stored(quote.remoteId)!.status).toBe(1);
  });

  it("dry runs describe the exact requests and change nothing", async () => {
    const quote = await create();
    expect(await expectDryRun(org, () => org.adapter.update!("Quote", quote.remoteId, { title: "New title", terms: null }, DRY_RUN))).toEqual({
      kind: "dryRun", request: { method: "PUT", path: `/api/v2/estimates/${quote.remoteId}`, body: { estimate: { title: "New title", note: "" } } },
    });
    const created = await expectDryRun(org, () => org.adapter.create!("Quote", input({ lines: [{ description: "One", unitAmount: "1" }] }), DRY_RUN));
    expect(created).toMatchObject({ kind: "dryRun", request: { method: "POST", path: "/api/v2/estimates", body: { estimate: { client_id: client().id, date: "2026-11-15", currency_code: "USD" } } } });
    expect(await expectDryRun(org, () => org.adapter.remove!("Quote", quote.remoteId, DRY_RUN))).toMatchObject({ request: { method: "DELETE", path: `/api/v2/estimates/${quote.remoteId}` } });
  });
});
