import { Arg, Args, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import type { ExpenseInput as ExpenseWrite } from "../../src/connector/inputs.js";
import { badUserInput } from "../../src/errors/index.js";
import { fromGlobalId } from "../../src/ids/global-id.js";
import { Expense } from "./expense.type.js";
import { ExpenseInput, ExpenseUpdateInput } from "./expense.input.js";
import { WriteArgs } from "../actions/write.args.js";
import { runCreate } from "../actions/run-create.js";
import { recordOrRequest } from "../actions/once.js";
import { InputChecks } from "../actions/input-checks.js";
import { recordPayload } from "../actions/record-payload.js";

export const ExpensePayload = recordPayload(Expense);

/** Checks an expense (whole, or the changes to one) and swaps its global ids for provider ids. */
function toExpenseWrite<T extends ExpenseInput | ExpenseUpdateInput>(organizationId: string, input: T): Omit<T, "contactId" | "projectId"> & Pick<ExpenseWrite, "contactRemoteId" | "projectRemoteId"> {
  const checks = new InputChecks(organizationId);
  checks.positive(input.amount, "input.amount");
  const contactRemoteId = checks.optionalRef(input.contactId, "input.contactId", "Contact");
  const projectRemoteId = checks.optionalRef(input.projectId, "input.projectId", "Project");
  checks.currency(input.currency);
  checks.done();
  const { contactId: _contact, projectId: _project, ...rest } = input;
  return { ...rest, contactRemoteId, projectRemoteId };
}

@Resolver()
export class ExpenseMutationResolver {
  @Mutation(() => ExpensePayload, { description: "Records an expense (Daftra, Clientary; Xero keeps spending as bills and bank transactions)." })
  createExpense(@Args() args: WriteArgs, @Arg("input", () => ExpenseInput) input: ExpenseInput, @Ctx() ctx: GatewayContext) {
    return runCreate(ctx, "Expense", toExpenseWrite(args.organizationId, input), args);
  }

  @Mutation(() => ExpensePayload, { description: "Changes an expense; fields left out stay as they are." })
  async updateExpense(@Arg("id", () => ID) id: string, @Arg("input", () => ExpenseUpdateInput) input: ExpenseUpdateInput, @Arg("dryRun", () => Boolean, { defaultValue: false }) dryRun: boolean, @Ctx() ctx: GatewayContext) {
    const parts = fromGlobalId(id);
    if (parts.type !== "Expense") throw badUserInput([{ field: "id", message: "must be the id of an Expense." }]);
    const changes = toExpenseWrite(parts.organizationId, input);
    const adapter = await ctx.organizations.adapter(parts.organizationId);
    return { ...recordOrRequest(await adapter.update!("Expense", parts.remoteId, changes, { dryRun })), replayed: false };
  }
}
