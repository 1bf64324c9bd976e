import { createHash } from "node:crypto";
import type { RequestHandler } from "express";
import { getIntrospectionQuery } from "graphql";
import { pageScript } from "./page-script.js";
import { pageStyle } from "./page-style.js";

export interface LandingPageOptions {
  /** Path of the GraphQL endpoint the page talks to. @default "/graphql" */
  endpoint?: string;
  /** Operation shown in the editor on first visit. @default "{ __typename }" */
  exampleQuery?: string;
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * A self-contained explorer page for people: paste an API key, browse the schema's types and
 * fields, run operations with variables and read the JSON. Served only to requests that prefer
 * text/html (browsers); everything else falls through to the GraphQL handler. Its Content
 * Security Policy allows only its own inline script and style and requests to this origin, so the
 * page cannot load anything from elsewhere.
 */
export function landingPage({ endpoint = "/graphql", exampleQuery = "{ __typename }" }: LandingPageOptions = {}): RequestHandler {
  const html = renderPage({ endpoint, exampleQuery, introspectionQuery: getIntrospectionQuery({ descriptions: true }) });
  const policy = [
    "default-src 'none'",
    `script-src ${sha256(pageScript)}`,
    `style-src ${sha256(pageStyle)}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  return (req, res, next) => {
    if (req.accepts(["application/json", "application/graphql-response+json", "text/html"]) !== "text/html") return next();
    res.set({ "Content-Security-Policy": policy, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" }).type("html").send(html);
  };
}

function renderPage(config: { endpoint: string; exampleQuery: string; introspectionQuery: string }): string {
  // "<" is escaped so the JSON can never close its <script> element.
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ledgerline GraphQL explorer</title>
<style>${pageStyle}</style>
</head>
<body>
<header>
  <h1>Ledgerline</h1>
  <label for="api-key">API key</label>
  <input id="api-key" type="password" autocomplete="off" spellcheck="false" placeholder="ll_… (printed by npm start)">
  <button id="connect" type="button">Load schema</button>
  <span id="status">Paste your API key to browse the schema. It stays in this tab only.</span>
</header>
<main>
  <aside>
    <input id="type-filter" type="search" placeholder="Filter types">
    <ul id="type-list"></ul>
    <div id="type-detail"></div>
  </aside>
  <section>
    <div class="editor-row">
      <label for="operation-name">Operation name</label>
      <input id="operation-name" placeholder="optional">
      <button id="run" type="button">Run (Ctrl+Enter)</button>
    </div>
    <textarea id="query" spellcheck="false" aria-label="Operation"></textarea>
    <div class="meta">Variables (JSON)</div>
    <textarea id="variables" spellcheck="false" aria-label="Variables"></textarea>
    <div id="result-meta" class="meta"></div>
    <pre id="result"></pre>
  </section>
</main>
<script type="application/json" id="ll-config">${json}</script>
<script>${pageScript}</script>
</body>
</html>
`;
}
