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
