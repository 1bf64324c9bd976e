export * from "./api-key-service.js";
export * from "./api-key-secret.js";
export * from "./bearer-token.js";
export * from "./unauthenticated.js";
export * from "./authenticate.js";
export * from "./read-scope.js";
export * from "./scopes.js";
export * from "./scope-check.js";
