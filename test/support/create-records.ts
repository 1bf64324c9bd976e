/**
 * A separate process for the concurrent-creation test: opens the store at argv[2] (namespace argv[3])
 * without claiming it, waits until the instant argv[6] (ms since the epoch) so every process starts
 * together, then creates argv[4] API keys and as many organizations named after argv[5], all at once.
 * Run from dist: `node dist/test/support/create-records.js <storeUrl> <namespace> <count> <label> <startAt>`.
 */
import "reflect-metadata";
import { setTimeout as sleep } from "node:timers/promises";
import { createKeyValueStore } from "../../src/store/create-store.js";
import { createApiKeyService } from "../../src/auth/index.js";
import { createOrganizationRepository } from "../../src/organizations/organization-repository.js";
import { silentLogger } from "../../src/infra/logger.js";
import { Provider } from "../../schema/common/provider.enum.js";

const [url, namespace, countText, label, startAtText] = process.argv.slice(2);
const count = Number(countText);
const { store, close } = await createKeyValueStore(url!, { logger: silentLogger, namespace, claim: false });
const apiKeys = createApiKeyService(store);
const organizations = createOrganizationRepository(store);
await sleep(Math.max(0, Number(startAtText) - Date.now()));
await Promise.all(
  Array.from({ length: count }, async (_, i) => {
    await apiKeys.create({ name: `${label}-${i}`, organizationIds: [] });
    await organizations.create({ provider: Provider.DAFTRA, name: `${label}-${i}`, settings: {} });
  }),
);
await close();
process.stdout.write(`${label}: created ${count} keys and ${count} organizations\n`, () => process.exit(0));
