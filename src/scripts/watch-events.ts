import { createClient } from "graphql-ws";
import WebSocket from "ws";

/**
 * A first subscriber: prints every event the API key may see, one line each, and keeps the last
 * cursor in a file so a restart resumes where it stopped (nothing missed, nothing twice).
 *
 *   LEDGERLINE_API_KEY=ll_… node dist/src/scripts/watch-events.js [ws://127.0.0.1:4000/graphql]
 */
export const WATCH_EVENTS = /* GraphQL */ `
  subscription Watch($after: String) {
    events(filter: { after: $after }) {
      cursor
      type
      provider
      remoteId
      occurredAt
      detectedAt
      record {
        id
        ... on Invoice { number status total amountDue }
        ... on Bill { number status total amountDue }
        ... on Quote { number quoteStatus: status total }
        ... on CreditNote { number status total }
        ... on Contact { name }
        ... on Payment { amount }
        ... on Item { code name }
        ... on Expense { description total }
        ... on Project { name }
        ... on Task { name }
        ... on Lead { name }
        ... on Staff { name }
      }
    }
  }
`;

async function main(): Promise<void> {
  const { readFile, writeFile } = await import("node:fs/promises");
  const key = process.env.LEDGERLINE_API_KEY;
  if (!key) {
    console.error("Set LEDGERLINE_API_KEY to the key `npm start` printed (ll_…).");
    process.exit(2);
  }
  const url = process.argv[2] ?? "ws://127.0.0.1:4000/graphql";
  const cursorFile = process.env.LEDGERLINE_CURSOR_FILE ?? ".ledgerline-cursor";
  let after: string | null = (await readFile(cursorFile, "utf8").catch(() => "")).trim() || null;
  const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${key}` }, retryAttempts: Infinity });
  console.log(`watching ${url}${after ? ` from cursor ${after}` : ""} (Ctrl-C to stop)`);
  for (;;) {
    const stream = client.iterate<{ events: { cursor: string; type: string; provider: string; remoteId: string; detectedAt: string; record: Record<string, unknown> | null } }>({ query: WATCH_EVENTS, variables: { after } });
    try {
      for await (const result of stream) {
        if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join("; "));
        const event = result.data!.events;
        console.log(`${event.detectedAt}  ${event.provider.padEnd(9)} ${event.type.padEnd(22)} ${JSON.stringify(event.record ?? { remoteId: event.remoteId })}`);
        after = event.cursor;
        await writeFile(cursorFile, after);
      }
    } catch (error) {
      console.error(`subscription ended: ${(error as Error).message ?? error}; resuming from the last cursor`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

if (process.argv[1]?.endsWith("watch-events.js")) void main();
