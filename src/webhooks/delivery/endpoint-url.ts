/** Which URLs an endpoint may have, and the connect-time address check (no SSRF, no DNS rebinding). */
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

export interface UrlPolicy {
  /** Loopback hosts (127.0.0.0/8, ::1, localhost), over http or https: the embedded default only. */
  allowLoopback: boolean;
}

/** The longest endpoint URL accepted. */
export const MAX_ENDPOINT_URL_LENGTH = 2048;

type AddressClass = { name: string; blocks: BlockList; reason: string };

/** Adds an IPv4 subnet and its IPv6 disguises: IPv4-mapped (::ffff:0:0/96) and NAT64 (64:ff9b::/96). */
function addV4(blocks: BlockList, network: string, prefix: number): void {
  blocks.addSubnet(network, prefix, "ipv4");
  blocks.addSubnet(`::ffff:${network}`, 96 + prefix, "ipv6");
  blocks.addSubnet(`64:ff9b::${network}`, 96 + prefix, "ipv6");
}

function addressClass(name: string, reason: string, v4: Array<[string, number]>, v6: Array<[string, number]>): AddressClass {
  const blocks = new BlockList();
  for (const [network, prefix] of v4) addV4(blocks, network, prefix);
  for (const [network, prefix] of v6) blocks.addSubnet(network, prefix, "ipv6");
  return { name, blocks, reason };
}

const LOOPBACK = addressClass("loopback", "a loopback address (this machine)", [["127.0.0.0", 8]], [["::1", 128]]);

/** In order: the first class an address falls in names it (loopback first, so `::1` is loopback, not IPv4-compatible). */
const CLASSES: readonly AddressClass[] = [
  LOOPBACK,
  addressClass("unspecified", "an unspecified address (0.0.0.0/8 or ::)", [["0.0.0.0", 8]], [["::", 128]]),
  addressClass(
    "private",
    "a private address (10/8, 172.16/12, 192.168/16 or IPv6 unique-local fc00::/7)",
    [["10.0.0.0", 8], ["172.16.0.0", 12], ["192.168.0.0", 16]],
    [["fc00::", 7], ["fec0::", 10]],
  ),
  addressClass("link-local", "a link-local address (169.254/16 or fe80::/10, where cloud metadata services live)", [["169.254.0.0", 16]], [["fe80::", 10]]),
  addressClass("shared", "a carrier-grade NAT address (100.64.0.0/10)", [["100.64.0.0", 10]], []),
  addressClass("multicast", "a multicast address (224.0.0.0/4 or ff00::/8)", [["224.0.0.0", 4]], [["ff00::", 8]]),
  addressClass(
    "reserved",
    "a reserved address (broadcast, documentation, benchmarking, IETF, deprecated IPv4-compatible, or 6to4 / Teredo tunnel ranges that embed an IPv4 address)",
    [["240.0.0.0", 4], ["192.0.0.0", 24], ["192.0.2.0", 24], ["198.18.0.0", 15], ["198.51.100.0", 24], ["203.0.113.0", 24]],
    [["::", 96], ["100::", 64], ["2001:db8::", 32], ["64:ff9b:1::", 48], ["2002::", 16], ["2001::", 32]],
  ),
];

/**
 * Why a connection to `address` is refused (`"10.0.0.5 is a private address (…)"`), or undefined when it
 * may be used: private, loopback (unless `policy.allowLoopback`), link-local, unspecified, carrier-grade
 * NAT, multicast and reserved ranges, in IPv4, IPv6 and IPv4-mapped / NAT64 IPv6 forms.
 * An address that is not an IP address of `family` is refused too.
 */
export function isRefusedAddress(address: string, family: 4 | 6, policy: UrlPolicy): string | undefined {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  if (isIP(bare) !== family) return `${address} is not an IPv${family} address`;
  const type = family === 4 ? "ipv4" : "ipv6";
  for (const cls of CLASSES) {
    if (!cls.blocks.check(bare, type)) continue;
    if (cls === LOOPBACK && policy.allowLoopback) return undefined;
    const mapped = family === 6 ? mappedIpv4(bare) : undefined;
    return `${bare}${mapped ? ` (IPv4 ${mapped})` : ""} is ${cls.reason}`;
  }
  return undefined;
}

const MAPPED = new BlockList();
MAPPED.addSubnet("::ffff:0:0", 96, "ipv6");
MAPPED.addSubnet("64:ff9b::", 96, "ipv6");

/** The dotted IPv4 address an IPv4-mapped or NAT64 IPv6 address carries, or undefined. */
function mappedIpv4(address: string): string | undefined {
  if (!MAPPED.check(address, "ipv6")) return undefined;
  const groups = new URL(`http://[${address}]/`).hostname.slice(1, -1).split(":");
  const [high, low] = groups.slice(-2).map((group) => parseInt(group, 16));
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** True for `localhost`, `*.localhost` (RFC 6761: they always mean this machine), with or without a trailing dot. */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost");
}

/** The host of a parsed URL as an IP literal with its family, or undefined for a name. */
function ipLiteral(hostname: string): { address: string; family: 4 | 6 } | undefined {
  const bare = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
  const family = isIP(bare);
  return family === 4 || family === 6 ? { address: bare, family } : undefined;
}

/** True when the URL's host is loopback: a loopback IP literal (IPv4-mapped too) or a localhost name. */
function isLoopbackHost(hostname: string): boolean {
  if (isLocalhostName(hostname)) return true;
  const literal = ipLiteral(hostname);
  return literal !== undefined && LOOPBACK.blocks.check(literal.address, literal.family === 4 ? "ipv4" : "ipv6");
}

/**
 * The normalised URL (WHATWG: `http://0x7f.1/` becomes `http://127.0.0.1/`; the fragment dropped), or a
 * problem for a BAD_USER_INPUT message on field `url`, saying what to do. Checks literals only (no DNS):
 * the connect-time check is `guardedLookup`.
 */
export function checkEndpointUrl(url: string, policy: UrlPolicy): { ok: true; url: string } | { ok: false; problem: string } {
  const publicUrl = "use an https:// URL of a publicly reachable host";
  if (url.length > MAX_ENDPOINT_URL_LENGTH) return { ok: false, problem: `is ${url.length} characters long; use a URL of at most ${MAX_ENDPOINT_URL_LENGTH} characters` };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, problem: "is not an absolute URL; give one such as https://hooks.example.com/ledgerline" };
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return { ok: false, problem: `uses ${parsed.protocol}//; ${publicUrl}` };
  if (parsed.username !== "" || parsed.password !== "") {
    return {
      ok: false,
      problem: "carries a user name or password, which would be logged with every delivery; remove them and authenticate the gateway by the webhook-signature header",
    };
  }
  const loopback = isLoopbackHost(parsed.hostname);
  const literal = ipLiteral(parsed.hostname);
  const refused = literal
    ? isRefusedAddress(literal.address, literal.family, policy)
    : loopback && !policy.allowLoopback ? `${parsed.hostname} is a loopback host (this machine)` : undefined;
  if (refused) return { ok: false, problem: `is refused: ${refused}; ${publicUrl}` };
  if (parsed.protocol === "http:" && !loopback) {
    return { ok: false, problem: policy.allowLoopback ? `uses http://; ${publicUrl} (plain http is accepted for loopback hosts only)` : `uses http://; ${publicUrl}` };
  }
  parsed.hash = "";
  const normalised = parsed.href;
  if (normalised.length > MAX_ENDPOINT_URL_LENGTH) return { ok: false, problem: `is ${normalised.length} characters long once normalised; use a URL of at most ${MAX_ENDPOINT_URL_LENGTH} characters` };
  return { ok: true, url: normalised };
}

/** The error a refused address fails a connection with (`code` EWEBHOOKREFUSED, message `refused: <reason>`). */
export class RefusedAddressError extends Error {
  readonly code = "EWEBHOOKREFUSED";
  constructor(readonly reason: string) {
    super(`refused: ${reason}`);
    this.name = "RefusedAddressError";
  }
}

/**
 * A `lookup` for `http.request` / `net.connect`: resolves like `dns.lookup`, then fails with a
 * `RefusedAddressError` when any address the name resolved to is in a refused class. The check runs at
 * connect time on the addresses the socket will use, so a name re-pointed at a private address after
 * the URL was accepted (DNS rebinding) is still refused. With `loopbackOnly` (a plain-http URL, accepted for
 * loopback names only) every address must be a loopback one, so `http://x.localhost/` resolved elsewhere never
 * sends an unencrypted request off the machine. Node does not call it for IP-literal hosts.
 */
export function guardedLookup(policy: UrlPolicy, { loopbackOnly = false }: { loopbackOnly?: boolean } = {}): LookupFunction {
  return (hostname, options, callback) => {
    const all: LookupAllOptions = { family: options.family, hints: options.hints, all: true };
    dnsLookup(hostname, all, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} did not resolve`), { code: "ENOTFOUND" }), "", 0);
      for (const entry of addresses) {
        const family = entry.family === 6 ? 6 : 4;
        const reason = isRefusedAddress(entry.address, family, policy)
          ?? (loopbackOnly && !LOOPBACK.blocks.check(entry.address, family === 4 ? "ipv4" : "ipv6") ? `${hostname} resolved to ${entry.address}, which is not this machine: plain http is for loopback hosts only` : undefined);
        if (reason) return callback(new RefusedAddressError(reason), "", 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
