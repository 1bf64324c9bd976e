import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { cashRoutes } from "./cash.route.js";
import { catalogRoutes } from "./catalog.route.js";
import { contactRoutes } from "./contacts.route.js";
import { documentRoutes } from "./documents.route.js";
import { paymentRoutes } from "./payments.route.js";
import { siteRoutes } from "./site.route.js";
import { writeRoutes } from "./writes/index.js";

/** Every route the sandbox serves: reads of every resource, and every write. */
export const allRoutes = (runtime: SandboxRuntime): Route[] => [
  ...siteRoutes(runtime),
  ...contactRoutes(runtime),
  ...documentRoutes(runtime),
  ...paymentRoutes(runtime),
  ...catalogRoutes(runtime),
  ...cashRoutes(runtime),
  ...writeRoutes(runtime),
];
