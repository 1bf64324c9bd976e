import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { graphql, type GraphQLSchema } from "graphql";
import { buildGatewaySchema } from "../build-schema.js";
import type { ConnectorAdapter } from "../../src/connector/adapter.js";
import type { ActionName, WriteOptions } from "../../src/connector/writes.js";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { guardCapabilities } from "../../src/connector/capability-guard.js";
import { createIdempotency } from "../../src/actions/idempotency.js";
import { createLoaders } from "../../src/loaders/loaders.js";
import { memoryStore } from "../../src/store/key-value-store.js";
import { silentLogger } from "../../src/infra/logger.js";
import { toGlobalId } from "../../src/ids/global-id.js";

/**
 * The resolvers' side of the new actions, over a stub connector: what reaches `create`, `update`
 * and `perform`, how results become payloads, dry runs, and replays by idempotency key.
 */
const ORG = "org-1";
const gid = (type: string, remoteId: string) => toGlobalId({ organizationId: ORG, type, remoteId });
const node = (type: string, remoteId: string, more: Record<string, unknown> = {}) => ({ id: gid(type, remoteId), remoteId, organizationId: ORG, provider: "XERO", raw: () => ({ [`${type}ID`]: remoteId }), ...more });

interface Call {
  kind: string;
  args: unknown[];
}

function stubAdapter(calls: Call[]): ConnectorAdapter {
  const dry = (options: WriteOptions, path: string) => (options.dryRun ? { kind: "dryRun" as const, request: { method: "PUT", path, body: { stub: true } } } : undefined);
  const results: Record<ActionName, (input: any) => unknown> = {
    allocateCredit: (input) => ({
      creditNote: node("CreditNote", input.creditNoteRemoteId, { remainingCredit: "70.00" }),
      document: node(input.documentType === "BILL" ? "Bill" : "Invoice", input.documentRemoteId, { amountCredited: input.amount }),
      amount: input.amount,
      date: input.date ?? "2026-11-21",
    }),
    addStock: (input) => ({ item: node("Item", input.itemRemoteId, { name: "Widget", quantityOnHand: input.quantity }), quantityAdded: input.quantity, via: "bt-9" }),
    transfer: (input) => ({ ...input, remoteId: "tr-1", fromTransactionRemoteId: "bt-out", toTransactionRemoteId: null }),
  };
  const adapter: ConnectorAdapter = {
    provider: "XERO" as ConnectorAdapter["provider"],
    capabilities: {
      entities: {
        CreditNote: { operations: ["allocate", "create"] },
        Item: { operations: ["addStock"] },
        BankTransaction: { operations: ["transfer"] },
        Expense: { operations: ["update"] },
        TimeEntry: { operations: ["create"] },
      },
      reports: {},
    },
    profile: async () => ({ name: "Stub", baseCurrency: "USD" }),
    list: async () => ({ items: [], hasNextPage: false }),
    getMany: async (_entity, ids) => ids.map(() => null),
    balanceSheet: async () => {
      throw new Error("unused");
    },
    profitAndLoss: async () => {
      throw new Error("unused");
    },
    create: (async (entity: string, input: any, options: WriteOptions) => {
      calls.push({ kind: `create ${entity}`, args: [input, options] });
      return dry(options, `/${entity}`) ?? { kind: "done", record: node(entity, `${entity.toLowerCase()}-1`, { hours: input.hours }) };
    }) as ConnectorAdapter["create"],
    update: (async (entity: string, remoteId: string, changes: any, options: WriteOptions) => {
      calls.push({ kind: `update ${entity}`, args: [remoteId, changes, options] });
      return dry(options, `/${entity}/${remoteId}`) ?? { kind: "done", record: node(entity, remoteId, { description: changes.description }) };
    }) as ConnectorAdapter["update"],
    perform: (async (action: ActionName, input: any, options: WriteOptions) => {
      calls.push({ kind: action, args: [input, options] });
      await new Promise((resolve) => setTimeout(resolve, 5));
      return dry(options, `/${action}`) ?? { kind: "done", record: results[action](input) };
    }) as ConnectorAdapter["perform"],
  };
  return guardCapabilities(adapter);
}

describe("new action resolvers over a stub connector", () => {
  let schema: GraphQLSchema;
  let calls: Call[];
  let ctx: GatewayContext;
  beforeAll(async () => {
    schema = await buildGatewaySchema();
  });
  beforeEach(() => {
    calls = [];
    const adapter = stubAdapter(calls);
    const organizations = { list: async () => [], get: async () => ({}) as never, adapter: async () => adapter };
    ctx = {
      requestId: "r-1",
      principal: { apiKeyId: "k", name: "test", organizationIds: "*", scopes: [] },
      organizations,
      loaders: createLoaders(organizations.adapter),
      logger: silentLogger,
      connectFlows: {},
      idempotency: createIdempotency(memoryStore()),
    };
  });
  const run = async (source: string, variableValues?: Record<string, unknown>) => {
    const result = await graphql({ schema, source, variableValues, contextValue: ctx });
    return result as { data?: Record<string, any> | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, any> }> };
  };

  const ALLOCATE = `mutation($c: ID!, $d: ID!, $key: String, $dry: Boolean = false) {
    allocateCreditNote(creditNoteId: $c, documentId: $d, amount: "50", idempotencyKey: $key, dryRun: $dry) {
      amount date replayed request { method path } creditNote { id remainingCredit raw } invoice { id amountCredited } bill { id amountCredited } } }`;

  it("allocateCreditNote returns the invoice or the bill, by the document's type", async () => {
    const toInvoice = await run(ALLOCATE, { c: gid("CreditNote", "cn-1"), d: gid("Invoice", "inv-1") });
    expect(toInvoice.errors).toBeUndefined();
    expect(toInvoice.data!.allocateCreditNote).toEqual({
      amount: "50.00", date: "2026-11-21", replayed: false, request: null, bill: null,
      creditNote: { id: gid("CreditNote", "cn-1"), remainingCredit: "70.00", raw: { CreditNoteID: "cn-1" } },
      invoice: { id: gid("Invoice", "inv-1"), amountCredited: "50.00" },
    });
    expect(calls[0]).toEqual({ kind: "allocateCredit", args: [{ creditNoteRemoteId: "cn-1", documentType: "INVOICE", documentRemoteId: "inv-1", amount: "50.00", date: null }, { dryRun: false, idempotencyKey: undefined }] });

    const toBill = await run(ALLOCATE, { c: gid("CreditNote", "cn-2"), d: gid("Bill", "bill-1") });
    expect(toBill.data!.allocateCreditNote).toMatchObject({ invoice: null, bill: { id: gid("Bill", "bill-1"), amountCredited: "50.00" } });
    expect((calls[1].args[0] as { documentType: string }).documentType).toBe("BILL");
  });

  it("allocateCreditNote as a dry run echoes the amount and returns the request", async () => {
    const { data } = await run(ALLOCATE, { c: gid("CreditNote", "cn-1"), d: gid("Invoice", "inv-1"), dry: true });
    expect(data!.allocateCreditNote).toMatchObject({ amount: "50.00", date: null, creditNote: null, invoice: null, bill: null, request: { method: "PUT", path: "/allocateCredit" } });
  });

  it("addStock runs once per idempotency key (also when called at once), and refuses the key with other input", async () => {
    const ADD = `mutation($q: Decimal!) { addStock(itemId: "${gid("Item", "it-1")}", quantity: $q, idempotencyKey: "stock-1") { quantityAdded via replayed item { id quantityOnHand } } }`;
    const answers = await Promise.all([run(ADD, { q: "5" }), run(ADD, { q: "5" }), run(ADD, { q: "5" })]);
    expect(answers.map((a) => a.data!.addStock.replayed).sort()).toEqual([false, true, true]);
    expect(answers[0].data!.addStock).toMatchObject({ quantityAdded: "5", via: "bt-9", item: { id: gid("Item", "it-1"), quantityOnHand: "5" } });
    expect(calls.filter((c) => c.kind === "addStock")).toHaveLength(1);
    const other = await run(ADD, { q: "6" });
    expect(other.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "idempotencyKey" }] });
  });

  it("createBankTransfer names the transactions it made as global BankTransaction ids", async () => {
    const { data, errors } = await run(`mutation { createBankTransfer(organizationId: "${ORG}", input: { fromAccountCode: " 090", toAccountCode: "091", amount: "250", date: "2026-11-20" }) {
      record { remoteId fromAccountCode toAccountCode amount date reference fromTransactionId toTransactionId } } }`);
    expect(errors).toBeUndefined();
    expect(data!.createBankTransfer.record).toEqual({
      remoteId: "tr-1", fromAccountCode: "090", toAccountCode: "091", amount: "250.00", date: "2026-11-20", reference: null,
      fromTransactionId: gid("BankTransaction", "bt-out"), toTransactionId: null,
    });
  });

  it("updateExpense hands provider ids to the connector and supports dry runs", async () => {
    const UPDATE = `mutation($id: ID!, $input: ExpenseUpdateInput!, $dry: Boolean) { updateExpense(id: $id, input: $input, dryRun: $dry) { record { id description } request { path } replayed } }`;
    const input = { description: "Taxi", contactId: gid("Contact", "c-1"), projectId: null };
    const { data } = await run(UPDATE, { id: gid("Expense", "ex-1"), input, dry: true });
    expect(data!.updateExpense).toEqual({ record: null, request: { path: "/Expense/ex-1" }, replayed: false });
    expect(calls[0].args).toEqual(["ex-1", { description: "Taxi", contactRemoteId: "c-1", projectRemoteId: null }, { dryRun: true }]);
    const done = await run(UPDATE, { id: gid("Expense", "ex-1"), input: { description: "Train" } });
    expect(done.data!.updateExpense.record).toEqual({ id: gid("Expense", "ex-1"), description: "Train" });
  });

  it("createTimeEntry hands the project, task and staff as provider ids", async () => {
    const { data, errors } = await run(`mutation($input: TimeEntryInput!) { createTimeEntry(organizationId: "${ORG}", input: $input) { record { id hours } } }`, {
      input: { projectId: gid("Project", "p-1"), taskId: gid("Task", "t-1"), staffId: gid("Staff", "s-1"), date: "2026-11-20", hours: "7.5", isBillable: true },
    });
    expect(errors).toBeUndefined();
    expect(data!.createTimeEntry.record).toEqual({ id: gid("TimeEntry", "timeentry-1"), hours: "7.5" });
    expect(calls[0].args[0]).toEqual({ projectRemoteId: "p-1", taskRemoteId: "t-1", staffRemoteId: "s-1", date: "2026-11-20", hours: "7.5", isBillable: true });
  });
});
