/**
 * Unified inputs name bank accounts, ledger accounts and items by code; Daftra's bodies take ids.
 * The chart (journal accounts and treasuries) is reference data, cached; product codes are read
 * only when a line names an item by a code that is not already an id.
 */
import { badUserInput } from "../../../src/errors/index.js";
import type { ReadThroughCache } from "../../../src/store/read-through-cache.js";
import type { DaftraApi } from "../client/daftra-api.js";
import { parseRow } from "../entities/daftra-entity.js";
import { unprefixId } from "../mapping/common.js";
import { journalAccountSchema, productSchema, treasurySchema } from "../mapping/wire-schemas.js";
import { fetchAll } from "../query/list-records.js";

interface ChartAccount {
  id: string;
  code: string | null;
  entityType: string | null;
  entityId: string | null;
}
interface Chart {
  accounts: ChartAccount[];
  treasuries: Array<{ id: string; type: string | null }>;
}

export interface Treasury {
  id: string;
  /** The payment method that fits it: "cash" for a cash box, else "bank". */
  method: string;
  /** The ledger account it posts to, where the chart links one. */
  journalAccountId?: string;
}

const CHART_KEY = "WriteChart";

export function createChartLookup(api: DaftraApi, cache: ReadThroughCache) {
  const chart = () =>
    cache.get<Chart>(CHART_KEY, async () => {
      const [accounts, treasuries] = await Promise.all([
        // https://docs.daftara.dev (Journal Accounts: GET /journal_accounts)
        fetchAll(api, "journal_accounts"),
        // https://docs.daftara.dev (Treasuries: GET /treasuries)
        fetchAll(api, "treasuries"),
      ]);
      return {
        accounts: accounts.map((row) => parseRow(journalAccountSchema, row, "JournalAccount")).map((a) => ({ id: a.id, code: a.code, entityType: a.entity_type, entityId: a.entity_id })),
        treasuries: treasuries.map((row) => parseRow(treasurySchema, row, "Treasury")).map((t) => ({ id: t.id, type: t.type })),
      };
    });

  return {
    /** A treasury by its ledger code ("1201"), unified id ("treasury:1") or Daftra id ("1"). */
    async treasury(code: string, field: string): Promise<Treasury> {
      const { accounts, treasuries } = await chart();
      const linked = accounts.find((a) => a.code === code && a.entityType === "treasury");
      const id = unprefixId("treasury", code) ?? linked?.entityId ?? code;
      const treasury = treasuries.find((t) => t.id === id);
      if (!treasury) throw badUserInput([{ field, message: `'${code}' is not a Daftra bank or cash account; use its code (as listed in accounts) or 'treasury:<id>'.` }]);
      const journal = accounts.find((a) => a.entityType === "treasury" && a.entityId === id);
      return { id, method: treasury.type === "3" ? "cash" : "bank", ...(journal ? { journalAccountId: journal.id } : {}) };
    },
    /** A ledger (journal) account id by its code. */
    async ledgerAccount(code: string, field: string): Promise<string> {
      const account = (await chart()).accounts.find((a) => a.code === code);
      if (!account) throw badUserInput([{ field, message: `no Daftra account has code '${code}'; list the organization's accounts for the codes.` }]);
      return account.id;
    },
    /** Drops the cached chart and account list (a write opened an account). */
    forget: async () => {
      await Promise.all([cache.delete(CHART_KEY), cache.delete("Account")]);
    },
  };
}
export type ChartLookup = ReturnType<typeof createChartLookup>;

export function createProductLookup(api: DaftraApi) {
  return {
    /**
     * Product ids for the item codes `lines` name: a numeric code is taken as the id; other codes
     * are looked up among the products (one listing, only when such a code is present).
     */
    async idsFor(lines: ReadonlyArray<{ itemCode?: string | null }>, field: string): Promise<Map<string, string>> {
      const codes = [...new Set(lines.map((l) => l.itemCode).filter((c): c is string => !!c && !/^\d+$/.test(c)))];
      if (!codes.length) return new Map();
      // https://docs.daftara.dev (Products: GET /products)
      const products = (await fetchAll(api, "products")).map((row) => parseRow(productSchema, row, "Product"));
      const byCode = new Map(products.flatMap((p) => (p.product_code ? [[p.product_code, p.id] as const] : [])));
      const unknown = lines.flatMap((l, i) => (l.itemCode && !/^\d+$/.test(l.itemCode) && !byCode.has(l.itemCode) ? [{ field: `${field}[${i}].itemCode`, message: `no Daftra product has code '${l.itemCode}'.` }] : []));
      if (unknown.length) throw badUserInput(unknown);
      return byCode;
    },
  };
}
export type ProductLookup = ReturnType<typeof createProductLookup>;
