/** What the commands may touch of the outside world; tests give their own. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  onInterrupt(listener: () => void): void;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    onInterrupt: (listener) => {
      process.once('SIGINT', listener);
      process.once('SIGTERM', listener);
    },
  };
}
