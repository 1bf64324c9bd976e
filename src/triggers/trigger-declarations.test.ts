import { describe, expect, it } from "vitest";
import { connectors } from "../../connectors/index.js";
import { declaredChangesOf, declaredTriggers, triggerEntities } from "./trigger-declarations.js";

const byProvider = Object.fromEntries(connectors.map((c) => [c.provider, c.capabilities]));
const table = (provider: string) => Object.fromEntries(declaredTriggers(byProvider[provider]!).map(({ entity, triggers }) => [entity, [...triggers]]));

describe("triggers declared by the connectors", () => {
  it("Xero: documents are created, updated, voided and deleted; contacts are never deleted", () => {
    const document = ["created", "updated", "voided", "deleted"];
    expect(table("XERO")).toEqual({
      Contact: ["created", "updated"], Invoice: document, Bill: document, CreditNote: document, BankTransaction: document,
      Payment: ["created", "updated", "deleted"], Quote: ["created", "updated", "deleted"],
    });
  });

  it("Daftra and Clientary", () => {
    expect(table("DAFTRA")).toEqual({ Invoice: ["created", "updated", "deleted"], Item: ["created", "updated", "deleted"], Contact: ["created", "deleted"], Quote: ["created", "deleted"] });
    const arrivals = ["created", "deleted"];
    expect(table("CLIENTARY")).toEqual(Object.fromEntries(["Contact", "Invoice", "Payment", "Quote", "Expense", "Project", "Task", "Lead", "Staff"].map((e) => [e, arrivals])));
  });

  it("only entities the connector can list have triggers (the pollers list them)", () => {
    for (const connector of connectors) {
      for (const { entity } of declaredTriggers(connector.capabilities)) {
        expect(connector.capabilities.entities[entity]!.operations, `${connector.provider} ${entity}`).toContain("list");
      }
    }
  });

  it("changes read as ChangeKind values; the EventType enum covers every entity with triggers", () => {
    expect(declaredChangesOf(byProvider.XERO!, "Invoice")).toEqual(["CREATED", "UPDATED", "VOIDED", "DELETED"]);
    expect(declaredChangesOf(byProvider.XERO!, "Account")).toEqual([]);
    expect(triggerEntities(connectors).sort()).toEqual(
      ["BankTransaction", "Bill", "Contact", "CreditNote", "Expense", "Invoice", "Item", "Lead", "Payment", "Project", "Quote", "Staff", "Task"],
    );
  });
});
