import type { LineAmountType } from "../../schema/common/document.type.js";
import type { InvoiceStatus } from "../../schema/invoice/invoice-status.enum.js";

/** The unified create/update inputs the write actions hand to connectors. Money and quantities are decimal strings. */
export interface PhoneInput {
  /** DEFAULT, DDI, MOBILE or FAX. @default DEFAULT */
  kind?: string | null;
  number: string;
}

export interface AddressInput {
  /** STREET or POBOX. @default STREET */
  kind?: string | null;
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
}

export interface ContactInput {
  name: string;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  accountNumber?: string | null;
  taxNumber?: string | null;
  phones?: PhoneInput[];
  addresses?: AddressInput[];
}

export interface TrackingInput {
  categoryName: string;
  optionName: string;
}

export interface LineInput {
  /** Set to update an existing line; lines left out of an update are deleted by Xero. */
  remoteId?: string | null;
  description?: string | null;
  quantity?: string | null;
  unitAmount?: string | null;
  discountRate?: string | null;
  accountCode?: string | null;
  itemCode?: string | null;
  taxRateCode?: string | null;
  tracking?: TrackingInput[];
}

export interface InvoiceInput {
  /** INVOICE (sales, ACCREC) or BILL (purchase, ACCPAY). */
  type: "INVOICE" | "BILL";
  contactRemoteId: string;
  issueDate?: string | null;
  dueDate?: string | null;
  lineAmountType?: LineAmountType | null;
  lines: LineInput[];
  /** DRAFT, SUBMITTED or AUTHORISED on create; later statuses are Xero's to set. */
  status?: InvoiceStatus | null;
  number?: string | null;
  reference?: string | null;
  currency?: string | null;
}

export interface PaymentInput {
  /** The document the money pays: a sales invoice (money received) or a bill (money paid out). */
  documentType: "INVOICE" | "BILL";
  documentRemoteId: string;
  /** Code of the bank account the money moved through. */
  accountCode: string;
  date: string;
  amount: string;
  reference?: string | null;
}

export interface QuoteInput {
  contactRemoteId: string;
  issueDate?: string | null;
  expiryDate?: string | null;
  lineAmountType?: LineAmountType | null;
  lines: LineInput[];
  /** DRAFT (default) or SENT on create; later moves follow the provider's rules. */
  status?: string | null;
  reference?: string | null;
  title?: string | null;
  summary?: string | null;
  terms?: string | null;
}
