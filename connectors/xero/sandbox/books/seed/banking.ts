import { addDays, daysBetween, endOfMonth } from "../dates.js";
import { totalsWithoutDiscount } from "../totals.js";
import type { BankTransactionType, LineAmountTypes, XeroBankTransaction, XeroContact } from "../types.js";
import { datesIn, type MonthWindow } from "./calendar.js";
import { CODES } from "./chart.js";
import type { SeedContext } from "./context.js";
import { groupedAmount } from "../money.js";
import { newLine } from "./lines.js";

interface Movement {
  type: BankTransactionType; bank: string; contact?: XeroContact; date: string; lat: LineAmountTypes;
  lines: { description: string; amount: number; accountCode: string; taxType: string }[];
  reference?: string; status?: XeroBankTransaction["Status"];
}

export function bankTransaction(ctx: SeedContext, m: Movement): XeroBankTransaction {
  const bank = ctx.account(m.bank);
  const lines = m.lines.map((l) => newLine(ctx, { Description: l.description, Quantity: 1, UnitAmount: l.amount, AccountCode: l.accountCode, TaxType: l.taxType }));
  const tx: XeroBankTransaction = {
    BankTransactionID: ctx.guid(),
    Type: m.type,
    ...(m.contact ? { Contact: ctx.contactRef(m.contact) } : {}),
    BankAccount: { AccountID: bank.AccountID, Code: bank.Code, Name: bank.Name },
    IsReconciled: daysBetween(m.date, ctx.today) > 10 && ctx.rng.chance(0.9),
    Date: m.date,
    ...(m.reference ? { Reference: m.reference } : {}),
    Status: m.status ?? "AUTHORISED",
    LineAmountTypes: m.lat,
    ...totalsWithoutDiscount(lines, m.lat, ctx.books.taxRates),
    CurrencyCode: ctx.books.organisation.BaseCurrency,
    CurrencyRate: 1,
    HasAttachments: false,
    UpdatedDateUTC: "",
  };
  ctx.books.bankTransactions.push(tx);
  const verb = m.type.startsWith("RECEIVE") ? "Received" : "Spent";
  tx.UpdatedDateUTC = ctx.history(tx.BankTransactionID, m.date, "Created", `${verb} ${groupedAmount(tx.Total)}.`);
  if (tx.Status !== "AUTHORISED") tx.UpdatedDateUTC = ctx.history(tx.BankTransactionID, m.date, tx.Status === "DELETED" ? "Deleted" : "Voided", "Transaction removed.");
  return tx;
}

/** Owner's capital, a term loan, a security deposit and start-up equipment. */
export function seedOpeningBanking(ctx: SeedContext, owner: XeroContact, lender: XeroContact): void {
  const d = ctx.start;
  bankTransaction(ctx, { type: "RECEIVE", bank: CODES.bank, contact: owner, date: d, lat: "NoTax", reference: "Opening capital",
    lines: [{ description: "Owner's capital contribution", amount: 150000, accountCode: CODES.ownerFunds, taxType: "NONE" }] });
  bankTransaction(ctx, { type: "RECEIVE", bank: CODES.bank, contact: lender, date: addDays(d, 12), lat: "NoTax", reference: "Loan drawdown",
    lines: [{ description: "Five-year equipment loan", amount: 60000, accountCode: "900", taxType: "NONE" }] });
  bankTransaction(ctx, { type: "SPEND", bank: CODES.bank, contact: owner, date: addDays(d, 2), lat: "NoTax", reference: "Lease deposit",
    lines: [{ description: "Office lease security deposit", amount: 9000, accountCode: "750", taxType: "NONE" }] });
  bankTransaction(ctx, { type: "SPEND", bank: CODES.bank, contact: lender, date: addDays(d, 14), lat: "Exclusive", reference: "Start-up equipment",
    lines: [
      { description: "Workstations and servers", amount: 14250, accountCode: "720", taxType: "INPUT" },
      { description: "Office furniture", amount: 6800, accountCode: "710", taxType: "INPUT" },
    ] });
}

function onDay(window: MonthWindow, day: number): string | undefined {
  const date = day >= 31 ? endOfMonth(window.from) : window.from.slice(0, 8) + String(day).padStart(2, "0");
  return date >= window.from && date <= window.to ? date : undefined;
}

interface Parties { owner: XeroContact; payroll: XeroContact; landlord: XeroContact; bank: XeroContact; lender: XeroContact; customers: XeroContact[] }

/** Payroll, rent, fees, loan repayments, interest, drawings and the odd cash sale. */
export function seedMonthlyBanking(ctx: SeedContext, window: MonthWindow, p: Parties): void {
  const spend = (date: string | undefined, contact: XeroContact, description: string, amount: number, accountCode: string, taxType: string, lat: LineAmountTypes = "NoTax") => {
    if (date) bankTransaction(ctx, { type: "SPEND", bank: CODES.bank, contact, date, lat, lines: [{ description, amount, accountCode, taxType }] });
  };
  spend(onDay(window, 1), p.landlord, "Office rent", 4950, CODES.rent, "INPUT", "Inclusive");
  spend(onDay(window, 15), p.payroll, "Payroll - first half", ctx.rng.int(1900000, 2300000) / 100, CODES.wages, "NONE");
  spend(onDay(window, 31), p.payroll, "Payroll - second half", ctx.rng.int(1900000, 2300000) / 100, CODES.wages, "NONE");
  spend(onDay(window, 20), p.lender, "Loan repayment", 1250, "900", "NONE");
  spend(onDay(window, 31), p.bank, "Monthly account fees", ctx.rng.int(1200, 4500) / 100, CODES.bankFees, "NONE");
  if (Number(window.from.slice(5, 7)) % 3 === 0) spend(onDay(window, 25), p.owner, "Owner drawings", ctx.rng.int(4000, 6000), "980", "NONE");
  const interestDay = onDay(window, 31);
  if (interestDay) {
    bankTransaction(ctx, { type: "RECEIVE", bank: CODES.savings, contact: p.bank, date: interestDay, lat: "NoTax",
      lines: [{ description: "Interest earned", amount: ctx.rng.int(1500, 14000) / 100, accountCode: CODES.interest, taxType: "NONE" }] });
  }
  for (const date of datesIn((a, b) => ctx.dateBetween(a, b), window, ctx.rng.int(0, 3))) {
    const status = ctx.rng.weighted<XeroBankTransaction["Status"]>([["AUTHORISED", 92], ["DELETED", 5], ["VOIDED", 3]]);
    bankTransaction(ctx, { type: "RECEIVE", bank: CODES.bank, contact: ctx.rng.pick(p.customers), date, lat: "Inclusive", status,
      reference: "Counter sale", lines: [{ description: "Walk-in sale", amount: ctx.rng.int(5000, 60000) / 100, accountCode: CODES.sales, taxType: "OUTPUT" }] });
  }
}
