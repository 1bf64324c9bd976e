import type { ServedReport } from "../../src/mirror/reports/serve-report.js";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { MirrorAccess } from "../../src/mirror/mirror-access.js";
import { ReportServedFrom } from "./report-enums.js";

/** The request context, with the mirror when the gateway keeps one. */
export type ReportContext = GatewayContext & { mirror?: MirrorAccess };

export const today = () => new Date().toISOString().slice(0, 10);

/** The report as the schema answers it: with what it was made from and when. */
export function answer<R extends object>({ report, servedFrom, generatedAt }: ServedReport<R>): R & { servedFrom: ReportServedFrom; generatedAt: string } {
  return { ...report, servedFrom: ReportServedFrom[servedFrom], generatedAt };
}
