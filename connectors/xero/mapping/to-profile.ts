import type { Organisation } from "xero-node";
import type { OrganizationProfile } from "../../../src/connector/adapter.js";
import { orNull } from "./common.js";
import { enumText } from "./statuses.js";

export function toOrganizationProfile(organisation: Organisation): OrganizationProfile {
  return {
    name: organisation.name ?? "",
    baseCurrency: enumText(organisation.baseCurrency),
    countryCode: orNull(enumText(organisation.countryCode)),
    legalName: orNull(organisation.legalName),
  };
}
