export { DecimalScalar } from "./decimal.scalar.js";
export { DateScalar, isIsoDate } from "./date.scalar.js";
export { DateTimeScalar } from "./date-time.scalar.js";
export { JSONScalar } from "./json.scalar.js";
