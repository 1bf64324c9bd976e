import type { XeroOrganisation } from "../types.js";
import type { SeedContext } from "./context.js";

export function seedOrganisation(ctx: SeedContext, organisationId: string): XeroOrganisation {
  const code = Array.from({ length: 5 }, () => ctx.rng.pick("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".split(""))).join("");
  return {
    OrganisationID: organisationId,
    Name: "Ledgerline Demo Company",
    LegalName: "Ledgerline Demo Company Inc.",
    PaysTax: true,
    Version: "GLOBAL",
    OrganisationType: "COMPANY",
    BaseCurrency: "USD",
    CountryCode: "US",
    IsDemoCompany: true,
    OrganisationStatus: "ACTIVE",
    RegistrationNumber: "DE-" + ctx.rng.int(1000000, 9999999),
    TaxNumber: `${ctx.rng.int(10, 99)}-${ctx.rng.int(1000000, 9999999)}`,
    FinancialYearEndDay: 31,
    FinancialYearEndMonth: 12,
    SalesTaxBasis: "ACCRUALS",
    SalesTaxPeriod: "MONTHLY",
    DefaultSalesTax: "Tax Exclusive",
    DefaultPurchasesTax: "Tax Exclusive",
    CreatedDateUTC: ctx.stamp(ctx.start.slice(0, 8) + "01"),
    Timezone: "EASTERNSTANDARDTIME",
    OrganisationEntityType: "COMPANY",
    ShortCode: "!" + code,
    Class: "DEMO",
    Edition: "BUSINESS",
    LineOfBusiness: "Office supplies and IT services",
    Addresses: [
      { AddressType: "POBOX", AddressLine1: "PO Box 4410", City: "Portland", Region: "OR", PostalCode: "97208", Country: "USA" },
      { AddressType: "STREET", AddressLine1: "200 SW Market Street", AddressLine2: "Suite 1450", City: "Portland", Region: "OR", PostalCode: "97201", Country: "USA" },
    ],
    Phones: [{ PhoneType: "OFFICE", PhoneNumber: "555-0142", PhoneAreaCode: "503", PhoneCountryCode: "1" }],
    ExternalLinks: [{ LinkType: "Website", Url: "https://demo.ledgerline.example" }],
    // Left empty on purpose: due dates then come from the document or the contact's terms.
    PaymentTerms: {},
  };
}
