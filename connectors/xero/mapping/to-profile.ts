import type { Organisation } from "xero-node";
import type { OrganizationProfile } from "../../../src/connector/adapter.js";
import { orNull } from "./common.js";
import { enumText } from "./statuses.js";

/** The profile plus what Xero's reports need of the organisation: its financial year end. */
export interface XeroOrganizationProfile extends OrganizationProfile {
  financialYearEnd?: { month: number; day: number } | null;
}

export function toOrganizationProfile(organisation: Organisation): XeroOrganizationProfile {
  const { financialYearEndMonth: month, financialYearEndDay: day } = organisation;
  return {
    name: organisation.name ?? "",
    baseCurrency: enumText(organisation.baseCurrency),
    countryCode: orNull(enumText(organisation.countryCode)),
    legalName: orNull(organisation.legalName),
    financialYearEnd: month && day ? { month, day } : null,
  };
}
