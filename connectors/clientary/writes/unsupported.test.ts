import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntityName } from "../../../src/connector/entities.js";
import type { ActionInputs, ActionName, CreatableEntity, UpdatableEntity } from "../../../src/connector/writes.js";
import { ErrorCode } from "../../../src/errors/index.js";
import type { SandboxOrganization } from "../testing/sandbox-organization.js";
import { rejectionOf, SEND, startWritableOrganization } from "../testing/write-fixtures.js";

let org: SandboxOrganization;
beforeAll(async () => {
  org = await startWritableOrganization();
});
afterAll(() => org.sandbox.close());

/** Proves the refusal came before any request reached Clientary. */
async function refusal(run: () => Promise<unknown>) {
  const before = org.sandbox.stats.total;
  const error = await rejectionOf(run());
  expect(org.sandbox.stats.total, "requests sent").toBe(before);
  return error;
}

describe("what Clientary cannot do answers NOT_SUPPORTED naming the provider and the operation", () => {
  it.each([
    ["Bill", /no bills or suppliers/],
    ["CreditNote", /no credit notes/],
    ["PurchaseOrder", /no purchase orders/],
    ["Item", /no products or items catalogue/],
    ["BankTransaction", /no bank accounts/],
    ["Lead", /no lead create/],
    ["Staff", /reads staff only/],
  ] as const)("create %s, saying why", async (entity, reason) => {
    const error = await refusal(() => org.adapter.create!(entity as CreatableEntity, {} as never, SEND));
    expect(error).toMatchObject({ code: ErrorCode.NOT_SUPPORTED, extensions: { provider: "CLIENTARY", operation: `create ${entity}` } });
    expect(error.message).toMatch(reason);
  });

  it("a supplier contact (Clientary's clients are customers)", async () => {
    const error = await refusal(() => org.adapter.create!("Contact", { name: "Paper Supplier", role: "SUPPLIER" }, SEND));
    expect(error).toMatchObject({ code: ErrorCode.NOT_SUPPORTED, extensions: { provider: "CLIENTARY", operation: "supplier contacts" } });
  });

  it.each([
    ["Payment", /no payment edits/],
    ["Bill", /no bills/],
    ["Project", /no project update/],
  ] as const)("update %s, with the reason where Clientary has the entity", async (entity, reason) => {
    const error = await refusal(() => org.adapter.update!(entity as UpdatableEntity, "1", {} as never, SEND));
    expect(error).toMatchObject({ code: ErrorCode.NOT_SUPPORTED, extensions: { provider: "CLIENTARY", operation: `update ${entity}` } });
    expect(error.message).toMatch(reason);
  });

  it("notes on invoices: Clientary's API has none", async () => {
    const error = await refusal(() => org.adapter.addNote!("Invoice", "1", "Called the client", SEND));
    expect(error).toMatchObject({ code: ErrorCode.NOT_SUPPORTED, extensions: { provider: "CLIENTARY", operation: "note Invoice" } });
    expect(error.message).toMatch(/no notes on invoices/);
  });

  it.each([["Payment", "send"], ["Staff", "delete"], ["CreditNote", "delete"]] as const)("%s: %s", async (entity, operation) => {
    const run = operation === "send" ? () => org.adapter.send!(entity as EntityName, "1", SEND) : () => org.adapter.remove!(entity as EntityName, "1", SEND);
    const error = await refusal(run);
    expect(error).toMatchObject({ code: ErrorCode.NOT_SUPPORTED, extensions: { provider: "CLIENTARY", operation: `${operation} ${entity}` } });
  });

  it.each([
    ["allocateCredit", "allocate CreditNote", /no credit notes/],
    ["addStock", "addStock Item", /no stock to add/],
    ["transfer", "transfer BankTransaction", /no bank transactions or transfers/],
  ] as const)("perform %s", async (action, operation, reason) => {
    const error = await refusal(() => org.adapter.perform!(action as ActionName, {} as ActionInputs[ActionName], SEND));
    expect(error).toMatchObject({ code: ErrorCode.NOT_SUPPORTED, extensions: { provider: "CLIENTARY", operation } });
    expect(error.message).toMatch(reason);
  });
});
