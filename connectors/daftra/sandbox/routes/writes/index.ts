import type { Route } from "../../http/router.js";
import type { SandboxRuntime } from "../../runtime.js";
import { cashWriteRoutes } from "./cash.route.js";
import { catalogWriteRoutes } from "./catalog.route.js";
import { documentWriteRoutes } from "./documents.route.js";
import { partyWriteRoutes } from "./parties.route.js";

/** Every create, edit and delete the sandbox takes, with Daftra's rules applied in `books/writes`. */
export const writeRoutes = (runtime: SandboxRuntime): Route[] => [
  ...partyWriteRoutes(runtime),
  ...documentWriteRoutes(runtime),
  ...cashWriteRoutes(runtime),
  ...catalogWriteRoutes(runtime),
];
