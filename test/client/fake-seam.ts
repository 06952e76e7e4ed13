// Starts @seamapi/fake-seam-connect on 127.0.0.1 (it listens on every interface by default) with its seed.
import net from "node:net";
import { createFake, type Fake, type Seed } from "@seamapi/fake-seam-connect";

export interface FakeSeam {
  url: string;
  seed: Seed;
  fake: Fake;
  stop(): Promise<void>;
}

export async function startFakeSeam(): Promise<FakeSeam> {
  const fake = await createFake();
  const seed = await fake.seed();
  const listen = net.Server.prototype.listen;
  // The fake calls `server.listen(port, callback)`; add the loopback host for the duration of the start only.
  net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
    const original = listen as (this: net.Server, ...a: unknown[]) => net.Server;
    if (typeof args[0] === "number" && typeof args[1] === "function") return original.call(this, args[0], "127.0.0.1", args[1]);
    return original.apply(this, args);
  } as typeof listen;
  try {
    const server = await fake.startServer();
    const address = server.server.address() as net.AddressInfo;
    if (address.address !== "127.0.0.1") throw new Error(`fake listens on ${address.address}, not 127.0.0.1`);
    return { url: `http://127.0.0.1:${server.port}`, seed, fake, stop: () => fake.stopServer() };
  } finally {
    net.Server.prototype.listen = listen;
  }
}
