export * from "./event.js";
export type { EventLog } from "./event-log/event-log.js";
export { openEventLog } from "./event-log/open-event-log.js";
export { declaredTriggers, declaredChangesOf, triggerEntities } from "./trigger-declarations.js";
export type { TriggerAccess, PollerView } from "./trigger-access.js";
export { createTriggerRuntime, type TriggerRuntime, type TriggerRuntimeOptions } from "./trigger-runtime.js";
export { startTriggers, type StartTriggersOptions } from "./start-triggers.js";
export { signXeroWebhook } from "./xero-webhook/signature.js";
