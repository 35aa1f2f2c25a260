// Local ports for the Node tests' own servers and processes (redis-server, the standalone companion, edge
// runtimes): one nothing listens on, and waiting until something does.
import type { ChildProcess } from 'node:child_process';
import { type AddressInfo, connect, createServer } from 'node:net';

/** A local port nothing listens on (taken and let go at once). */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/**
 * Resolves once something accepts connections on `port` (checked every 20 ms, for at most 20 s: a runtime
 * starting up); fails at once, with what it printed, if `child` exits first.
 */
export async function accepting(port: number, child?: ChildProcess, output: () => string = () => ''): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (child && child.exitCode !== null) throw new Error(`the process exited before listening: ${output()}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`nothing listens on ${port}: ${output()}`);
}
