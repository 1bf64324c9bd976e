import { notSupported } from "../../../src/errors/index.js";

/**
 * Daftra has cost centers (`cost_center_id` on invoices and their lines, `/cost_center` endpoints), but
 * its API documents no cost center on journal entries, journal accounts or the other documents its
 * reports are computed from, so reports cannot be split by one: a breakdown is refused.
 */
export function refuseTracking(params: { trackingCategoryRemoteId?: string }): void {
  if (params.trackingCategoryRemoteId === undefined) return;
  throw notSupported(
    "DAFTRA",
    "reports by tracking category or project",
    "Daftra's cost centers are set on invoices, but its API does not state them on the journal entries and accounts its reports come from.",
  );
}
