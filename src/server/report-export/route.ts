import type { ApolloServer } from "@apollo/server";
import express, { type RequestHandler, type Response, type Router } from "express";
import type { GraphQLFormattedError } from "graphql";
import type { ApiKeyService } from "../../auth/api-key-service.js";
import type { GatewayContext } from "../../context/gateway-context.js";
import { ErrorCode, httpStatusOf, isGatewayError } from "../../errors/index.js";
import type { Logger } from "../../infra/logger.js";
import { httpClientSignal } from "../client-signal.js";
import { clientWentAway } from "../format-error.js";
import type { ContextFactory } from "../gateway-server-options.js";
import { withRequestScope } from "../request-id.js";
import { requireApiKey } from "../require-api-key.js";
import { writeCsv } from "./csv.js";
import { exportVariables } from "./params.js";
import { REPORT_EXPORTS, type ReportExport } from "./reports.js";
import type { ExportTable } from "./table.js";
import { writeXlsx } from "./xlsx.js";

export const REPORT_EXPORT_PATH = "/reports/:organizationId/:file";

/** The file formats, by extension: media type and writer. */
const FORMATS = {
  csv: { contentType: "text/csv; charset=utf-8; header=present", write: (_report: ReportExport, table: ExportTable, res: Response) => writeCsv(table, res) },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", write: (report: ReportExport, table: ExportTable, res: Response) => writeXlsx(table, report.sheet, res) },
} as const;
type Format = keyof typeof FORMATS;

export interface ReportExportOptions {
  /** The gateway's started Apollo server: the export runs its operation through it, like `POST /graphql`. */
  apollo: ApolloServer<GatewayContext>;
  apiKeys: ApiKeyService;
  createContext: ContextFactory;
  logger: Logger;
  /** @default REPORT_EXPORTS */
  reports?: ReadonlyMap<string, ReportExport>;
}

/**
 * `GET /reports/<organizationId>/<report>.csv|.xlsx?<params>`: a report as a file. The API key is checked
 * like on `/graphql` (`Authorization: Bearer <key>`, else 401); the report's GraphQL query then runs
 * through the gateway's Apollo server with a context built exactly like an HTTP GraphQL request's, so
 * scopes (READ), organization grants, price, upstream budget, mirror and cache serving and errors are
 * the GraphQL endpoint's. A refused operation answers the GraphQL-shaped error JSON with the status of
 * its code; a good one streams the table as CSV or XLSX, as an attachment, never cached.
 */
export function reportExportRouter(options: ReportExportOptions): Router {
  const router = express.Router();
  router.get(REPORT_EXPORT_PATH, requireApiKey(options.apiKeys), withRequestScope(exportHandler(options)));
  return router;
}

function exportHandler({ apollo, createContext, logger, reports = REPORT_EXPORTS }: ReportExportOptions): RequestHandler {
  const valid = () => [...reports.keys()].flatMap((slug) => Object.keys(FORMATS).map((ext) => `${slug}.${ext}`)).join(", ");
  return async (req, res, next) => {
    const requestId = String(res.locals.requestId);
    const organizationId = String(req.params.organizationId);
    const [, slug = "", ext = ""] = /^(.*)\.([^.]*)$/.exec(String(req.params.file)) ?? [];
    const report = reports.get(slug);
    if (!report || !Object.hasOwn(FORMATS, ext)) {
      const what = report ? `format '.${ext}'` : `report '${String(req.params.file)}'`;
      return sendErrors(res, 404, [{ message: `There is no ${what} to export. Ask for one of: ${valid()}, e.g. /reports/${organizationId}/balance-sheet.csv?date=2026-09-30.`, extensions: { code: ErrorCode.NOT_FOUND, reports: [...reports.keys()], formats: Object.keys(FORMATS) } }]);
    }
    try {
      const search = new URL(req.originalUrl, "http://localhost").searchParams;
      const variables = exportVariables(organizationId, search, report.params);
      const contextValue = await createContext(res.locals.principal, requestId, httpClientSignal(req, res));
      const response = await apollo.executeOperation({ query: report.query, variables }, { contextValue });
      if (response.body.kind !== "single") throw new Error("the export operation answered incrementally");
      const { data, errors } = response.body.singleResult;
      if (errors?.length || !data) return sendErrors(res, statusOf(response.http.status, errors), errors ?? []);
      const reportData = report.pick(data);
      const table = report.table(reportData);
      const format = ext as Format;
      const id = (reportData as { organizationId?: string }).organizationId ?? organizationId;
      res.status(200);
      res.set({
        "Content-Type": FORMATS[format].contentType,
        "Content-Disposition": `attachment; filename="${safeFileName(`${id}-${report.slug}-${report.fileDate(reportData)}.${format}`)}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        ...checkHeaders(reportData),
      });
      await FORMATS[format].write(report, table, res);
    } catch (error) {
      if (isGatewayError(error) && !res.headersSent) {
        return sendErrors(res, httpStatusOf[error.code] ?? 500, [{ message: error.message, extensions: error.extensions }]);
      }
      if (!res.headersSent) return next(error);
      // The file was under way: all the client can be told is that it is cut short.
      if (!clientWentAway(error)) logger.error("a report export failed while it was being written", { requestId, error: String((error as Error)?.message ?? error), stack: (error as Error)?.stack });
      res.destroy();
    }
  };
}

/** The status of a refused operation: Apollo's when it chose one (403 scopes, 400 variables…), else the one our code maps to. */
function statusOf(apolloStatus: number | undefined, errors: readonly GraphQLFormattedError[] | undefined): number {
  if (apolloStatus !== undefined && apolloStatus !== 200) return apolloStatus;
  const code = errors?.[0]?.extensions?.code;
  return typeof code === "string" && Object.hasOwn(httpStatusOf, code) ? httpStatusOf[code as ErrorCode] : 500;
}

function sendErrors(res: Response, status: number, errors: readonly GraphQLFormattedError[]) {
  const retryAfter = errors.map((e) => e.extensions?.retryAfterSeconds).find((s): s is number => typeof s === "number" && s > 0);
  if (retryAfter !== undefined) res.set("Retry-After", String(Math.ceil(retryAfter)));
  res.status(status).set("Cache-Control", "no-store").json({ errors });
}

/** Keeps a file name to letters, digits, dot, dash and underscore (organization ids are already so). */
function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, "_");
}

/**
 * What the report's checks say, as headers, so a CSV (which holds only the table) never looks clean
 * when the report does not add up: `X-Report-Balanced: true|false` and, when false, the failed checks'
 * names in `X-Report-Failed-Checks` (comma-separated, limited to safe characters).
 */
export function checkHeaders(report: unknown): Record<string, string> {
  const { balanced, checks } = report as { balanced?: boolean; checks?: Array<{ name: string; passed: boolean }> };
  if (typeof balanced !== "boolean") return {};
  const failed = (checks ?? []).filter((c) => !c.passed).map((c) => c.name.replace(/[^A-Za-z0-9_:.-]/g, "_").slice(0, 80));
  return { "X-Report-Balanced": String(balanced), ...(failed.length ? { "X-Report-Failed-Checks": failed.slice(0, 20).join(",") } : {}) };
}
