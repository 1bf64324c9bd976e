/**
 * One path segment of a sandbox request, percent-decoded. A malformed escape (`%E0%A4%A`) is kept as
 * sent rather than thrown: a sandbox answers it like any unknown id (404), and a bad request can
 * never throw outside a handler and take the process that embeds the sandbox down with it.
 */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
