import { Decimal } from "decimal.js";
import type { ReportCheck } from "../../../schema/report/report.type.js";
import type { EngineContext } from "./ledger.js";

/**
 * A check of the standard reports (trial balance, aged reports, cash summary), in the shape of the
 * balance sheet's and P&L's (src/reports/checks.ts): one difference per column the check covers
 * (stated − computed, 2 dp), passed when every one is zero, and a message naming the columns off.
 */
export function columnsCheck(name: string, differences: Decimal[], labels: string[], what: string): ReportCheck {
  const difference = differences.map((d) => (d.toDecimalPlaces(2).isZero() ? "0.00" : d.toFixed(2)));
  const failing = difference.map((d, i) => ({ d, label: labels[i] ?? `column ${i + 1}` })).filter(({ d }) => d !== "0.00");
  const passed = failing.length === 0;
  const message = passed ? `${what}: holds.` : `${what}: off by ${failing.map(({ d, label }) => `${d} in '${label}'`).join(", ")}.`;
  return { name, passed, difference, message };
}

export const ZERO = new Decimal(0);

export const sum = (values: Iterable<Decimal | string>): Decimal => {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
};

/** Fields every computed standard report shares (as `reportHeader` for the balance sheet and P&L, without a basis). */
export function standardHeader(ctx: EngineContext, title: string, currency: string, organizationName?: string | null) {
  return {
    organizationId: ctx.organizationId,
    provider: ctx.provider,
    title: [title, organizationName].filter(Boolean).join(", "),
    currency,
    source: "COMPUTED",
    raw: null,
  };
}
