import { describe, expect, it } from "vitest";
import { toGlobalId } from "../ids/global-id.js";
import type { StoredEvent } from "./event.js";
import { toEventView } from "./event-view.js";

const at = "2026-12-07T10:00:00.000Z";

describe("toEventView: the event as subscriptions and webhook bodies show it", () => {
  it("a record event: its record's global id, no webhookEndpoint key", () => {
    const event: StoredEvent = {
      cursor: "c1", id: "evt_1", type: "INVOICE_UPDATED", entity: "Invoice", change: "UPDATED", organizationId: "org_1", provider: "XERO" as StoredEvent["provider"], remoteId: "inv-1",
      occurredAt: at, detectedAt: at, record: { status: "PAID" },
    };
    const view = toEventView(event);
    expect(view).toEqual({
      cursor: "c1", id: "evt_1", type: "INVOICE_UPDATED", change: "UPDATED", entity: "Invoice", organizationId: "org_1", provider: "XERO", remoteId: "inv-1",
      recordId: toGlobalId({ organizationId: "org_1", type: "Invoice", remoteId: "inv-1" }), occurredAt: at, detectedAt: at, record: { status: "PAID" },
    });
    expect(JSON.parse(JSON.stringify(view))).not.toHaveProperty("webhookEndpoint");
  });

  it("a key event: no organization, provider or record id, its subject as webhookEndpoint, and never its apiKeyId", () => {
    const subject = { id: "whep_1", url: "https://example.com/hook", status: "DISABLED" };
    const event: StoredEvent = {
      cursor: "c2", id: "evt_2", type: "WEBHOOK_ENDPOINT_DISABLED", entity: "WebhookEndpoint", change: "UPDATED", organizationId: null, provider: null, remoteId: "whep_1",
      occurredAt: at, detectedAt: at, record: null, apiKeyId: "key_1", subject,
    };
    const body = JSON.parse(JSON.stringify(toEventView(event)));
    expect(body).toMatchObject({ type: "WEBHOOK_ENDPOINT_DISABLED", organizationId: null, provider: null, recordId: null, record: null, remoteId: "whep_1", webhookEndpoint: subject });
    expect(body).not.toHaveProperty("apiKeyId");
  });
});
