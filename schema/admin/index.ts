import { ApiKeyAdminResolver } from "./api-key.resolver.js";
import { OrganizationAdminResolver } from "./organization-admin.resolver.js";

/** The administration fields (ADMIN scope): API keys and connected organizations. */
export const adminResolvers = [ApiKeyAdminResolver, OrganizationAdminResolver] as const;
