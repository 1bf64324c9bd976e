import { registerEnumType } from "type-graphql";
import { Scope } from "../../src/auth/scopes.js";

export { Scope as ApiKeyScope };

registerEnumType(Scope, {
  name: "ApiKeyScope",
  description: "What an API key may do.",
  valuesConfig: {
    READ: { description: "Run queries." },
    WRITE: { description: "Run mutations (creating, changing and deleting records; connecting organizations by consent)." },
    SUBSCRIBE: { description: "Open subscriptions (over graphql-ws)." },
    ADMIN: { description: "Manage API keys and connected organizations (the fields marked ADMIN), whatever the key's organization grants." },
  },
});
