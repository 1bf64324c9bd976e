import type { StoreLocation } from "../../store/store-url.js";
import type { EventLog } from "./event-log.js";
import { createMemoryEventLog } from "./memory-event-log.js";
import { openRedisEventLog } from "./redis-event-log.js";
import { openSqliteEventLog } from "./sqlite-event-log.js";

/**
 * The event log next to the durable store: a table in the same SQLite file, a stream in the same
 * Redis (under the store's namespace), or memory for `memory://`.
 */
export function openEventLog(location: StoreLocation, namespace = "ledgerline"): Promise<EventLog> {
  switch (location.kind) {
    case "sqlite":
      return openSqliteEventLog(location.file);
    case "redis":
      return openRedisEventLog(location.url, { prefix: `${namespace}:events` });
    case "memory":
      return Promise.resolve(createMemoryEventLog());
  }
}
