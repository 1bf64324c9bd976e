#!/usr/bin/env node
import "reflect-metadata";
import { runCli } from "./program.js";

/** `ledgerline …` (`npx ledgerline --help`): see `runCli`. */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write("", () => resolve()));

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin,
});
// Exit as soon as the answer is out: the Redis client leaves its connect-timeout timer running after it
// connected (@keyv/redis), which would hold the process for that long after the store closed.
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
