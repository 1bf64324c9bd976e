export { reportExportRouter, REPORT_EXPORT_PATH, type ReportExportOptions } from "./route.js";
export { REPORT_EXPORTS, type ReportExport } from "./reports.js";
export type { ExportTable, Cell } from "./table.js";
