/** Where a command writes: human or JSON output to stdout, notes and errors to stderr. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly stdoutIsTty: boolean;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  get stdoutIsTty() {
    return process.stdout.isTTY === true;
  },
};

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
