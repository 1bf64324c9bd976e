export * from "./outcome.js";
export { createParty, editParty, deleteParty, type PartyKind } from "./parties.js";
export { saveDocument, deleteDocument, findDocument, DOC_KINDS } from "./documents.js";
export { createInvoicePayment, deleteInvoicePayment, ACTIVE_METHODS } from "./payments.js";
export { saveCash, deleteCash } from "./cash.js";
export { createProduct, editProduct, deleteProduct, createStockTransaction, stockTransactionsOf, PRIMARY_STORE } from "./catalog.js";
export { addNote, notesOf } from "./notes.js";
