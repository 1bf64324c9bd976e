/**
 * Record shapes of the Xero sandbox books, in Xero's PascalCase wire shape
 * (field names as in Xero's accounting OpenAPI spec).
 *
 * Storage conventions (the HTTP layer converts on output):
 * - accounting dates are "YYYY-MM-DD" strings (fields listed in DATE_FIELDS);
 * - timestamps are full ISO strings "2026-01-02T03:04:05.123Z" (TIMESTAMP_FIELDS);
 * - money is a JS number already rounded to 2 dp (computed with decimal.js).
 */

/** Fields holding accounting dates ("YYYY-MM-DD"), rendered as `/Date(ms+0000)/` on the wire. */
export const DATE_FIELDS = [
  "Date",
  "DueDate",
  "FullyPaidOnDate",
  "ExpiryDate",
  "DeliveryDate",
  "ExpectedArrivalDate",
  "ExpectedPaymentDate",
  "PlannedPaymentDate",
  "PeriodLockDate",
  "EndOfYearLockDate",
] as const;

/** Fields holding timestamps (ISO with ms and Z), rendered as `/Date(ms+0000)/` on the wire. */
export const TIMESTAMP_FIELDS = ["UpdatedDateUTC", "CreatedDateUTC", "DateUTC"] as const;

export type IsoDate = string;
export type IsoTimestamp = string;
export type Guid = string;

export const ZERO_GUID = "00000000-0000-0000-0000-000000000000";

export type LineAmountTypes = "Exclusive" | "Inclusive" | "NoTax";
export type QuoteLineAmountTypes = "EXCLUSIVE" | "INCLUSIVE" | "NOTAX";
export type InvoiceType = "ACCREC" | "ACCPAY";
export type CreditNoteType = "ACCRECCREDIT" | "ACCPAYCREDIT";
export type DocumentStatus = "DRAFT" | "SUBMITTED" | "AUTHORISED" | "PAID" | "VOIDED" | "DELETED";
export type QuoteStatus = "DRAFT" | "SENT" | "ACCEPTED" | "DECLINED" | "INVOICED" | "DELETED";
export type PurchaseOrderStatus = "DRAFT" | "SUBMITTED" | "AUTHORISED" | "BILLED" | "DELETED";
export type PaymentType = "ACCRECPAYMENT" | "ACCPAYPAYMENT" | "ARCREDITPAYMENT" | "APCREDITPAYMENT";
export type BankTransactionType =
  | "RECEIVE" | "SPEND" | "RECEIVE-OVERPAYMENT" | "SPEND-OVERPAYMENT"
  | "RECEIVE-PREPAYMENT" | "SPEND-PREPAYMENT" | "RECEIVE-TRANSFER" | "SPEND-TRANSFER";
export type AccountType =
  | "BANK" | "CURRENT" | "CURRLIAB" | "DEPRECIATN" | "DIRECTCOSTS" | "EQUITY" | "EXPENSE" | "FIXED"
  | "INVENTORY" | "LIABILITY" | "NONCURRENT" | "OTHERINCOME" | "OVERHEADS" | "PREPAYMENT" | "REVENUE"
  | "SALES" | "TERMLIAB" | "PAYG";
export type AccountClass = "ASSET" | "EQUITY" | "EXPENSE" | "LIABILITY" | "REVENUE";

export interface XeroAddress {
  AddressType: "POBOX" | "STREET";
  AddressLine1?: string; AddressLine2?: string; AddressLine3?: string; AddressLine4?: string;
  City?: string; Region?: string; PostalCode?: string; Country?: string; AttentionTo?: string;
}

export interface XeroPhone {
  PhoneType: "DEFAULT" | "DDI" | "MOBILE" | "FAX" | "OFFICE";
  PhoneNumber?: string; PhoneAreaCode?: string; PhoneCountryCode?: string;
}

export interface XeroPaymentTermDetail {
  Day: number;
  Type: "DAYSAFTERBILLDATE" | "DAYSAFTERBILLMONTH" | "OFCURRENTMONTH" | "OFFOLLOWINGMONTH";
}
export interface XeroPaymentTerms { Bills?: XeroPaymentTermDetail; Sales?: XeroPaymentTermDetail }

export interface XeroOrganisation {
  OrganisationID: Guid;
  APIKey?: string;
  Name: string;
  LegalName: string;
  PaysTax: boolean;
  Version: string;
  OrganisationType: string;
  BaseCurrency: string;
  CountryCode: string;
  IsDemoCompany: boolean;
  OrganisationStatus: string;
  RegistrationNumber?: string;
  TaxNumber?: string;
  FinancialYearEndDay: number;
  FinancialYearEndMonth: number;
  SalesTaxBasis: string;
  SalesTaxPeriod?: string;
  DefaultSalesTax: string;
  DefaultPurchasesTax: string;
  PeriodLockDate?: IsoDate;
  EndOfYearLockDate?: IsoDate;
  CreatedDateUTC: IsoTimestamp;
  Timezone: string;
  OrganisationEntityType: string;
  ShortCode: string;
  Class: string;
  Edition: string;
  LineOfBusiness?: string;
  Addresses: XeroAddress[];
  Phones: XeroPhone[];
  ExternalLinks: { LinkType: string; Url: string }[];
  PaymentTerms: XeroPaymentTerms;
}

export interface XeroAccount {
  AccountID: Guid;
  Code: string;
  Name: string;
  Type: AccountType;
  Class: AccountClass;
  Status: "ACTIVE" | "ARCHIVED" | "DELETED";
  Description?: string;
  BankAccountNumber?: string;
  BankAccountType?: "BANK" | "CREDITCARD" | "PAYPAL" | "NONE" | "";
  CurrencyCode?: string;
  TaxType?: string;
  EnablePaymentsToAccount: boolean;
  ShowInExpenseClaims: boolean;
  SystemAccount?: string;
  ReportingCode?: string;
  ReportingCodeName?: string;
  HasAttachments: boolean;
  AddToWatchlist?: boolean;
  UpdatedDateUTC: IsoTimestamp;
}

export interface XeroTaxComponent { Name: string; Rate: number; IsCompound: boolean; IsNonRecoverable: boolean }

export interface XeroTaxRate {
  Name: string;
  TaxType: string;
  TaxComponents: XeroTaxComponent[];
  Status: "ACTIVE" | "DELETED" | "ARCHIVED" | "PENDING";
  ReportTaxType?: string;
  CanApplyToAssets: boolean;
  CanApplyToEquity: boolean;
  CanApplyToExpenses: boolean;
  CanApplyToLiabilities: boolean;
  CanApplyToRevenue: boolean;
  DisplayTaxRate: number;
  EffectiveRate: number;
}

export interface XeroTrackingOption {
  TrackingOptionID: Guid;
  Name: string;
  Status: "ACTIVE" | "ARCHIVED" | "DELETED";
  TrackingCategoryID: Guid;
}

export interface XeroTrackingCategory {
  TrackingCategoryID: Guid;
  Name: string;
  Status: "ACTIVE" | "ARCHIVED" | "DELETED";
  Options: XeroTrackingOption[];
}

export interface XeroContact {
  ContactID: Guid;
  ContactNumber?: string;
  AccountNumber?: string;
  ContactStatus: "ACTIVE" | "ARCHIVED" | "GDPRREQUEST";
  Name: string;
  FirstName?: string;
  LastName?: string;
  CompanyNumber?: string;
  EmailAddress?: string;
  ContactPersons?: { FirstName?: string; LastName?: string; EmailAddress?: string; IncludeInEmails?: boolean }[];
  BankAccountDetails?: string;
  TaxNumber?: string;
  AccountsReceivableTaxType?: string;
  AccountsPayableTaxType?: string;
  Addresses: XeroAddress[];
  Phones: XeroPhone[];
  IsSupplier: boolean;
  IsCustomer: boolean;
  DefaultCurrency?: string;
  SalesDefaultAccountCode?: string;
  PurchasesDefaultAccountCode?: string;
  PaymentTerms?: XeroPaymentTerms;
  Website?: string;
  HasAttachments: boolean;
  HasValidationErrors: boolean;
  UpdatedDateUTC: IsoTimestamp;
}

export interface XeroItemDetails { UnitPrice?: number; AccountCode?: string; COGSAccountCode?: string; TaxType?: string }

export interface XeroItem {
  ItemID: Guid;
  Code: string;
  Name: string;
  Description?: string;
  PurchaseDescription?: string;
  IsSold: boolean;
  IsPurchased: boolean;
  IsTrackedAsInventory: boolean;
  InventoryAssetAccountCode?: string;
  TotalCostPool?: number;
  QuantityOnHand?: number;
  SalesDetails: XeroItemDetails;
  PurchaseDetails: XeroItemDetails;
  UpdatedDateUTC: IsoTimestamp;
}

export interface XeroLineItemTracking { TrackingCategoryID: Guid; TrackingOptionID: Guid; Name: string; Option: string }

export interface XeroLineItem {
  LineItemID: Guid;
  Description?: string;
  Quantity: number;
  UnitAmount: number;
  ItemCode?: string;
  AccountCode?: string;
  AccountID?: Guid;
  TaxType?: string;
  TaxAmount: number;
  LineAmount: number;
  DiscountRate?: number;
  Tracking: XeroLineItemTracking[];
}

export interface XeroContactRef { ContactID: Guid; Name: string }
export interface XeroAccountRef { AccountID: Guid; Code: string; Name?: string }

/** Payment summary embedded in invoices and credit notes. */
export interface XeroPaymentSummary { PaymentID: Guid; Date: IsoDate; Amount: number; Reference?: string; CurrencyRate: number }

/** Credit note summary embedded in invoices (one per allocation). */
export interface XeroCreditNoteSummary {
  CreditNoteID: Guid; CreditNoteNumber?: string; AppliedAmount: number; Date: IsoDate; Total: number;
}

interface XeroDocumentTotals {
  LineAmountTypes: LineAmountTypes;
  LineItems: XeroLineItem[];
  SubTotal: number;
  TotalTax: number;
  Total: number;
  TotalDiscount?: number;
  CurrencyCode: string;
  CurrencyRate: number;
}

export interface XeroInvoice extends XeroDocumentTotals {
  Type: InvoiceType;
  InvoiceID: Guid;
  InvoiceNumber?: string;
  Reference?: string;
  Contact: XeroContactRef;
  Date: IsoDate;
  DueDate?: IsoDate;
  Status: DocumentStatus;
  AmountDue: number;
  AmountPaid: number;
  AmountCredited: number;
  FullyPaidOnDate?: IsoDate;
  ExpectedPaymentDate?: IsoDate;
  PlannedPaymentDate?: IsoDate;
  Payments: XeroPaymentSummary[];
  CreditNotes: XeroCreditNoteSummary[];
  BrandingThemeID?: Guid;
  Url?: string;
  SentToContact: boolean;
  IsDiscounted: boolean;
  HasAttachments: boolean;
  HasErrors: boolean;
  UpdatedDateUTC: IsoTimestamp;
}

export interface XeroAllocation {
  AllocationID: Guid;
  Invoice: { InvoiceID: Guid; InvoiceNumber?: string };
  Amount: number;
  Date: IsoDate;
}

export interface XeroCreditNote extends XeroDocumentTotals {
  Type: CreditNoteType;
  CreditNoteID: Guid;
  CreditNoteNumber?: string;
  Reference?: string;
  Contact: XeroContactRef;
  Date: IsoDate;
  DueDate?: IsoDate;
  Status: DocumentStatus;
  RemainingCredit: number;
  Allocations: XeroAllocation[];
  Payments: XeroPaymentSummary[];
  FullyPaidOnDate?: IsoDate;
  SentToContact: boolean;
  HasAttachments: boolean;
  HasErrors: boolean;
  UpdatedDateUTC: IsoTimestamp;
}

export interface XeroPayment {
  PaymentID: Guid;
  /** Exactly one of Invoice / CreditNote is set. */
  Invoice?: { InvoiceID: Guid; InvoiceNumber?: string; Type: InvoiceType; Contact: XeroContactRef; CurrencyCode: string };
  CreditNote?: { CreditNoteID: Guid; CreditNoteNumber?: string; Type: CreditNoteType; Contact: XeroContactRef; CurrencyCode: string };
  Account: XeroAccountRef;
  Date: IsoDate;
  Amount: number;
  BankAmount: number;
  CurrencyRate: number;
  Reference?: string;
  IsReconciled: boolean;
  Status: "AUTHORISED" | "DELETED";
  PaymentType: PaymentType;
  HasAccount: boolean;
  HasValidationErrors: boolean;
  UpdatedDateUTC: IsoTimestamp;
}

export interface XeroQuote {
  QuoteID: Guid;
  QuoteNumber: string;
  Reference?: string;
  Terms?: string;
  Title?: string;
  Summary?: string;
  Contact: XeroContactRef;
  LineItems: XeroLineItem[];
  Date: IsoDate;
  ExpiryDate?: IsoDate;
  Status: QuoteStatus;
  LineAmountTypes: QuoteLineAmountTypes;
  SubTotal: number;
  TotalTax: number;
  Total: number;
  TotalDiscount?: number;
  CurrencyCode: string;
  CurrencyRate: number;
  BrandingThemeID?: Guid;
  UpdatedDateUTC: IsoTimestamp;
}

export interface XeroPurchaseOrder extends XeroDocumentTotals {
  PurchaseOrderID: Guid;
  PurchaseOrderNumber: string;
  Reference?: string;
  Contact: XeroContactRef;
  Date: IsoDate;
  DeliveryDate?: IsoDate;
  ExpectedArrivalDate?: IsoDate;
  DeliveryAddress?: string;
  AttentionTo?: string;
  Telephone?: string;
  DeliveryInstructions?: string;
  Status: PurchaseOrderStatus;
  SentToContact: boolean;
  HasAttachments: boolean;
  UpdatedDateUTC: IsoTimestamp;
}

export interface XeroBankTransaction extends XeroDocumentTotals {
  BankTransactionID: Guid;
  Type: BankTransactionType;
  Contact?: XeroContactRef;
  BankAccount: XeroAccountRef;
  IsReconciled: boolean;
  Date: IsoDate;
  Reference?: string;
  Url?: string;
  Status: "AUTHORISED" | "DELETED" | "VOIDED";
  HasAttachments: boolean;
  UpdatedDateUTC: IsoTimestamp;
}

export interface XeroBankTransfer {
  BankTransferID: Guid;
  FromBankAccount: XeroAccountRef;
  ToBankAccount: XeroAccountRef;
  Amount: number;
  Date: IsoDate;
  CurrencyRate: number;
  FromBankTransactionID: Guid;
  ToBankTransactionID: Guid;
  FromIsReconciled: boolean;
  ToIsReconciled: boolean;
  Reference?: string;
  HasAttachments: boolean;
  Status: "AUTHORISED" | "DELETED";
  CreatedDateUTC: IsoTimestamp;
}

export interface XeroHistoryRecord {
  Changes: string;
  DateUTC: IsoTimestamp;
  User: string;
  Details: string;
}

export interface XeroBooks {
  /** Equals organisation.OrganisationID. */
  tenantId: string;
  organisation: XeroOrganisation;
  accounts: XeroAccount[];
  taxRates: XeroTaxRate[];
  trackingCategories: XeroTrackingCategory[];
  contacts: XeroContact[];
  items: XeroItem[];
  /** ACCREC (sales) and ACCPAY (bills) together, as in Xero. */
  invoices: XeroInvoice[];
  creditNotes: XeroCreditNote[];
  payments: XeroPayment[];
  quotes: XeroQuote[];
  purchaseOrders: XeroPurchaseOrder[];
  bankTransactions: XeroBankTransaction[];
  bankTransfers: XeroBankTransfer[];
  /** Keyed by the parent record's GUID, oldest first. */
  history: Record<string, XeroHistoryRecord[]>;
  /** Last number issued per prefix: "INV", "QU", "PO", "CN". */
  sequences: Record<string, number>;
}

// ---- Reports (the element inside `Reports: [...]`) ----

export interface XeroReportAttribute { Id: string; Value: string }
export interface XeroReportCell { Value?: string; Attributes?: XeroReportAttribute[] }
export interface XeroReportRow {
  RowType: "Header" | "Section" | "Row" | "SummaryRow";
  Title?: string;
  Cells?: XeroReportCell[];
  Rows?: XeroReportRow[];
}
export interface XeroReport {
  ReportID: string;
  ReportName: string;
  ReportType: string;
  ReportTitles: string[];
  ReportDate: string;
  UpdatedDateUTC: IsoTimestamp;
  Fields: { FieldID: string; Description: string; Value: string }[];
  Rows: XeroReportRow[];
}

// ---- Writes ----

export interface WriteOptions {
  /** ISO timestamp of the request; stamps UpdatedDateUTC and defaults dates (its date part). */
  now: IsoTimestamp;
  /** "create" for PUT (never updates), "upsert" for POST. */
  mode: "create" | "upsert";
  /** Decimal places kept on UnitAmount (Xero's `unitdp` query parameter); default 2. */
  unitdp?: 2 | 4;
}

export type WriteResult<T> =
  | { ok: true; record: T }
  /** notFound: a referenced id does not exist; Xero answers the whole request with 404. */
  | { ok: false; element: unknown; errors: string[]; notFound?: boolean };
