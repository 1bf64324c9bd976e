import { Router } from "express";
import type { Logger } from "../../../src/infra/logger.js";
import { ErrorCode, isGatewayError } from "../../../src/errors/index.js";
import { START_AGAIN, type XeroConnectFlow } from "./xero-connect-flow.js";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body style="font-family:sans-serif;max-width:40em;margin:3em auto"><h1>${escape(title)}</h1>${body}</body></html>`;

/** Xero redirects the person here after consent (the path of XERO_REDIRECT_URI); the `state` authorizes it. */
export function xeroCallbackRoute(path: string, flow: XeroConnectFlow, logger: Logger): Router {
  const router = Router();
  router.get(path, async (req, res) => {
    const query = { code: str(req.query.code), state: str(req.query.state), error: str(req.query.error) };
    try {
      const organization = await flow.complete(query);
      res.status(200).type("html").send(page("Xero organisation connected", `<p><b>${escape(organization.name)}</b> is connected as organization <code>${escape(organization.id)}</code>.</p><p>Query it with <code>organization(id: "${escape(organization.id)}")</code>.</p>`));
    } catch (error) {
      const message = isGatewayError(error) ? error.message : `The connection failed. ${START_AGAIN}`;
      if (!isGatewayError(error)) logger.error("Xero connection callback failed", { error: String(error) });
      const status = isGatewayError(error) && error.code === ErrorCode.FORBIDDEN ? 403 : 400;
      res.status(status).type("html").send(page("Xero organisation not connected", `<p>${escape(message)}</p>`));
    }
  });
  return router;
}

const str = (value: unknown) => (typeof value === "string" ? value : undefined);
