export * from "./start-gateway-server.js";
export type * from "./gateway-server-options.js";
export * from "./complexity-limit.js";
export * from "./complexity-plugin.js";
export * from "./format-error.js";
export * from "./validation-rules.js";
export { REQUEST_ID_HEADER } from "./request-id.js";
