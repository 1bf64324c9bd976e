import { Decimal } from "decimal.js";
import { badUserInput, type FieldProblem } from "../../src/errors/index.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import type { EntityName } from "../../src/connector/entities.js";

interface LineLike {
  description?: string | null;
  itemCode?: string | null;
}

/** The organization a global id belongs to, or undefined when it is not a Ledgerline id (reported by `ref`). */
export function organizationOf(id: string): string | undefined {
  try {
    return fromGlobalId(id).organizationId;
  } catch {
    return undefined;
  }
}

const article = (word: string) => (/^[AEIOU]/.test(word) ? "an" : "a");
const kinds = (types: readonly string[]) => types.map((t, i) => (i === 0 ? `${article(t)} ${t}` : t)).join(" or ");

/**
 * Collects every wrong field of one write's input, so a single BAD_USER_INPUT names them all, and
 * nothing reaches the provider until the input is whole. Shared by every create and update.
 */
/** The statuses invoices, bills, credit notes and purchase orders may be created in (the same names in each status enum). */
const CREATION_STATUSES: readonly string[] = ["DRAFT", "SUBMITTED", "AUTHORISED"];

export class InputChecks {
  readonly problems: FieldProblem[] = [];

  /** `organizationId`: the organization the write goes to; every id in the input must belong to it. */
  constructor(private readonly organizationId: string) {}

  add(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  /** The provider id behind a global id of one of `types` in this organization (reported and undefined otherwise). */
  ref<T extends EntityName>(id: string, field: string, types: readonly T[]): { type: T; remoteId: string } | undefined {
    try {
      const parts = fromGlobalId(id, field);
      if (types.includes(parts.type as T) && parts.organizationId === this.organizationId) return { type: parts.type as T, remoteId: parts.remoteId };
    } catch {
      /* reported below */
    }
    this.add(field, `must be the id of ${kinds(types)} in this organization.`);
    return undefined;
  }

  /** Like `ref` for an optional single-type id: null/undefined pass through unchanged. */
  optionalRef(id: string | null | undefined, field: string, type: EntityName): string | null | undefined {
    return id === null || id === undefined ? id : this.ref(id, field, [type])?.remoteId;
  }

  /** The remote id of the Contact `input.contactId` names ("" when it is wrong, which is reported). */
  contact(id: string, field = "input.contactId"): string {
    return this.ref(id, field, ["Contact"])?.remoteId ?? "";
  }

  /** At least one line (unless `optional` and absent), each with a description or an item code. */
  lines(lines: readonly LineLike[] | null | undefined, { field = "input.lines", optional = false } = {}): void {
    if (!lines) {
      if (!optional) this.add(field, "needs at least one line.");
      return;
    }
    if (!lines.length) this.add(field, optional ? "cannot be empty; leave it out to keep the lines." : "needs at least one line.");
    lines.forEach((line, i) => {
      if (!line.description?.trim() && !line.itemCode?.trim()) this.add(`${field}[${i}]`, "needs a description or an itemCode.");
    });
  }

  /** The value is one of `allowed` (when given). */
  oneOf<T extends string>(value: T | null | undefined, allowed: readonly T[], field: string, message: string): void {
    if (value && !allowed.includes(value)) this.add(field, message);
  }

  /** A document's status on create: DRAFT, SUBMITTED or AUTHORISED; later statuses are the provider's to set. */
  creationStatus(value: string | null | undefined, field = "input.status"): void {
    this.oneOf(value, CREATION_STATUSES, field, `${value} is set by the provider; create as DRAFT, SUBMITTED or AUTHORISED.`);
  }

  /** `later` is not before `earlier` (dates as YYYY-MM-DD compare as strings). */
  notBefore(later: string | null | undefined, laterField: string, earlier: string | null | undefined, earlierName: string): void {
    if (later && earlier && later < earlier) this.add(laterField, `(${later}) is before ${earlierName} (${earlier}).`);
  }

  currency(value: string | null | undefined, field = "input.currency"): void {
    if (value && !/^[A-Z]{3}$/.test(value)) this.add(field, `'${value}' is not an ISO 4217 code such as USD.`);
  }

  /** A decimal more than zero (and at most `atMost`, when given). */
  positive(value: string | null | undefined, field: string, atMost?: string): void {
    if (value === null || value === undefined) return;
    const d = new Decimal(value);
    if (d.lte(0)) this.add(field, `must be more than zero; got ${value}.`);
    else if (atMost !== undefined && d.gt(atMost)) this.add(field, `must be at most ${atMost}; got ${value}.`);
  }

  /** A decimal of zero or more, when given. */
  notNegative(value: string | null | undefined, field: string): void {
    if (value !== null && value !== undefined && new Decimal(value).lt(0)) this.add(field, `cannot be negative; got ${value}.`);
  }

  /** Non-blank text; `message` says what to give. */
  text(value: string | null | undefined, field: string, message: string): void {
    if (!value?.trim()) this.add(field, message);
  }

  /** Throws one BAD_USER_INPUT naming every problem found (does nothing when there are none). */
  done(): void {
    if (this.problems.length) throw badUserInput(this.problems);
  }
}
