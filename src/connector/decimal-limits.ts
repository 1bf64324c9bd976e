import { Decimal } from "decimal.js";
import { badUserInput, type FieldProblem } from "../errors/index.js";
import { integerDigitsOf, isDecimalString, scaleOf } from "../money/decimal.js";
import type { DecimalBound, DecimalKind, DecimalLimits } from "./capabilities.js";
import type { EntityName } from "./entities.js";
import type { LineInput } from "./inputs.js";
import type { ActionName } from "./writes.js";

/**
 * Where each write carries decimals, under the names the mutation gives them, and the one check of
 * those decimals against the provider's declared limits (`CapabilityDeclaration.decimals`). The
 * capability guard runs it for every create, update and action, so no connector repeats it and
 * nothing out of range reaches a provider.
 */

/**
 * Bounds a connector declares when its provider documents nothing narrower: quantities to 4 places
 * and 9 digits before the point, unit amounts 4 and 10, money 2 and 12 (also each line's
 * quantity × unit amount), percentages 2 and 3. Every value then has at most 15 significant digits,
 * so it stays exact through a provider's JSON numbers, and a report summing a million documents at
 * the largest amount stays within decimal.js's 20 significant digits.
 */
export const EXACT_DECIMAL_LIMITS: DecimalLimits = {
  quantity: { scale: 4, integerDigits: 9 },
  unitAmount: { scale: 4, integerDigits: 10 },
  money: { scale: 2, integerDigits: 12 },
  percent: { scale: 2, integerDigits: 3 },
};

/** One decimal of a write: where it sits in the mutation (for messages), its value and its kind. */
export interface DecimalField {
  field: string;
  value: string;
  kind: DecimalKind;
}

interface Placement {
  /** How the mutation names the input object: "input." for `input: {…}`, "" for top-level arguments. */
  prefix: string;
  kinds: Record<string, DecimalKind>;
  /** The input has document lines (`lines[i].quantity`, `unitAmount`, `discountRate`). */
  lines?: boolean;
}

const LINE_KINDS: Record<string, DecimalKind> = { quantity: "quantity", unitAmount: "unitAmount", discountRate: "percent" };
const DOCUMENT: Placement = { prefix: "input.", kinds: {}, lines: true };

const ENTITY_DECIMALS: Partial<Record<EntityName, Placement>> = {
  Invoice: DOCUMENT,
  Bill: DOCUMENT,
  Quote: DOCUMENT,
  PurchaseOrder: DOCUMENT,
  CreditNote: DOCUMENT,
  BankTransaction: DOCUMENT,
  Payment: { prefix: "input.", kinds: { amount: "money" } },
  Expense: { prefix: "input.", kinds: { amount: "money" } },
  Item: { prefix: "input.", kinds: { salesUnitPrice: "unitAmount", purchaseUnitPrice: "unitAmount" } },
  Project: { prefix: "input.", kinds: { budget: "money", hourlyRate: "unitAmount" } },
  Task: { prefix: "input.", kinds: { estimatedHours: "quantity" } },
  TimeEntry: { prefix: "input.", kinds: { hours: "quantity" } },
};

/** allocateCreditNote and addStock take their decimals as top-level arguments; createBankTransfer inside `input`. */
const ACTION_DECIMALS: Record<ActionName, Placement> = {
  allocateCredit: { prefix: "", kinds: { amount: "money" } },
  addStock: { prefix: "", kinds: { quantity: "quantity", unitCost: "unitAmount" } },
  transfer: { prefix: "input.", kinds: { amount: "money" } },
};

const present = (value: unknown): value is string => typeof value === "string" && value !== "";

function fieldsOf(placement: Placement | undefined, input: unknown): DecimalField[] {
  if (!placement || !input || typeof input !== "object") return [];
  const record = input as Record<string, unknown>;
  const fields: DecimalField[] = [];
  for (const [name, kind] of Object.entries(placement.kinds)) {
    if (present(record[name])) fields.push({ field: `${placement.prefix}${name}`, value: record[name] as string, kind });
  }
  const lines = placement.lines ? (record.lines as readonly LineInput[] | null | undefined) : undefined;
  lines?.forEach((line, i) => {
    for (const [name, kind] of Object.entries(LINE_KINDS)) {
      const value = (line as unknown as Record<string, unknown>)[name];
      if (present(value)) fields.push({ field: `${placement.prefix}lines[${i}].${name}`, value, kind });
    }
  });
  return fields;
}

/** The bound for one kind of decimal of `entity` (an entity's own bound, else the provider's). */
export function boundFor(limits: DecimalLimits, kind: DecimalKind, entity?: EntityName): DecimalBound {
  return (entity && limits.byEntity?.[entity]?.[kind]) || limits[kind];
}

/** The largest value a bound allows, e.g. "999999999.9999". */
export function largestOf(bound: DecimalBound): string {
  return "9".repeat(Math.max(1, bound.integerDigits)) + (bound.scale ? `.${"9".repeat(bound.scale)}` : "");
}

const KIND_NAMES: Record<DecimalKind, string> = { quantity: "quantities", unitAmount: "unit amounts", money: "amounts", percent: "percentages" };
const shown = (value: string) => (value.length > 32 ? `${value.slice(0, 32)}… (${value.length} characters)` : value);
const titled = (provider: string) => provider.charAt(0) + provider.slice(1).toLowerCase();

function range(provider: string, kind: DecimalKind, bound: DecimalBound): string {
  const places = bound.scale === 0 ? "no decimal places" : `at most ${bound.scale} decimal place${bound.scale === 1 ? "" : "s"}`;
  return `${titled(provider)} takes ${KIND_NAMES[kind]} from -${largestOf(bound)} to ${largestOf(bound)} with ${places}`;
}

function problemOf(provider: string, limits: DecimalLimits, entity: EntityName | undefined, { field, value, kind }: DecimalField): FieldProblem | undefined {
  if (!isDecimalString(value)) return { field, message: `must be a plain decimal such as "12.50" (no exponent, spaces or signs other than a leading -); got ${shown(value)}.` };
  const bound = boundFor(limits, kind, entity);
  const scale = scaleOf(value);
  if (scale > bound.scale) return { field, message: `has ${scale} decimal places (${shown(value)}); ${range(provider, kind, bound)}. Round it to ${bound.scale}.` };
  if (integerDigitsOf(value) > bound.integerDigits) return { field, message: `is too large (${shown(value)}); ${range(provider, kind, bound)}.` };
  return undefined;
}

/**
 * Each line's quantity × unit amount (and a stock purchase's quantity × unit cost) is money the
 * provider totals: it must fit the money bound too, or report totals stop being exact.
 */
function lineAmountProblems(provider: string, limits: DecimalLimits, entity: EntityName | undefined, fields: DecimalField[]): FieldProblem[] {
  const byLine = new Map<string, Partial<Record<DecimalKind, string>>>();
  for (const f of fields) {
    if ((f.kind !== "quantity" && f.kind !== "unitAmount") || !isDecimalString(f.value)) continue;
    const line = f.field.includes(".") ? f.field.slice(0, f.field.lastIndexOf(".")) : "";
    byLine.set(line, { ...byLine.get(line), [f.kind]: f.value });
  }
  const money = boundFor(limits, "money", entity);
  const problems: FieldProblem[] = [];
  for (const [line, { quantity, unitAmount }] of byLine) {
    if (quantity === undefined || unitAmount === undefined || !/lines\[\d+\]$|^$/.test(line)) continue;
    if (new Decimal(quantity).times(unitAmount).abs().gt(largestOf(money))) {
      const field = line || fields.find((f) => f.kind === "unitAmount")!.field;
      problems.push({ field, message: `quantity × ${line ? "unitAmount" : field} is more than ${largestOf(money)}, the largest line amount ${titled(provider)} takes; split it or lower the quantity.` });
    }
  }
  return problems;
}

/** Every decimal of one write outside the provider's limits (nothing when the connector declares none). */
export function decimalProblems(provider: string, limits: DecimalLimits | undefined, write: { entity: EntityName } | { action: ActionName }, input: unknown): FieldProblem[] {
  if (!limits) return [];
  const entity = "entity" in write ? write.entity : undefined;
  const fields = fieldsOf("entity" in write ? ENTITY_DECIMALS[write.entity] : ACTION_DECIMALS[write.action], input);
  const problems = fields.map((f) => problemOf(provider, limits, entity, f)).filter((p): p is FieldProblem => p !== undefined);
  return problems.length ? problems : lineAmountProblems(provider, limits, entity, fields);
}

/** Throws BAD_USER_INPUT naming every decimal of the write the provider cannot keep exactly. */
export function checkDecimals(...args: Parameters<typeof decimalProblems>): void {
  const problems = decimalProblems(...args);
  if (problems.length) throw badUserInput(problems);
}
