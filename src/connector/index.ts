export * from "./entities.js";
export * from "./capabilities.js";
export * from "./adapter.js";
export * from "./writes.js";
export * from "./inputs.js";
