/**
 * The token from an `Authorization: Bearer <token>` value (HTTP header or the graphql-ws
 * `connectionParams.authorization`). Undefined when absent or not in that form.
 */
export function bearerToken(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(value);
  return match?.[1];
}
