/**
 * The account profile and the date-format lookup list.
 * https://docs.daftara.dev (Site Info; General Listing)
 */
import { ok } from "../http/reply.js";
import type { Route } from "../http/router.js";
import type { SandboxRuntime } from "../runtime.js";
import { DATE_FORMATS, dateFormatCode } from "../wire/format.js";

export const siteRoutes = (runtime: SandboxRuntime): Route[] => [
  {
    method: "GET",
    pattern: "/site_info",
    handler: () => {
      const { site } = runtime.state.books;
      return ok({
        Site: {
          id: site.id, business_name: site.business_name, subdomain: site.subdomain, country_code: site.country_code,
          timezone: site.timezone, date_format: dateFormatCode(site.date_format), currency_code: site.currency_code,
          language_code: 41, staff_id: -1, currencyFormat: "SAR %s", numberFormat: [2, ".", ","],
        },
      });
    },
  },
  { method: "GET", pattern: "/listing/dateformats", handler: () => ok({ Listing: DATE_FORMATS }) },
];
