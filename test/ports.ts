// Local ports and processes for the Node tests' own servers (redis-server, the standalone companion, edge
// runtimes, Next.js, WebKit's driver): one port nothing listens on, a process whose output is kept, and
// waiting until something listens.
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
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

/** Starts `command` with its stdout and stderr kept: the process, and what it has printed so far. */
export function spawnLogged(command: string, args: string[], options: SpawnOptions = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}
