/**
 * The sandbox's id_token signing key: one RSA key per server, published as a JWK.
 * https://developer.xero.com/documentation/guides/oauth2/auth-flow
 */
import { createHash, generateKeyPairSync, sign, type JsonWebKey, type KeyObject } from "node:crypto";

export interface SigningKey {
  kid: string;
  jwk: JsonWebKey;
  signJwt(claims: Record<string, unknown>): string;
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString("base64url");
}

export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const exported = publicKey.export({ format: "jwk" });
  // RFC 7638 thumbprint as the key id.
  const kid = base64url(createHash("sha256").update(JSON.stringify({ e: exported.e, kty: "RSA", n: exported.n })).digest());
  const jwk: JsonWebKey = { kty: "RSA", n: exported.n, e: exported.e, kid, use: "sig", alg: "RS256" };
  return { kid, jwk, signJwt: (claims) => signRs256(privateKey, kid, claims) };
}

function signRs256(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = sign("RSA-SHA256", Buffer.from(`${header}.${payload}`), key);
  return `${header}.${payload}.${base64url(signature)}`;
}
