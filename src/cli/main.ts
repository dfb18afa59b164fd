import { EXIT } from './exit-codes.js';
import { processIo } from './io.js';
import { buildProgram } from './program.js';
import { reportError } from './report-error.js';
import { commandLanguage } from './command-language.js';

/**
 * `hik2humand` entry point (bin/hik2humand.js loads it through tsx). Every outcome ends
 * here with a documented exit code; see docs/cli.md.
 */
async function main(argv: readonly string[]): Promise<number> {
  const language = commandLanguage(argv);
  const program = buildProgram(processIo, language);
  if (argv.length <= 2) {
    program.outputHelp();
    return EXIT.ok;
  }
  try {
    await program.parseAsync([...argv]);
    return EXIT.ok;
  } catch (error) {
    return reportError(error, processIo, language);
  }
}

// `hik2humand status | head`: the reader went away; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });
}

const code = await main(process.argv);
process.exitCode = code;
// Exit as soon as nothing is left to do; if a stray handle (an idle keep-alive socket) lingers, do not wait for it.
setTimeout(() => process.exit(code), 1_000).unref();
