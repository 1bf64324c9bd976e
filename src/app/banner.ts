import type { RunningLedgerline } from "./start-ledgerline.js";

/** What `npm start` prints: where the gateway is, the key to use, and a first query to paste. */
export function banner(app: RunningLedgerline): string {
  const label = (text: string) => `  ${text.padEnd(19)}`;
  const lines = [``, `Ledgerline is running at ${app.url}`, `${label("subscriptions:")}${app.wsUrl}`, `${label("health:")}${new URL("/healthz", app.url)}`];
  for (const s of app.sandboxes) lines.push(`${label(`${s.provider.toLowerCase()} sandbox:`)}${s.url}  (organization ${s.organization.id})`);
  if (app.sandboxActivity) lines.push(`${label("sandbox activity:")}one business action per sandbox every ${seconds(app.sandboxActivity.everyMs)} (LEDGERLINE_SANDBOX_ACTIVITY_MS=0 stops it)`);
  for (const w of app.sandboxWebhooks) {
    lines.push(`${label(`${w.provider.toLowerCase()} webhooks:`)}${w.url}  (intent to receive ${w.ok ? "passed" : `failed: ${w.problems.join("; ")}`})`);
  }
  if (app.localApiKey) {
    const org = app.sandboxes[0]?.organization.id ?? "<organization id>";
    const query = `{ organization(id: \\"${org}\\") { name invoices(first: 5) { edges { node { number status total contact { name } } } } } }`;
    lines.push(
      ``,
      `API key for local use (send as 'Authorization: Bearer <key>'):`,
      `  ${app.localApiKey}`,
      ``,
      `Open ${app.url} in a browser to explore the schema, or paste:`,
      `  curl -s ${app.url} -H 'content-type: application/json' -H 'authorization: Bearer ${app.localApiKey}' \\`,
      `    -d '{"query":"${query}"}'`,
    );
  }
  return lines.join("\n") + "\n";
}

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);
