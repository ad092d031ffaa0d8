/** The command line of bench/soak.ts: `--minutes <n>`, `--target embedded|real`, `--every <seconds>`. */

export type SoakTarget = 'embedded' | 'real';

export interface SoakArguments {
  /** How long the load runs, in minutes (fractions allowed). */
  readonly minutes: number;
  /** The embedded server (in its own process) or the real Kuzzle at `url`. */
  readonly target: SoakTarget;
  /** The real Kuzzle's URL: `KUZZLE_URL`, else ws://127.0.0.1:7512. */
  readonly url: string;
  /** Seconds between two forced reconnections. */
  readonly every: number;
}

const USAGE = 'usage: bench/soak.ts [--minutes <n>] [--target embedded|real] [--every <seconds>]';

function positive(flag: string, text: string | undefined): number {
  const value = Number(text);
  if (text === undefined || !Number.isFinite(value) || value <= 0)
    throw new Error(`${flag} takes a positive number, got ${text}\n${USAGE}`);
  return value;
}

/** Defaults: 3 minutes, a reconnection every 5 s, the real Kuzzle when `KUZZLE_URL` is set, else the embedded server. */
export function soakArguments(argv: readonly string[], env: NodeJS.ProcessEnv): SoakArguments {
  const url = env['KUZZLE_URL'];
  let minutes = 3;
  let every = 5;
  let target: SoakTarget = url ? 'real' : 'embedded';
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--minutes') minutes = positive(flag, value);
    else if (flag === '--every') every = positive(flag, value);
    else if (flag === '--target' && (value === 'embedded' || value === 'real')) target = value;
    else throw new Error(`unexpected argument ${flag} ${value ?? ''}\n${USAGE}`);
  }
  return { minutes, target, every, url: url ?? 'ws://127.0.0.1:7512' };
}
