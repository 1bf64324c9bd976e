/**
 * Xero rounds unit amounts (and item prices) to 2 decimal places unless a write opts in to 4 with
 * the `unitdp=4` query parameter; every write whose endpoint takes it (invoices and bills, credit
 * notes, bank transactions, items) does, so the 4 places the gateway admits arrive unrounded.
 * Quotes and purchase orders take no `unitdp` (purchase orders keep 4 places anyway).
 * https://developer.xero.com/documentation/api-guides/rounding-in-xero
 */
export const UNIT_DP = 4;

/** A dry-run path with the `unitdp` the real request sends. */
export const withUnitDp = (path: string): string => `${path}${path.includes("?") ? "&" : "?"}unitdp=${UNIT_DP}`;
