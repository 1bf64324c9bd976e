/**
 * The sandbox's books, stored as Clientary sends them: snake_case records with integer ids. Invoice
 * and estimate records hold their own items; payment sums and balances are derived when served.
 */
export type WireDate = string;
export type Timestamp = string;

export interface Stamped {
  id: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PartyRecord extends Stamped {
  number: string;
  name: string;
  address: string | null;
  address_2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
  website: string | null;
  description: string | null;
  invoice_extra_fields: string | null;
  /** Clients: 1 active, 2 archived. */
  status: number;
}

export interface PersonRecord extends Stamped {
  name: string;
  email: string;
  title: string | null;
  phone: string | null;
  mobile: string | null;
  ext: string | null;
  avatar: string | null;
}

export interface ContactRecord extends PersonRecord {
  client_id: number;
}

export interface ItemRecord {
  id: number;
  title: string;
  quantity: number;
  price: number;
  taxable: boolean;
  /** 0 section header, 3 regular line. */
  item_type: number;
}

export interface DocumentRecord extends Stamped {
  number: string;
  title: string | null;
  date: WireDate;
  client_id: number;
  project_id: number | null;
  note: string | null;
  po: string | null;
  summary: string | null;
  status: number;
  currency_code: string;
  tax: number;
  tax2: number;
  tax3: number;
  tax_label: string | null;
  tax2_label: string | null;
  tax3_label: string | null;
  compound_tax: boolean;
  subtotal: number;
  total_cost: number;
}

export interface EstimateRecord extends DocumentRecord {
  estimate_items: ItemRecord[];
}

export interface InvoiceRecord extends DocumentRecord {
  due_date: WireDate;
  invoice_items: ItemRecord[];
  recurring_schedules: Array<{ id: number }>;
}

export interface PaymentRecord extends Stamped {
  invoice_id: number;
  amount: number;
  note: string | null;
  received_on: string;
  transaction_id: string | null;
  transaction_fee_amount: number;
}

export interface ExpenseRecord extends Stamped {
  amount: number;
  description: string;
  incurred_on: WireDate;
  client_id: number | null;
  project_id: number | null;
  invoice_id: number | null;
  invoice_item_id: number | null;
  user_id: number;
}

export interface ProjectRecord extends Stamped {
  number: string;
  name: string;
  description: string | null;
  /** 1 active, 2 completed, 4 billable. */
  status: number;
  project_type: number;
  budget_type: number;
  budget: number | null;
  rate: number;
  currency_code: string;
  start_date: WireDate | null;
  end_date: WireDate | null;
  client_id: number;
}

export interface TaskRecord extends Stamped {
  title: string;
  description: string | null;
  complete: boolean;
  completed_at: Timestamp | null;
  due_date: WireDate | null;
  project_id: number | null;
  client_id: number | null;
  assignee_id: number | null;
  user_id: number;
}

export interface HourRecord extends Stamped {
  project_id: number;
  user_id: number;
  title: string;
  description: string | null;
  date: WireDate;
  hours: number;
  rate: number;
  "billed?": boolean;
}

export type StaffRecord = PersonRecord;

/** An invoice or estimate emailed through POST /:documents/:id/messages. */
export interface MessageRecord extends Stamped {
  document: "invoice" | "estimate";
  document_id: number;
  recipients: string[];
  subject: string;
  message: string | null;
  send_copy: boolean;
  attach_pdf: boolean;
}

/** How many of each the account's plan allows (426 past it). */
export interface PlanLimits {
  clients: number;
  leads: number;
  contacts: number;
}

export type Sequence = "client" | "contact" | "project" | "task" | "hour" | "staff" | "estimate" | "invoice" | "item" | "payment" | "expense" | "message";

export interface ClientaryBooks {
  seed: number;
  /** The day the seeded history ends on (YYYY-MM-DD). */
  today: string;
  account: { name: string; currency: string; planLimits: PlanLimits };
  sequences: Record<Sequence, number>;
  clients: PartyRecord[];
  /** Leads share the clients' id space (a converted lead keeps its id). */
  leads: PartyRecord[];
  contacts: ContactRecord[];
  staff: StaffRecord[];
  projects: ProjectRecord[];
  tasks: TaskRecord[];
  hours: HourRecord[];
  estimates: EstimateRecord[];
  invoices: InvoiceRecord[];
  payments: PaymentRecord[];
  expenses: ExpenseRecord[];
  /** Documents emailed through the API (books saved before messages existed have none). */
  messages?: MessageRecord[];
}
