import net from "node:net";
import { Redis } from "ioredis";

/** The Redis the tests use (CI starts it when it is down). */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Whether something answers at `url`'s host and port. */
export function redisReachable(url = REDIS_URL, timeoutMs = 500): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** True when the Redis tests of `what` must be skipped; says why on the console. CI=true makes an absent Redis a failure instead. */
export async function skipWithoutRedis(what: string): Promise<boolean> {
  if (await redisReachable()) return false;
  if (process.env.CI === "true") return false;
  console.warn(`Skipping ${what} on Redis: nothing answers at ${REDIS_URL} (set TEST_REDIS_URL, or CI=true to make this a failure).`);
  return true;
}

/**
 * Deletes the gateway's keys (`ledgerline*`) from one Redis database, as a test file starts; false when
 * nothing answers (the caller skips, saying why).
 */
export async function clearGatewayKeys(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    const keys = await redis.keys("ledgerline*");
    if (keys.length > 0) await redis.del(...keys);
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
