export * from "./entities.js";
export * from "./capabilities.js";
export * from "./adapter.js";
