/**
 * Xero rounds unit amounts (and item prices) to 2 decimal places unless a request opts in to 4 with
 * the `unitdp=4` query parameter: a write without it stores them rounded, and a read without it
 * answers them rounded (Xero keeps 4 places). Every write and read whose endpoint takes it (invoices
 * and bills, credit notes, bank transactions, items; lists and lookups by id) sends it, so the 4
 * places the gateway admits arrive and read back unrounded. Quotes and purchase orders take no
 * `unitdp` (purchase orders keep 4 places anyway).
 * https://developer.xero.com/documentation/api-guides/rounding-in-xero
 */
export const UNIT_DP = 4;

/** A dry-run path with the `unitdp` the real request sends. */
export const withUnitDp = (path: string): string => `${path}${path.includes("?") ? "&" : "?"}unitdp=${UNIT_DP}`;
