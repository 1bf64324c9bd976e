import type { ClientaryBooks, EstimateRecord, InvoiceRecord, MessageRecord } from "../types.js";
import { unprocessable } from "../../http/errors.js";
import { nextId } from "../seed/context.js";
import { ESTIMATE, INVOICE } from "../status-codes.js";
import { fieldErrors, stampOf, text, touch, truthy } from "./fields.js";

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The message fields, sent bare (`{recipients, subject, ...}`) or wrapped as `{"message": {...}}`. */
function messageFields(body: unknown): Record<string, unknown> {
  const fields = (body ?? {}) as Record<string, unknown>;
  return fields.message && typeof fields.message === "object" && !Array.isArray(fields.message) ? (fields.message as Record<string, unknown>) : fields;
}

/**
 * POST /invoices/:id/messages and /estimates/:id/messages: emails the document (recorded, not
 * delivered) to `recipients`; the account's subject when none is given. A draft becomes sent; a
 * cancelled document cannot be sent.
 */
export function sendMessage(books: ClientaryBooks, kind: "invoice" | "estimate", doc: InvoiceRecord | EstimateRecord, body: unknown, now: Date): MessageRecord {
  const fields = messageFields(body);
  const cancelled = kind === "invoice" ? INVOICE.CANCELLED : ESTIMATE.CANCELLED;
  if (doc.status === cancelled) throw unprocessable({ base: [`A cancelled ${kind} can't be sent`] });
  const errors = fieldErrors();
  const raw = fields.recipients;
  const recipients = (Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? raw.split(",") : []).map((r) => r.trim()).filter(Boolean);
  if (recipients.length === 0) errors.add("recipients", "can't be blank");
  for (const address of recipients) if (!EMAIL.test(address)) errors.add("recipients", `${address} is not a valid email address`);
  errors.check();
  const stamp = stampOf(now);
  const label = kind === "invoice" ? "Invoice" : "Estimate";
  const message: MessageRecord = {
    id: nextId(books, "message"), created_at: stamp, updated_at: stamp, document: kind, document_id: doc.id, recipients,
    subject: text(fields.subject) ?? `${label} #${doc.number} from ${books.account.name}`, message: text(fields.message && typeof fields.message === "string" ? fields.message : null),
    send_copy: truthy(fields.send_copy), attach_pdf: fields.attach_pdf === undefined ? true : truthy(fields.attach_pdf),
  };
  (books.messages ??= []).push(message);
  if (doc.status === 0) doc.status = 1;
  touch(doc, now);
  return message;
}
