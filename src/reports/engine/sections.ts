import { Decimal } from "decimal.js";
import type { ReportLine, ReportSection } from "../../../schema/report/report.type.js";
import { computedTotal } from "../amounts.js";
import type { LedgerAccount } from "./ledger.js";
import { SECTION_TITLES, sectionOf, signOf } from "./placement.js";

/** An account's raw (debit-positive) movement or balance per report column. */
export interface AccountColumns {
  account: LedgerAccount;
  values: Decimal[];
}

/** 2-dp text, never "-0.00". */
export function cents(value: Decimal): string {
  const rounded = value.toDecimalPlaces(2);
  return rounded.isZero() ? "0.00" : rounded.toFixed(2);
}

export function line(name: string, values: Decimal[], account?: LedgerAccount): ReportLine {
  return { name, accountRemoteId: account?.remoteId ?? null, accountCode: account?.code ?? null, amounts: values.map(cents) };
}

export function section(key: string, lines: ReportLine[], sections: ReportSection[], periodCount: number): ReportSection {
  const built: ReportSection = { key, title: SECTION_TITLES[key] ?? key, lines, sections, total: [] };
  built.total = computedTotal(built, periodCount);
  return built;
}

export const hasAmount = (l: ReportLine) => l.amounts.some((a) => a !== "0.00");
const byCode = (a: LedgerAccount, b: LedgerAccount) => (a.code ?? "").localeCompare(b.code ?? "") || a.name.localeCompare(b.name);

/** The account's line in its section's direction (credits shown positive in income, liabilities, equity). */
export function accountLine({ account, values }: AccountColumns): ReportLine {
  const sign = signOf(account);
  return line(account.name, values.map((v) => v.times(sign)), account);
}

/** One section per key (in that order) holding the accounts placed there; sections without amounts are left out. */
export function accountSections(keys: readonly string[], rows: AccountColumns[], periodCount: number): ReportSection[] {
  const sorted = [...rows].sort((a, b) => byCode(a.account, b.account));
  return keys.flatMap((key) => {
    const lines = sorted.filter((r) => sectionOf(r.account) === key).map(accountLine).filter(hasAmount);
    return lines.length ? [section(key, lines, [], periodCount)] : [];
  });
}
