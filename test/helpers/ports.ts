/** Loopback ports for tests that need one nothing listens on (yet). */
import { createServer } from 'node:net';

/**
 * A loopback port nothing listens on. It is taken below the range the OS hands out for `listen(0)`
 * (32768 and up on Linux, 49152 and up elsewhere), where every other test's server lives: a port
 * from that range, freed for this test, was once taken by another test file's server running in
 * parallel, which then answered the gateway with a 404.
 */
export async function unusedPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    const probe = createServer();
    const free = await new Promise<boolean>((resolve) => {
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (free) {
      await new Promise<void>((resolve) => probe.close(() => resolve()));
      return port;
    }
  }
  throw new Error('no free loopback port between 20000 and 29999');
}
