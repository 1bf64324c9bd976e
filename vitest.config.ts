import path from "node:path";
import { createRequire } from "node:module";
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
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ["./test/setup.ts"],
  },
});
