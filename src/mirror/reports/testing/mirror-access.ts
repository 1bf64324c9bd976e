import type { CapabilityDeclaration } from "../../../connector/capabilities.js";
import type { Clock } from "../../../infra/clock.js";
import type { ChangeRecorder } from "../../../triggers/change-recorder.js";
import type { MirrorAccess } from "../../mirror-access.js";
import { createMirrorRuntime } from "../../mirror-runtime.js";
import type { MirrorStore } from "../../mirror-store.js";

/** Reports never record changes: a recorder that says so if it is reached. */
const NO_RECORDER = new Proxy({}, {
  get: () => () => {
    throw new Error("reports do not record changes");
  },
}) as ChangeRecorder;

/**
 * The mirror as requests see it (the real runtime) over `store`, for reports: entity states from the
 * store's sync rows, STALE after `maxLagMs`; states are not reused between reads (`stateTtlMs` 0).
 */
export function reportMirrorAccess(store: MirrorStore, capabilities: CapabilityDeclaration, clock: Clock, maxLagMs = 600_000): MirrorAccess {
  return createMirrorRuntime({
    store,
    recorder: NO_RECORDER,
    capabilitiesOf: () => capabilities,
    organization: async (id) => ({ id, provider: "XERO", name: id, settings: {}, createdAt: new Date(0).toISOString() }) as never,
    clock,
    maxLagMs,
    stateTtlMs: 0,
  });
}
