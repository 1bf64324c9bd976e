import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { coverageTable } from "../src/scripts/coverage-table.js";

describe("README", () => {
  it("shows the coverage matrix the connectors declare (regenerate: node dist/src/scripts/coverage-table.js)", async () => {
    const readme = await readFile("README.md", "utf8");
    const block = /<!-- coverage:start -->\n([\s\S]*?)\n<!-- coverage:end -->/.exec(readme)?.[1];
    expect(block).toBe(coverageTable());
  });

  it("shows the two set-up commands", async () => {
    const readme = await readFile("README.md", "utf8");
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toMatch(/^npm test\b/m);
  });
});
