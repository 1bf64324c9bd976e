import { Ctx, FieldResolver, Resolver, Root, type ClassType } from "type-graphql";
import type { GatewayContext } from "../../src/context/gateway-context.js";
import { baseTaxOf, rateToBase, toBaseAmount } from "../../src/money/base-currency.js";
import { DecimalScalar } from "../scalars/index.js";
import { Invoice, Bill } from "../invoice/invoice.type.js";
import { CreditNote } from "../credit-note/credit-note.type.js";
import { Quote } from "../quote/quote.type.js";
import { PurchaseOrder } from "../purchase-order/purchase-order.type.js";
import { BankTransaction } from "../bank-transaction/bank-transaction.type.js";
import { Payment } from "../payment/payment.type.js";
import { Expense } from "../expense/expense.type.js";

/** A record with an amount in some currency, as the mappers produce it. */
interface Priced {
  organizationId: string;
  currency: string;
  currencyRate?: string | null;
  [amount: string]: unknown;
}

/** The organization's base currency (its profile, cached by the connector), read once per request and organization. */
const perRequest = new WeakMap<object, Map<string, Promise<string>>>();
function baseCurrencyOf(ctx: GatewayContext, organizationId: string): Promise<string> {
  let known = perRequest.get(ctx);
  if (!known) perRequest.set(ctx, (known = new Map()));
  let base = known.get(organizationId);
  if (!base) {
    base = ctx.organizations.adapter(organizationId).then(async (adapter) => (await adapter.profile()).baseCurrency);
    known.set(organizationId, base);
  }
  return base;
}

async function rateOf(record: Priced, ctx: GatewayContext): Promise<string | null> {
  return rateToBase(record.currency, record.currencyRate, await baseCurrencyOf(ctx, record.organizationId));
}

async function baseOf(record: Priced, field: string, ctx: GatewayContext): Promise<string | null> {
  return toBaseAmount(record[field] as string | null | undefined, await rateOf(record, ctx));
}

const BASE_NULL = "Null when the record is in another currency and its provider states no rate.";
const RATE_DESCRIPTION =
  "Units of this record's currency per 1 unit of the organization's base currency (Xero's CurrencyRate): base amount = amount ÷ currencyRate. " +
  "1 when the record is in the base currency; null when it is in another currency and the provider states no rate (Daftra and Clientary state none).";

/** `currencyRate` (the one direction), `baseCurrency` and the amounts every priced record has, in the base currency. */
function currencyFields(type: ClassType) {
  @Resolver(() => type)
  class CurrencyFieldResolver {
    @FieldResolver(() => DecimalScalar, { nullable: true, description: RATE_DESCRIPTION })
    currencyRate(@Root() record: Priced, @Ctx() ctx: GatewayContext): Promise<string | null> {
      return rateOf(record, ctx);
    }

    @FieldResolver(() => String, { description: "The organization's base currency (ISO 4217), which the base* amounts are in." })
    baseCurrency(@Root() record: Priced, @Ctx() ctx: GatewayContext): Promise<string> {
      return baseCurrencyOf(ctx, record.organizationId);
    }
  }
  return CurrencyFieldResolver;
}

function documentBaseFields(type: ClassType) {
  @Resolver(() => type)
  class DocumentBaseFieldResolver {
    @FieldResolver(() => DecimalScalar, { nullable: true, description: `subTotal in the base currency (÷ currencyRate, 2 dp half-up). ${BASE_NULL}` })
    baseSubTotal(@Root() record: Priced, @Ctx() ctx: GatewayContext) {
      return baseOf(record, "subTotal", ctx);
    }

    @FieldResolver(() => DecimalScalar, {
      nullable: true,
      description: `totalTax in the base currency: baseTotal − baseSubTotal when subTotal + totalTax = total (so the base amounts add up), else ÷ currencyRate, 2 dp half-up. ${BASE_NULL}`,
    })
    async baseTotalTax(@Root() record: Priced, @Ctx() ctx: GatewayContext) {
      const money = (field: string) => record[field] as string | null | undefined;
      return baseTaxOf(money("subTotal"), money("totalTax"), money("total"), await rateOf(record, ctx));
    }

    @FieldResolver(() => DecimalScalar, { nullable: true, description: `total in the base currency (÷ currencyRate, 2 dp half-up). ${BASE_NULL}` })
    baseTotal(@Root() record: Priced, @Ctx() ctx: GatewayContext) {
      return baseOf(record, "total", ctx);
    }
  }
  return DocumentBaseFieldResolver;
}

function amountDueBaseField(type: ClassType) {
  @Resolver(() => type)
  class AmountDueBaseFieldResolver {
    @FieldResolver(() => DecimalScalar, { nullable: true, description: `amountDue in the base currency (÷ currencyRate, 2 dp half-up). ${BASE_NULL}` })
    baseAmountDue(@Root() record: Priced, @Ctx() ctx: GatewayContext) {
      return baseOf(record, "amountDue", ctx);
    }
  }
  return AmountDueBaseFieldResolver;
}

@Resolver(() => CreditNote)
class RemainingCreditBaseFieldResolver {
  @FieldResolver(() => DecimalScalar, { nullable: true, description: `remainingCredit in the base currency (÷ currencyRate, 2 dp half-up). ${BASE_NULL}` })
  baseRemainingCredit(@Root() record: Priced, @Ctx() ctx: GatewayContext) {
    return baseOf(record, "remainingCredit", ctx);
  }
}

@Resolver(() => Payment)
class PaymentBaseFieldResolver {
  @FieldResolver(() => DecimalScalar, { nullable: true, description: `amount in the base currency (÷ currencyRate, 2 dp half-up). ${BASE_NULL}` })
  baseAmount(@Root() record: Priced, @Ctx() ctx: GatewayContext) {
    return baseOf(record, "amount", ctx);
  }
}

/** Expense declares no `currencyRate`: these resolvers add it (no connector states one for expenses). */
const documents = [Invoice, Bill, CreditNote, Quote, PurchaseOrder, BankTransaction, Expense];

/** Every record with a currency also in the organization's base currency (`src/money/base-currency.ts` holds the rule). */
export const baseAmountResolvers = [
  ...[...documents, Payment].map(currencyFields),
  ...documents.map(documentBaseFields),
  ...[Invoice, Bill].map(amountDueBaseField),
  RemainingCreditBaseFieldResolver,
  PaymentBaseFieldResolver,
];
