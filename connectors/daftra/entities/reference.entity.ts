import type { Account } from "../../../schema/account/account.type.js";
import { unprefixId } from "../mapping/common.js";
import { toUnifiedItem } from "../mapping/to-item.js";
import { toUnifiedAccount, toUnifiedTaxRate, toUnifiedTreasury } from "../mapping/to-reference-data.js";
import { journalAccountSchema, productSchema, taxSchema, treasurySchema } from "../mapping/wire-schemas.js";
import { parseRow, source, type DaftraEntity } from "./daftra-entity.js";

export const itemEntity: DaftraEntity<"Item"> = {
  entity: "Item",
  filters: [],
  notes: "Products and services; tracked products carry their stock balance.",
  // https://docs.daftara.dev (Products: GET /products, GET /products/{id})
  sources: [source("products", "Product", productSchema, toUnifiedItem)],
};

export const taxRateEntity: DaftraEntity<"TaxRate"> = {
  entity: "TaxRate",
  filters: ["search"],
  notes: "Reference data: cached, searched and paged in memory. The code is Daftra's tax id.",
  // https://docs.daftara.dev (Taxes: GET /taxes)
  sources: [source("taxes", "Tax", taxSchema, toUnifiedTaxRate)],
  whole: ([taxes], ctx) => taxes!.map((row) => toUnifiedTaxRate(parseRow(taxSchema, row, "Tax"), ctx)),
};

/**
 * The chart of accounts plus treasuries as bank accounts. A treasury replaces the ledger account
 * linked to it (`entity_type` "treasury") and takes that account's code.
 */
export const accountEntity: DaftraEntity<"Account"> = {
  entity: "Account",
  filters: ["status", "search"],
  notes: "Reference data: cached, filtered and paged in memory. Treasuries are the bank and cash accounts (ids 'treasury:<id>').",
  sources: [
    // https://docs.daftara.dev (Journal Accounts: GET /journal_accounts)
    source("journal_accounts", "JournalAccount", journalAccountSchema, toUnifiedAccount),
    // https://docs.daftara.dev (Treasuries: GET /treasuries)
    source("treasuries", "Treasury", treasurySchema, toUnifiedTreasury, (id) => unprefixId("treasury", id)),
  ],
  whole: ([ledger, treasuries], ctx): Account[] => {
    const accounts = ledger!.map((row) => parseRow(journalAccountSchema, row, "JournalAccount"));
    const linked = new Map(accounts.filter((a) => a.entity_type === "treasury" && a.entity_id).map((a) => [a.entity_id!, a.code]));
    return [
      ...accounts.filter((a) => !(a.entity_type === "treasury" && a.entity_id)).map((a) => toUnifiedAccount(a, ctx)),
      ...treasuries!.map((row) => parseRow(treasurySchema, row, "Treasury")).map((t) => toUnifiedTreasury(t, ctx, linked.get(t.id) ?? null)),
    ];
  },
};
