import { badUserInput } from "../../../src/errors/index.js";
import type { BooksReader } from "../../../src/reports/books.js";
import type { TrackingBreakdown } from "../../../src/reports/engine/tracking-breakdown.js";
import { PROJECTS_CATEGORY } from "../../../src/reports/tracking-columns.js";

/**
 * Clientary's one reporting dimension is the project: an invoice that names a project and an expense
 * recorded against one put their amounts (net of tax) in that project's column. Columns follow the
 * projects list; a project the list leaves out (e.g. closed) is named by its id.
 */
export async function projectBreakdown(books: BooksReader, categoryRemoteId: string): Promise<TrackingBreakdown> {
  if (categoryRemoteId !== PROJECTS_CATEGORY) {
    throw badUserInput([{ field: "trackingCategoryId", message: "Clientary has no tracking categories; break its reports down by project with byProject: true." }]);
  }
  const projects = await books.all("Project");
  return { categoryRemoteId: PROJECTS_CATEGORY, options: projects.map((p) => ({ id: p.remoteId, name: p.name })) };
}
