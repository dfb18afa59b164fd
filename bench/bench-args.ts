/** Command-line options of the benchmarks: `--name value` pairs and bare flags. */
export function numberArg(name: string, fallback: number, argv: readonly string[] = process.argv): number {
  const index = argv.indexOf(name);
  const value = index >= 0 ? Number(argv[index + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** A comma-separated list of positive numbers, e.g. `--sizes 50000,200000`. */
export function numberListArg(name: string, fallback: readonly number[], argv: readonly string[] = process.argv): number[] {
  const index = argv.indexOf(name);
  if (index < 0) return [...fallback];
  const values = (argv[index + 1] ?? '').split(',').map(Number);
  return values.length > 0 && values.every((v) => Number.isFinite(v) && v > 0) ? values : [...fallback];
}

export function stringArg(name: string, argv: readonly string[] = process.argv): string | null {
  const index = argv.indexOf(name);
  return index >= 0 ? (argv[index + 1] ?? null) : null;
}

export function hasFlag(name: string, argv: readonly string[] = process.argv): boolean {
  return argv.includes(name);
}

/** True when this module is the script node/tsx was started with. */
export function isMain(moduleUrl: string, fileName: string): boolean {
  return moduleUrl === `file://${process.argv[1]}` || (process.argv[1]?.endsWith(fileName) ?? false);
}

export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
