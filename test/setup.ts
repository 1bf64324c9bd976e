import "reflect-metadata";
// Tests talk only to 127.0.0.1; never let a proxy variable route loopback traffic elsewhere.
process.env.NO_PROXY = "127.0.0.1,localhost";
process.env.no_proxy = "127.0.0.1,localhost";
