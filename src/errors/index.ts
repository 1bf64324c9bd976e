export * from "./error-codes.js";
export * from "./gateway-error.js";
