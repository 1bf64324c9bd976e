import { registerEnumType } from "type-graphql";

export enum Provider {
  XERO = "XERO",
  DAFTRA = "DAFTRA",
  CLIENTARY = "CLIENTARY",
}
registerEnumType(Provider, { name: "Provider", description: "The accounting system behind an organization." });
