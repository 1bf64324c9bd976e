import { describe, expect, it } from "vitest";
import { invoiceView } from "./invoice-view.js";
import { seedBooks } from "./seed.js";

const TODAY = "2026-11-15";
const books = seedBooks(11, TODAY);
const views = books.invoices.map((i) => invoiceView(books, i));
const slash = TODAY.replace(/-/g, "/");

describe("seeded books of a small agency", () => {
  it.each([
    ["drafts", (v: (typeof views)[number]) => v.status === 0],
    ["sent or viewed, unpaid", (v: (typeof views)[number]) => [1, 2].includes(v.status) && v.total_payments === 0],
    ["partly paid", (v: (typeof views)[number]) => [1, 2].includes(v.status) && v.total_payments > 0 && v.balance > 0],
    ["paid", (v: (typeof views)[number]) => v.status === 4 && v.balance === 0],
    ["overdue", (v: (typeof views)[number]) => [1, 2].includes(v.status) && v.due_date < slash && v.balance > 0],
    ["cancelled", (v: (typeof views)[number]) => v.status === 3],
  ])("has %s invoices", (_label, predicate) => {
    expect(views.filter(predicate).length).toBeGreaterThan(0);
  });

  it("spreads ~250 invoices over 18 months, numbered in date order", () => {
    const dates = books.invoices.map((i) => i.date);
    expect(dates[0]! >= "2025/05/15").toBe(true);
    expect(dates.at(-1)! <= slash).toBe(true);
    expect(books.invoices.map((i) => Number(i.number))).toEqual(books.invoices.map((_, i) => i + 1));
  });

  it("pays paid invoices exactly, with some split payments and gateway fees", () => {
    const perInvoice = new Map<number, number>();
    for (const p of books.payments) perInvoice.set(p.invoice_id, (perInvoice.get(p.invoice_id) ?? 0) + 1);
    expect([...perInvoice.values()].some((n) => n > 1)).toBe(true);
    expect(books.payments.some((p) => p.transaction_fee_amount > 0)).toBe(true);
    expect(books.payments.every((p) => p.received_on <= TODAY)).toBe(true);
  });

  it("has work: staff, projects with tasks and hours, estimates in several states, expenses", () => {
    expect(books.staff.length).toBeGreaterThanOrEqual(3);
    expect(books.projects.every((p) => books.tasks.some((t) => t.project_id === p.id) && books.hours.some((h) => h.project_id === p.id))).toBe(true);
    expect(new Set(books.estimates.map((e) => e.status)).size).toBeGreaterThanOrEqual(5);
    expect(books.expenses.some((e) => e.invoice_id !== null)).toBe(true);
    expect(books.contacts.filter((c) => books.leads.some((l) => l.id === c.client_id)).length).toBe(books.leads.length);
  });
});
