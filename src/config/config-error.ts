/**
 * Thrown when configuration is wrong. Carries every problem found, each naming the environment
 * variable and what it expects, so one start-up attempt shows everything to fix.
 */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "ConfigError";
    this.problems = problems;
  }
}
