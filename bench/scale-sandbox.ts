import { createXeroSandbox, type XeroSandbox } from "../connectors/xero/sandbox/server.js";
import { garbageCollector } from "./fan-out-process.js";
import { growInvoices } from "./scale-books.js";

/**
 * The Xero sandbox of the mirror-scale benchmark, standing in for Xero in a process of its own: its
 * books grown to N invoices and bills in memory (no state file, so no save after each change), at
 * Xero's limits. The gateway connects to it as to real Xero (the OAuth consent flow). Driven over IPC:
 *
 *   → { op: "start", documents }           ← { op: "started", sandbox: ScaleSandboxInfo }
 *   → { op: "webhooks", url, key }         ← { op: "webhooks", ok, problems }   (Xero's intent to receive)
 *   → { op: "stats" }                      ← { op: "stats", total, invoices }   (requests served: all, /Invoices)
 *   → { op: "close" }                      exits
 */
export type ScaleSandboxRequest =
  | { op: "start"; documents: number }
  | { op: "webhooks"; url: string; key: string }
  | { op: "stats" }
  | { op: "close" };

export interface ScaleSandboxInfo {
  url: string;
  clientId: string;
  clientSecret: string;
  tenantId: string;
  invoices: number;
  bills: number;
  /** Heap the grown books take in the sandbox process. */
  booksHeap: number;
  /** Time to grow the books. */
  growMs: number;
  /** What a new sales invoice can use: a customer, and a seeded invoice line's sales account and tax. */
  template: { contactId: string; accountCode?: string; taxType?: string };
}

export const INVOICES_PATH = "/api.xro/2.0/Invoices";

let sandbox: XeroSandbox | undefined;

async function handle(message: ScaleSandboxRequest): Promise<unknown> {
  switch (message.op) {
    case "start": {
      const gc = garbageCollector();
      sandbox = await createXeroSandbox({ port: 0 });
      gc?.();
      const before = process.memoryUsage().heapUsed;
      const started = performance.now();
      growInvoices(sandbox.books, message.documents);
      const growMs = performance.now() - started;
      gc?.();
      const booksHeap = process.memoryUsage().heapUsed - before;
      const invoices = sandbox.books.invoices.filter((i) => i.Type === "ACCREC").length;
      const sale = sandbox.books.invoices.find((i) => i.Type === "ACCREC" && i.LineItems[0]?.AccountCode)!;
      const template = { contactId: sale.Contact.ContactID, accountCode: sale.LineItems[0]!.AccountCode, taxType: sale.LineItems[0]!.TaxType };
      const info: ScaleSandboxInfo = {
        url: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, tenantId: sandbox.tenantId,
        invoices, bills: sandbox.books.invoices.length - invoices, booksHeap, growMs, template,
      };
      return { op: "started", sandbox: info };
    }
    case "webhooks": {
      sandbox!.configureWebhooks({ url: message.url, key: message.key });
      const result = await sandbox!.verifyWebhookEndpoint();
      return { op: "webhooks", ok: result.ok, problems: result.checks.filter((c) => !c.ok).map((c) => `${c.signature}: ${c.problem ?? "failed"}`) };
    }
    case "stats":
      return { op: "stats", total: sandbox?.stats.total ?? 0, invoices: sandbox?.stats.byPath[INVOICES_PATH] ?? 0 };
    case "close":
      await sandbox?.close();
      process.exit(0);
  }
}

process.on("message", (message: ScaleSandboxRequest) => {
  handle(message).then(
    (answer) => process.send!(answer),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
