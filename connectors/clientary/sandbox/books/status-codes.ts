/** Clientary's numeric statuses the sandbox's rules turn on. https://www.clientary.com/api/invoices, /api/estimates, /api/projects */
export const INVOICE = { DRAFT: 0, SENT: 1, VIEWED: 2, CANCELLED: 3, PAID: 4 } as const;
export const ESTIMATE = { DRAFT: 0, SENT: 1, VIEWED: 2, CANCELLED: 3, DECLINED: 4, REVISED: 5, ACCEPTED: 6, ARCHIVED: 7 } as const;
export const PROJECT = { ACTIVE: 1, COMPLETED: 2, BILLABLE: 4 } as const;
export const CLIENT = { ACTIVE: 1, ARCHIVED: 2 } as const;
