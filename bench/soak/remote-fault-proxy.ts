/**
 * A `startFaultProxy()` in a child process (fault-proxy-process.ts), driven over IPC: the heap that bench/soak.ts
 * measures is then the client's alone, as bench/server.ts keeps the embedded server's out of it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { FaultProxyCounters, FaultProxyTarget } from '../../src/testing';

/** What the parent asks for. */
export type ProxyAction =
  { readonly type: 'cut' } | { readonly type: 'close'; readonly code: number; readonly reason: string } | { readonly type: 'status' };

/** An action as sent to the child, numbered so that its status finds its way back. */
export type ProxyCommand = ProxyAction & { readonly id: number };

/** Where the proxy stands after a command. */
export interface ProxyStatus {
  /** Connections not closed yet on both sides. */
  readonly live: number;
  readonly counters: FaultProxyCounters;
}

/** What the child says: its port once listening, then one status per command. */
export type ProxyMessage =
  { readonly type: 'listening'; readonly port: number } | { readonly type: 'status'; readonly id: number; readonly status: ProxyStatus };

export class RemoteFaultProxy {
  private lastId = 0;
  private readonly waiting = new Map<number, (status: ProxyStatus) => void>();

  private constructor(
    private readonly child: ChildProcess,
    /** The port clients connect to instead of the server's. */
    readonly port: number,
  ) {
    child.on('message', (message: ProxyMessage) => {
      if (message.type !== 'status') return;
      this.waiting.get(message.id)?.(message.status);
      this.waiting.delete(message.id);
    });
  }

  static async start(target: FaultProxyTarget): Promise<RemoteFaultProxy> {
    const child = fork(new URL('./fault-proxy-process.ts', import.meta.url).pathname, [target.host, String(target.port)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`the fault proxy exited with ${String(code)} before listening`);
    });
    const [message] = (await Promise.race([once(child, 'message'), exited])) as [ProxyMessage];
    if (message.type !== 'listening') throw new Error(`the fault proxy said ${JSON.stringify(message)}`);
    return new RemoteFaultProxy(child, message.port);
  }

  /** Destroys both TCP connections of every live connection: the client sees 1006. */
  cut(): Promise<ProxyStatus> {
    return this.ask({ type: 'cut' });
  }

  /** Sends every client a close frame with `code`, and the server too. */
  close(code: number, reason: string): Promise<ProxyStatus> {
    return this.ask({ type: 'close', code, reason });
  }

  status(): Promise<ProxyStatus> {
    return this.ask({ type: 'status' });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.disconnect();
    await exited;
  }

  private ask(action: ProxyAction): Promise<ProxyStatus> {
    const id = ++this.lastId;
    return new Promise<ProxyStatus>((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ ...action, id } satisfies ProxyCommand);
    });
  }
}
