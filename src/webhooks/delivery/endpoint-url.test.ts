import { describe, expect, it } from "vitest";
import { checkEndpointUrl, guardedLookup, isRefusedAddress, MAX_ENDPOINT_URL_LENGTH, RefusedAddressError } from "./endpoint-url.js";

const cluster = { allowLoopback: false };
const embedded = { allowLoopback: true };

describe("checkEndpointUrl accepts", () => {
  it.each([
    ["https://hooks.example.com/ledgerline", cluster, "https://hooks.example.com/ledgerline"],
    ["https://hooks.example.com:8443/a?b=c#frag", cluster, "https://hooks.example.com:8443/a?b=c"],
    ["HTTPS://Hooks.Example.COM", cluster, "https://hooks.example.com/"],
    ["https://8.8.8.8/hook", cluster, "https://8.8.8.8/hook"],
    ["https://[2606:4700::1111]/hook", cluster, "https://[2606:4700::1111]/hook"],
    ["http://127.0.0.1:8080/hook", embedded, "http://127.0.0.1:8080/hook"],
    ["http://localhost:3000/hook", embedded, "http://localhost:3000/hook"],
    ["http://localhost./hook", embedded, "http://localhost./hook"],
    ["http://api.localhost/hook", embedded, "http://api.localhost/hook"],
    ["http://[::1]:9000/", embedded, "http://[::1]:9000/"],
    ["https://127.0.0.1/", embedded, "https://127.0.0.1/"],
    ["http://2130706433/", embedded, "http://127.0.0.1/"],
    ["http://0x7f.1/", embedded, "http://127.0.0.1/"],
  ])("%s", (url, policy, expected) => {
    expect(checkEndpointUrl(url, policy)).toEqual({ ok: true, url: expected });
  });
});

describe("checkEndpointUrl refuses", () => {
  it.each([
    ["not a url", cluster, /absolute URL/],
    ["/relative/path", cluster, /absolute URL/],
    ["ftp://hooks.example.com/", cluster, /uses ftp:\/\/; use an https:\/\/ URL/],
    ["http://hooks.example.com/", cluster, /uses http:\/\/; use an https:\/\/ URL/],
    ["http://hooks.example.com/", embedded, /plain http is accepted for loopback hosts only/],
    ["https://user:pw@x.example/", cluster, /user name or password.*logged.*webhook-signature/],
    ["https://user@x.example/", cluster, /user name or password/],
    ["http://localhost/", cluster, /loopback/],
    ["http://localhost./", cluster, /loopback/],
    ["https://LOCALHOST/", cluster, /loopback/],
    ["https://a.b.localhost/", cluster, /loopback/],
    ["https://127.0.0.1/", cluster, /loopback/],
    ["https://127.9.9.9/", cluster, /loopback/],
    ["http://2130706433/", cluster, /127\.0\.0\.1.*loopback/],
    ["http://0x7f.1/", cluster, /127\.0\.0\.1.*loopback/],
    ["https://0177.0.0.1/", cluster, /127\.0\.0\.1.*loopback/],
    ["https://[::1]/", cluster, /loopback/],
    ["https://[::ffff:127.0.0.1]/", cluster, /loopback/],
    ["https://10.0.0.1/", cluster, /10\.0\.0\.1 is a private address/],
    ["https://10.0.0.1/", embedded, /private address/],
    ["https://172.16.5.4/", cluster, /private/],
    ["https://192.168.1.1/", cluster, /private/],
    ["https://0xa000001/", cluster, /10\.0\.0\.1 is a private/],
    ["https://[::ffff:10.0.0.1]/", cluster, /private/],
    ["https://[::ffff:10.0.0.1]/", embedded, /private/],
    ["https://[::ffff:169.254.169.254]/", cluster, /link-local/],
    ["https://[fd00::1]/", cluster, /private/],
    ["https://[fc12:3456::9]/", cluster, /private/],
    ["https://[fe80::1]/", cluster, /link-local/],
    ["https://[2002:a00:1::1]/", cluster, /6to4 \/ Teredo/],
    ["https://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/", cluster, /6to4 \/ Teredo/],
    ["https://169.254.169.254/latest/meta-data", embedded, /link-local/],
    ["https://0.0.0.0/", cluster, /unspecified/],
    ["http://0/", embedded, /unspecified/],
    ["https://[::]/", cluster, /unspecified/],
    ["https://100.64.0.1/", cluster, /carrier-grade NAT/],
    ["https://100.127.255.254/", cluster, /carrier-grade NAT/],
    ["https://224.0.0.1/", cluster, /multicast/],
    ["https://[ff02::1]/", cluster, /multicast/],
    ["https://255.255.255.255/", cluster, /reserved/],
    ["https://240.0.0.1/", cluster, /reserved/],
    ["https://[64:ff9b::10.1.2.3]/", cluster, /private/],
    ["https://[0:0:0:0:0:ffff:10.0.0.1]/", cluster, /^is refused: ::ffff:a00:1 \(IPv4 10\.0\.0\.1\) is a private address/],
    ["http://127.0.0.1./", cluster, /^is refused: 127\.0\.0\.1 is a loopback address/],
    ["https://%31%32%37.0.0.1/", cluster, /127\.0\.0\.1 is a loopback address/],
  ])("%s", (url, policy, problem) => {
    const result = checkEndpointUrl(url, policy);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(problem);
  });

  it("every address refusal says what to do", () => {
    for (const url of ["https://10.0.0.1/", "https://localhost/", "http://hooks.example.com/"]) {
      const result = checkEndpointUrl(url, cluster);
      expect(!result.ok && result.problem).toMatch(/use an https:\/\/ URL/);
    }
  });

  it("refuses a URL longer than 2048 characters, accepts one of exactly 2048", () => {
    const prefix = "https://hooks.example.com/";
    const exact = prefix + "a".repeat(MAX_ENDPOINT_URL_LENGTH - prefix.length);
    expect(checkEndpointUrl(exact, cluster)).toEqual({ ok: true, url: exact });
    const result = checkEndpointUrl(exact + "a", cluster);
    expect(!result.ok && result.problem).toMatch(/2049 characters.*at most 2048/);
  });
});

describe("isRefusedAddress", () => {
  it.each([
    ["8.8.8.8", 4, undefined],
    ["172.32.0.1", 4, undefined],
    ["100.128.0.1", 4, undefined],
    ["2606:4700::1111", 6, undefined],
    ["::ffff:8.8.8.8", 6, undefined],
    ["10.1.2.3", 4, "10.1.2.3 is a private address"],
    ["127.0.0.1", 4, "127.0.0.1 is a loopback address"],
    ["::1", 6, "::1 is a loopback address"],
    ["::ffff:a00:1", 6, "::ffff:a00:1 (IPv4 10.0.0.1) is a private address"],
    ["64:ff9b::a9fe:a9fe", 6, "64:ff9b::a9fe:a9fe (IPv4 169.254.169.254) is a link-local address"],
    ["fe80::abcd", 6, "fe80::abcd is a link-local address"],
    ["::", 6, ":: is an unspecified address"],
    ["::7f00:1", 6, "::7f00:1 is a reserved address"],
    ["10.0.0.1", 6, "10.0.0.1 is not an IPv6 address"],
  ] as const)("%s (IPv%s)", (address, family, expected) => {
    const reason = isRefusedAddress(address, family, cluster);
    if (expected === undefined) expect(reason).toBeUndefined();
    else expect(reason).toContain(expected);
  });

  it("lets loopback through only when allowed, in every form", () => {
    for (const [address, family] of [["127.0.0.1", 4], ["127.255.0.9", 4], ["::1", 6], ["::ffff:127.0.0.1", 6]] as const) {
      expect(isRefusedAddress(address, family, cluster)).toMatch(/loopback/);
      expect(isRefusedAddress(address, family, embedded)).toBeUndefined();
    }
  });
});

describe("guardedLookup (what a connection resolves to)", () => {
  const lookup = (hostname: string, policy: { allowLoopback: boolean }, all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; result: unknown }>((resolve) => {
      guardedLookup(policy)(hostname, { all } as never, (error: NodeJS.ErrnoException | null, result: unknown) => resolve({ error, result }));
    });

  it("refuses a name that resolves to a loopback address when loopback is not allowed", async () => {
    const { error } = await lookup("localhost", cluster, false);
    expect(error).toBeInstanceOf(RefusedAddressError);
    expect(error?.code).toBe("EWEBHOOKREFUSED");
    expect(error?.message).toMatch(/^refused: .* is a loopback address/);
  });

  it("for plain http, refuses any address that is not this machine, even a public one", async () => {
    const offMachine = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      guardedLookup(embedded, { loopbackOnly: true })("93.184.216.34", { all: false } as never, (error: NodeJS.ErrnoException | null) => resolve(error)));
    expect(offMachine).toBeInstanceOf(RefusedAddressError);
    expect(offMachine?.message).toMatch(/93\.184\.216\.34, which is not this machine: plain http is for loopback hosts only/);
    const onMachine = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      guardedLookup(embedded, { loopbackOnly: true })("localhost", { all: false } as never, (error: NodeJS.ErrnoException | null) => resolve(error)));
    expect(onMachine).toBeNull();
  });

  it("passes the addresses through when they are allowed (single and all forms)", async () => {
    const single = await lookup("localhost", embedded, false);
    expect(single.error).toBeNull();
    expect(["127.0.0.1", "::1"]).toContain(single.result);
    const all = await lookup("localhost", embedded, true);
    expect(all.error).toBeNull();
    expect(Array.isArray(all.result) && all.result.length > 0).toBe(true);
  });
});
