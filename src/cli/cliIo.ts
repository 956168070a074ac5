/** What the commands may touch of the outside world; tests give their own. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  /** UTF-8 text already encoded (a large return value's JSON), in pieces, written in order without decoding it. */
  stdoutBytes(pieces: readonly Uint8Array[]): void;
  stderr(text: string): void;
  onInterrupt(listener: () => void): void;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stdoutBytes: (pieces) => {
      // One writev for the pieces a large value arrived in, not a write each.
      process.stdout.cork();
      for (const piece of pieces) process.stdout.write(piece);
      process.stdout.uncork();
    },
    stderr: (text) => process.stderr.write(text),
    onInterrupt: (listener) => {
      process.once('SIGINT', listener);
      process.once('SIGTERM', listener);
    },
  };
}

/**
 * Exits once everything written to stdout and stderr has left the process. process.exit()
 * alone drops what a pipe has not taken yet (a `| wc -c` saw 64 KiB of a 2 MB result, exit
 * code 0). A write callback runs after every earlier write has been flushed, in order.
 */
export async function exitAfterOutput(code: number): Promise<never> {
  const flushed = (stream: NodeJS.WriteStream): Promise<void> =>
    new Promise((resolve) => {
      if (stream.destroyed || !stream.writable) return resolve();
      stream.write('', () => resolve());
      // A reader that went away (EPIPE) must not keep us alive.
      stream.once('error', () => resolve());
    });
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}
