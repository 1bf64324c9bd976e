import type { RequestHandler } from "express";

/** `GET /healthz`: 200 `{ status: "ok" }` while the process serves requests; needs no API key. */
export function healthCheck(): RequestHandler {
  return (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  };
}
