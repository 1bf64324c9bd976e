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
  /** Where a provider keeps customers and suppliers apart (Daftra), which one to create; others ignore it. @default CUSTOMER */
  role?: "CUSTOMER" | "SUPPLIER" | null;
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

/** A purchase order to a supplier. */
export interface PurchaseOrderInput {
  contactRemoteId: string;
  issueDate?: string | null;
  deliveryDate?: string | null;
  lineAmountType?: LineAmountType | null;
  lines: LineInput[];
  /** DRAFT (default), SUBMITTED or AUTHORISED on create. */
  status?: string | null;
  number?: string | null;
  reference?: string | null;
  currency?: string | null;
  deliveryAddress?: string | null;
}

/** A credit note: SALES credits a customer, PURCHASE is credit from a supplier. */
export interface CreditNoteInput {
  kind: "SALES" | "PURCHASE";
  contactRemoteId: string;
  issueDate?: string | null;
  lineAmountType?: LineAmountType | null;
  lines: LineInput[];
  /** DRAFT (default), SUBMITTED or AUTHORISED on create. */
  status?: InvoiceStatus | null;
  number?: string | null;
  reference?: string | null;
  currency?: string | null;
}

/** Money spent from or received into a bank account without an invoice. */
export interface BankTransactionInput {
  kind: "SPEND" | "RECEIVE";
  /** Code of the bank account the money moved through (Daftra: treasury id). */
  bankAccountCode: string;
  contactRemoteId?: string | null;
  date: string;
  lineAmountType?: LineAmountType | null;
  lines: LineInput[];
  reference?: string | null;
}

/** An expense (Daftra expense with tax; Clientary expense). Amounts are decimal strings. */
export interface ExpenseInput {
  date: string;
  /** The amount before tax (tax, if any, is added from taxRateCode). */
  amount: string;
  description?: string | null;
  /** The provider's expense category (name). */
  category?: string | null;
  /** Expense account code where the provider posts expenses to accounts. */
  accountCode?: string | null;
  taxRateCode?: string | null;
  /** Bank / treasury the money came from. */
  paidFromAccountCode?: string | null;
  contactRemoteId?: string | null;
  projectRemoteId?: string | null;
  isBillable?: boolean | null;
  reference?: string | null;
  currency?: string | null;
}

/** A product or service. */
export interface ItemInput {
  code: string;
  name: string;
  description?: string | null;
  salesUnitPrice?: string | null;
  purchaseUnitPrice?: string | null;
  salesAccountCode?: string | null;
  purchaseAccountCode?: string | null;
  taxRateCode?: string | null;
  /** Track stock on hand (Xero: needs inventoryAssetAccountCode). */
  isTracked?: boolean | null;
  inventoryAssetAccountCode?: string | null;
}

export interface ProjectInput {
  name: string;
  contactRemoteId?: string | null;
  description?: string | null;
  startDate?: string | null;
  dueDate?: string | null;
  budget?: string | null;
  hourlyRate?: string | null;
}

export interface TaskInput {
  projectRemoteId: string;
  name: string;
  description?: string | null;
  dueDate?: string | null;
  estimatedHours?: string | null;
  assigneeRemoteId?: string | null;
}

export interface TimeEntryInput {
  projectRemoteId: string;
  taskRemoteId?: string | null;
  staffRemoteId?: string | null;
  date: string;
  hours: string;
  description?: string | null;
  isBillable?: boolean | null;
}

/** Applies part of a credit note to an invoice (sales credit) or bill (purchase credit). */
export interface CreditAllocationInput {
  creditNoteRemoteId: string;
  documentType: "INVOICE" | "BILL";
  documentRemoteId: string;
  amount: string;
  date?: string | null;
}

/** Adds stock to a tracked item (Daftra: a stock transaction; Xero: a purchase of the item, as Xero allows). */
export interface StockAdditionInput {
  itemRemoteId: string;
  quantity: string;
  /** Cost per unit (defaults to the item's purchase price). */
  unitCost?: string | null;
  date?: string | null;
  /** Supplier the stock was bought from (Xero: required, the purchase's contact). */
  contactRemoteId?: string | null;
  /** Bank account the purchase was paid from (Xero: required, a SPEND bank transaction). */
  bankAccountCode?: string | null;
  /** Warehouse / store where the provider keeps stock per location. */
  warehouseRemoteId?: string | null;
  note?: string | null;
}

/** Moves money between two of the organization's bank accounts. */
export interface BankTransferInput {
  fromAccountCode: string;
  toAccountCode: string;
  amount: string;
  date: string;
  reference?: string | null;
}
