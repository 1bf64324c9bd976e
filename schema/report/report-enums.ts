import { registerEnumType } from "type-graphql";

export enum ReportBasis {
  ACCRUAL = "ACCRUAL",
  CASH = "CASH",
}
registerEnumType(ReportBasis, { name: "ReportBasis", description: "ACCRUAL counts documents when issued; CASH when paid." });

export enum ReportTimeframe {
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
}
registerEnumType(ReportTimeframe, { name: "ReportTimeframe", description: "Length of each comparison period." });

export enum ReportServedFrom {
  LIVE = "LIVE",
  MIRROR = "MIRROR",
  CACHE = "CACHE",
}
registerEnumType(ReportServedFrom, {
  name: "ReportServedFrom",
  description:
    "What the report was made from. LIVE: the provider, now (its own report, or the books listed from it). " +
    "MIRROR: the gateway's mirror of the books, read at one moment. CACHE: a report the provider made earlier, kept because no change to the organization's books has arrived since.",
});
