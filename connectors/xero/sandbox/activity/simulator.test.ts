/** The activity simulator over the books alone: deterministic per seed, and the ledger stays balanced. */
import { describe, expect, it } from "vitest";
import { unbalancedSources } from "../../testing/books-ledger.js";
import { journal } from "../books/ledger.js";
import { Decimal, sumDecimal } from "../books/money.js";
import { balanceSheet } from "../books/reports.js";
import { fresh, NOW, rowValues } from "../books/test-support.js";
import type { XeroBooks } from "../books/types.js";
import { createActivity, type ActivityAction } from "./simulator.js";

function simulator(books: XeroBooks, seed: number, committed = () => {}) {
  let tick = Date.parse(NOW);
  // The clock moves a minute per read, as a steadily running sandbox's would.
  const now = () => new Date((tick += 60_000));
  return createActivity({ books: () => books, now, committed, logger: {}, seed });
}

const replayable = (actions: ActivityAction[]) => actions.map(({ kind, entity, status, summary }) => ({ kind, entity, status, summary }));

describe("activity simulator", () => {
  it("does the same things in the same order for the same seed, and other things for another", () => {
    const first = replayable(simulator(fresh(), 11).step(60));
    const again = replayable(simulator(fresh(), 11).step(60));
    const other = replayable(simulator(fresh(), 12).step(60));
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it("keeps the books balanced and within Xero's rules over 200 steps, touching every kind of action", () => {
    const books = fresh();
    let commits = 0;
    const activity = simulator(books, 3, () => commits++);
    const actions = activity.step(200);

    expect(actions).toHaveLength(200);
    expect(commits).toBe(200);
    expect(activity.stats()).toMatchObject({ steps: 200, refused: 0 });
    expect(new Set(actions.map((a) => a.kind))).toEqual(new Set([
      "create-contact", "update-contact", "create-invoice", "create-bill", "edit-draft", "approve-draft", "void-invoice",
      "delete-draft", "record-payment", "create-quote", "create-credit-note", "spend-money", "receive-money",
    ]));

    for (const basis of ["ACCRUAL", "CASH"] as const) {
      expect(unbalancedSources(books, basis)).toEqual([]);
      expect(sumDecimal(journal(books, basis).map((l) => l.amount)).toFixed(2)).toBe("0.00");
    }
    const sheet = balanceSheet(books, { date: NOW.slice(0, 10), now: NOW });
    const [assets, liabilities, equity] = ["Total Assets", "Total Liabilities", "Total Equity"].map((label) => new Decimal(rowValues(sheet, label)[0]!));
    expect(assets!.minus(liabilities!).toFixed(2)).toBe(equity!.toFixed(2));
  });

  it("documents settle consistently: amounts due match payments and credit, and nothing is overpaid", () => {
    const books = fresh();
    simulator(books, 5).step(200);
    for (const invoice of books.invoices) {
      const settled = new Decimal(invoice.Total).minus(invoice.AmountPaid).minus(invoice.AmountCredited);
      expect(invoice.AmountDue, invoice.InvoiceID).toBe(settled.toNumber());
      expect(invoice.AmountDue).toBeGreaterThanOrEqual(0);
      if (invoice.Status === "PAID") expect(invoice.AmountDue).toBe(0);
    }
    for (const note of books.creditNotes) expect(note.RemainingCredit).toBeGreaterThanOrEqual(0);
  });

  it("runs on a timer until stopped", async () => {
    const activity = simulator(fresh(), 9);
    activity.start(5);
    expect(activity.running).toBe(true);
    for (let i = 0; i < 200 && activity.stats().steps < 3; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    activity.stop();
    const steps = activity.stats().steps;
    expect(steps).toBeGreaterThanOrEqual(3);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(activity.stats().steps).toBe(steps);
    expect(activity.running).toBe(false);
  });
});
