import path from "node:path";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);
const graphqlDir = path.dirname(require.resolve("graphql/package.json"));

export default defineConfig({
  resolve: {
    // graphql@16 ships CJS and ESM; externalised deps load the CJS copy, so ours must too.
    alias: [
      { find: /^graphql$/, replacement: path.join(graphqlDir, "index.js") },
      { find: /^graphql\/(.+?)(\.m?js)?$/, replacement: path.join(graphqlDir, "$1.js") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts", "connectors/**/*.test.ts", "src/**/*.test.ts", "schema/**/*.test.ts"],
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine. Many files mostly wait (child
    // gateways, leases lapsing, pollers catching up), so a second worker overlaps them: on 2 cores the suite took
    // 803 s instead of 1,145 s, every file passing.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ["./test/setup.ts"],
  },
});
