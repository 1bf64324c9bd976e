import { describe, expect, it } from "vitest";
import type { EventPredicate } from "../events/record-conditions.js";
import type { NewEvent } from "./event.js";
import { reaches, type EventAudience } from "./event-audience.js";

const now = "2026-12-07T10:00:00.000Z";
const recordEvent = (organizationId: string, type = "INVOICE_UPDATED", record: Record<string, unknown> | null = { status: "PAID" }): NewEvent => ({
  id: `evt_${organizationId}_${type}`, type, entity: "Invoice", change: "UPDATED", organizationId, provider: "XERO" as NewEvent["provider"], remoteId: "inv-1", occurredAt: now, detectedAt: now, record,
});
const keyEvent = (apiKeyId: string): NewEvent => ({
  id: `evt_key_${apiKeyId}`, type: "WEBHOOK_ENDPOINT_DISABLED", entity: "WebhookEndpoint", change: "UPDATED", organizationId: null, provider: null, remoteId: "whep_1", occurredAt: now, detectedAt: now,
  record: null, apiKeyId, subject: { id: "whep_1", status: "DISABLED" },
});
const paidOnly: EventPredicate = (event) => event.record?.status === "PAID";

describe("reaches: record events", () => {
  const cases: Array<[string, NewEvent, EventAudience, boolean]> = [
    ["a granted organization", recordEvent("org_a"), { apiKeyId: "k1", grantedOrganizationIds: ["org_a"] }, true],
    ["an organization not granted", recordEvent("org_b"), { apiKeyId: "k1", grantedOrganizationIds: ["org_a"] }, false],
    ["every organization granted", recordEvent("org_b"), { apiKeyId: "k1", grantedOrganizationIds: "*" }, true],
    ["granted and asked for", recordEvent("org_a"), { apiKeyId: "k1", grantedOrganizationIds: "*", askedOrganizationIds: new Set(["org_a"]) }, true],
    ["granted, not asked for", recordEvent("org_b"), { apiKeyId: "k1", grantedOrganizationIds: "*", askedOrganizationIds: new Set(["org_a"]) }, false],
    ["asked for but no longer granted", recordEvent("org_a"), { apiKeyId: "k1", grantedOrganizationIds: ["org_b"], askedOrganizationIds: new Set(["org_a"]) }, false],
    ["its type named", recordEvent("org_a"), { apiKeyId: "k1", grantedOrganizationIds: "*", types: new Set(["INVOICE_UPDATED"]) }, true],
    ["another type named", recordEvent("org_a"), { apiKeyId: "k1", grantedOrganizationIds: "*", types: new Set(["INVOICE_CREATED"]) }, false],
    ["the predicate holds", recordEvent("org_a"), { apiKeyId: "k1", grantedOrganizationIds: "*", predicate: paidOnly }, true],
    ["the predicate fails", recordEvent("org_a", "INVOICE_UPDATED", { status: "DRAFT" }), { apiKeyId: "k1", grantedOrganizationIds: "*", predicate: paidOnly }, false],
    ["the predicate is not asked when the organization is not granted", recordEvent("org_b"), { apiKeyId: "k1", grantedOrganizationIds: ["org_a"], predicate: () => true }, false],
  ];
  it.each(cases)("%s", (_name, event, audience, expected) => {
    expect(reaches(event, audience)).toBe(expected);
  });
});

describe("reaches: key events", () => {
  const named = new Set(["WEBHOOK_ENDPOINT_DISABLED"]);
  const cases: Array<[string, EventAudience, boolean]> = [
    ["its own key, its type named", { apiKeyId: "k1", grantedOrganizationIds: ["org_a"], types: named }, true],
    ["its own key, no types named (key events are opt-in)", { apiKeyId: "k1", grantedOrganizationIds: "*" }, false],
    ["its own key, other types named", { apiKeyId: "k1", grantedOrganizationIds: "*", types: new Set(["INVOICE_CREATED"]) }, false],
    ["another key, its type named", { apiKeyId: "k2", grantedOrganizationIds: "*", types: named }, false],
    ["its own key with organizations asked for (they do not apply)", { apiKeyId: "k1", grantedOrganizationIds: [], askedOrganizationIds: new Set(["org_a"]), types: named }, true],
    ["its own key with a record predicate (it does not apply)", { apiKeyId: "k1", grantedOrganizationIds: "*", types: named, predicate: () => false }, true],
  ];
  it.each(cases)("%s", (_name, audience, expected) => {
    expect(reaches(keyEvent("k1"), audience)).toBe(expected);
  });
});
