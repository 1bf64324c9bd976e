import type { Provider } from "../../schema/common/provider.enum.js";

/**
 * One set of books at one provider. `settings` holds non-secret connection details (base URLs,
 * tenant id); secrets (tokens, API keys) live sealed in the store under the organization's id.
 */
export interface OrganizationRecord {
  id: string;
  provider: Provider;
  name: string;
  settings: Record<string, unknown>;
  createdAt: string;
}
