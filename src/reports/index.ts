export * from "./section-keys.js";
export * from "./amounts.js";
export * from "./figures.js";
export * from "./checks.js";
export * from "./periods.js";
