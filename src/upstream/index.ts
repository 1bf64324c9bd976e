export * from "./governor.js";
export { rateLimited, retryAfterSecondsOf } from "./rate-limited.js";
export { mapWithConcurrency } from "./map-with-concurrency.js";
export { meterCalls, meterCallsSettled } from "./call-meter.js";
export { attributeCalls, currentUpstreamCaller, withUpstreamCaller, type UpstreamCaller } from "./caller-scope.js";
export { createCallerAbort } from "./call-deadline.js";
