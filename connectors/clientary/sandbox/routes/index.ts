import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { clientRoutes } from "./clients.route.js";
import { contactRoutes } from "./contacts.route.js";
import { estimateRoutes } from "./estimates.route.js";
import { expenseRoutes } from "./expenses.route.js";
import { invoiceRoutes } from "./invoices.route.js";
import { leadRoutes } from "./leads.route.js";
import { paymentRoutes } from "./payments.route.js";
import { projectRoutes } from "./projects.route.js";
import { workRoutes } from "./work.route.js";

/** Every route below `/api/v2`. */
export const allRoutes = (runtime: SandboxRuntime): Route[] => [
  ...clientRoutes(runtime), ...contactRoutes(runtime), ...leadRoutes(runtime), ...invoiceRoutes(runtime), ...paymentRoutes(runtime),
  ...estimateRoutes(runtime), ...expenseRoutes(runtime), ...projectRoutes(runtime), ...workRoutes(runtime),
];
