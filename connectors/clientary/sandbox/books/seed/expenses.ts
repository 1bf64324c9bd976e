import { slashDate } from "./calendar.js";
import { dayBetween, nextId, stamps, type SeedContext } from "./context.js";
import { EXPENSE_KINDS } from "./names.js";

/** ~90 expenses over the window; some for a client's project, a few rebilled on an invoice. */
export function seedExpenses(ctx: SeedContext, count = 90): void {
  const { random, books } = ctx;
  const days = Array.from({ length: count }, () => dayBetween(ctx, ctx.start)).sort();
  for (const day of days) {
    const [description, low, high] = random.pick(EXPENSE_KINDS);
    const project = random.chance(0.4) ? random.pick(books.projects) : undefined;
    const rebilled = project ? books.invoices.find((i) => i.client_id === project.client_id && i.date >= slashDate(day) && i.status !== 0) : undefined;
    const rebill = rebilled && random.chance(0.4) ? rebilled : undefined;
    books.expenses.push({
      id: nextId(books, "expense"), ...stamps(ctx, day, 3), amount: random.amount(low, high), description, incurred_on: slashDate(day),
      client_id: project?.client_id ?? null, project_id: project?.id ?? null, invoice_id: rebill?.id ?? null,
      invoice_item_id: rebill?.invoice_items.find((item) => item.item_type === 3)?.id ?? null, user_id: random.pick(books.staff).id,
    });
  }
}
