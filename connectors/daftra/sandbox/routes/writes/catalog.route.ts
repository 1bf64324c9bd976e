/**
 * Products (create, edit, delete), stock transactions (create, read) and notes (add, read).
 * https://docs.daftara.dev (Products; Stock Transactions; Notes: POST /notes/{type}/{id})
 */
import { addNote, createProduct, createStockTransaction, deleteProduct, editProduct, notesOf, stockTransactionsOf } from "../../books/writes/index.js";
import type { Route } from "../../http/router.js";
import type { SandboxRuntime } from "../../runtime.js";
import { noteWire, stockTransactionWire } from "../../wire/reference.js";
import { resourceRoutes } from "../resource.js";
import { idParam, reply, withModel } from "./write-handler.js";

export const catalogWriteRoutes = (runtime: SandboxRuntime): Route[] => {
  const { books } = runtime.state;
  return [
    { method: "POST", pattern: "/products", handler: (ctx) => reply(runtime, withModel("Product", (r) => createProduct(books, r, runtime.now()))(ctx), "created") },
    {
      method: "PUT",
      pattern: "/products/:id",
      handler: (ctx) => {
        const id = idParam(ctx);
        return reply(runtime, id === undefined ? { missing: "Product not found" } : withModel("Product", (r) => editProduct(books, id, r, runtime.now()))(ctx), "edited");
      },
    },
    { method: "DELETE", pattern: "/products/:id", handler: (ctx) => reply(runtime, deleteProduct(books, idParam(ctx) ?? -1), { deleted: undefined }) },
    { method: "POST", pattern: "/stock_transactions", handler: (ctx) => reply(runtime, withModel("StockTransaction", (r) => createStockTransaction(books, r, runtime.now()))(ctx), "created") },
    ...resourceRoutes(runtime, { path: "stock_transactions", model: "StockTransaction", rows: stockTransactionsOf, wire: stockTransactionWire }),
    {
      method: "POST",
      pattern: "/notes/:type/:id",
      handler: (ctx) => reply(runtime, withModel("Note", (r) => addNote(books, ctx.params.type ?? "", idParam(ctx) ?? -1, r, runtime.now()))(ctx), "created"),
    },
    ...resourceRoutes(runtime, { path: "notes", model: "Note", rows: notesOf, wire: noteWire }),
  ];
};
