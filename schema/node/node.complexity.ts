/**
 * Cost of `nodes(ids:)`: like a list page, the number of records asked for times what each one
 * selects (`1 + ids × children`, as `connectionComplexity` prices `first`), so a hundred aliases of a
 * hundred ids selecting `id` cost 10,100 (over the default limit) instead of 200. Over 100 ids the call is refused when it
 * runs (BAD_USER_INPUT); it is still priced at the full count, so it can never look cheaper than it asked.
 */
export const nodesComplexity = ({ args, childComplexity }: { args: { ids?: unknown }; childComplexity: number }) =>
  1 + idCount(args.ids) * Math.max(1, childComplexity);

/** `ids` is a list; graphql coerces a single id written without brackets into a list of one. */
function idCount(ids: unknown): number {
  if (Array.isArray(ids)) return ids.length;
  return ids === undefined || ids === null ? 0 : 1;
}
