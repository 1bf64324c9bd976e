import { createHash } from "node:crypto";
import { journal, type Basis, type JournalLine } from "./ledger.js";
import type { XeroBooks } from "./types.js";

/**
 * The sandbox's `GET /Journals`: the same journal its reports are made from (`journal(books, basis)`),
 * grouped into Xero journals — one per source record and date — numbered in date order.
 * https://developer.xero.com/documentation/api/accounting/journals
 */
export interface SandboxJournalLine {
  JournalLineID: string;
  AccountID: string;
  AccountCode: string;
  AccountType: string;
  AccountName: string;
  Description: string;
  NetAmount: number;
  GrossAmount: number;
  TaxAmount: number;
  TaxType?: string;
  TaxName?: string;
}

export interface SandboxJournal {
  JournalID: string;
  /** "YYYY-MM-DD" (the route writes it as `/Date(ms+0000)/`). */
  JournalDate: string;
  JournalNumber: number;
  /** ISO timestamp: when the source record last changed (the journal is made from it). */
  CreatedDateUTC: string;
  Reference?: string;
  SourceID: string;
  SourceType: string;
  JournalLines: SandboxJournalLine[];
}

/** A GUID-shaped id that stays the same for the same text. */
function stableGuid(text: string): string {
  const hex = createHash("sha1").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

interface Source { type: string; id: string; reference?: string; updated?: string }

/** Xero's SourceType and SourceID for a sandbox journal source (an allocation belongs to its credit note). */
function sourceIndex(books: XeroBooks): (line: JournalLine) => Source {
  const invoices = new Map(books.invoices.map((i) => [i.InvoiceID, i]));
  const notes = new Map(books.creditNotes.map((n) => [n.CreditNoteID, n]));
  const payments = new Map(books.payments.map((p) => [p.PaymentID, p]));
  const banking = new Map(books.bankTransactions.map((t) => [t.BankTransactionID, t]));
  const transfers = new Map(books.bankTransfers.map((t) => [t.BankTransferID, t]));
  const allocations = new Map(books.creditNotes.flatMap((n) => n.Allocations.map((a) => [a.AllocationID, n] as const)));
  return ({ source }) => {
    switch (source.type) {
      case "ACCREC":
      case "ACCPAY": {
        const i = invoices.get(source.id);
        return { type: source.type, id: source.id, reference: i?.InvoiceNumber ?? i?.Reference, updated: i?.UpdatedDateUTC };
      }
      case "ACCRECCREDIT":
      case "ACCPAYCREDIT": {
        const n = notes.get(source.id);
        return { type: source.type, id: source.id, reference: n?.CreditNoteNumber, updated: n?.UpdatedDateUTC };
      }
      case "Payment": {
        const p = payments.get(source.id);
        return { type: p?.PaymentType ?? "ACCRECPAYMENT", id: source.id, reference: p?.Reference, updated: p?.UpdatedDateUTC };
      }
      case "Allocation": {
        const n = allocations.get(source.id);
        return { type: n?.Type ?? "ACCRECCREDIT", id: n?.CreditNoteID ?? source.id, reference: n?.CreditNoteNumber, updated: n?.UpdatedDateUTC };
      }
      case "BankTransaction": {
        const t = banking.get(source.id);
        return { type: t?.Type.startsWith("SPEND") ? "CASHPAID" : "CASHREC", id: source.id, reference: t?.Reference, updated: t?.UpdatedDateUTC };
      }
      default: {
        const t = transfers.get(source.id);
        return { type: "TRANSFER", id: source.id, updated: t?.CreatedDateUTC };
      }
    }
  };
}

/** Every journal of the books on `basis`, oldest first, numbered from 1. */
export function xeroJournals(books: XeroBooks, basis: Basis): SandboxJournal[] {
  const accounts = new Map(books.accounts.map((a) => [a.Code, a]));
  const sourceOf = sourceIndex(books);
  const groups = new Map<string, { date: string; source: Source; key: string; lines: JournalLine[] }>();
  for (const line of journal(books, basis)) {
    const source = sourceOf(line);
    const key = `${basis}|${line.source.type}|${line.source.id}|${line.date}`;
    const group = groups.get(key) ?? groups.set(key, { date: line.date, source, key, lines: [] }).get(key)!;
    group.lines.push(line);
  }
  const ordered = [...groups.values()].map((g, i) => ({ g, i })).sort((a, b) => (a.g.date < b.g.date ? -1 : a.g.date > b.g.date ? 1 : a.i - b.i));
  return ordered.map(({ g }, n) => ({
    JournalID: stableGuid(g.key),
    JournalDate: g.date,
    JournalNumber: n + 1,
    CreatedDateUTC: g.source.updated ?? `${g.date}T00:00:00.000Z`,
    ...(g.source.reference ? { Reference: g.source.reference } : {}),
    SourceID: g.source.id,
    SourceType: g.source.type,
    JournalLines: g.lines.map((l, j) => {
      const account = accounts.get(l.accountCode);
      const amount = l.amount.toNumber();
      return {
        JournalLineID: stableGuid(`${g.key}|${j}`),
        AccountID: l.accountId,
        AccountCode: l.accountCode,
        AccountType: account?.Type ?? "",
        AccountName: account?.Name ?? "",
        Description: "",
        NetAmount: amount,
        GrossAmount: amount,
        TaxAmount: 0,
      };
    }),
  }));
}
