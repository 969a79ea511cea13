#!/usr/bin/env node
import { packageVersion } from '../package-root.js';
import { COMMANDS } from './commands/index.js';
import { EXIT_BAD_INPUT, EXIT_USAGE, InputError, UsageError } from './command.js';

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `newsmend ${packageVersion()} — rebuild clean, faithful articles from damaged Chinese newspaper page dumps

Usage: newsmend <command> [options]

Commands:
${list}

Run 'newsmend <command> --help' for a command's options.
Example: newsmend mend examples/page.txt
`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    process.stderr.write(overview());
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(overview());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(
      `newsmend: unknown command '${name}'. Run 'newsmend --help' for the list.\n`,
    );
    return EXIT_USAGE;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(
        `newsmend ${name}: ${error.message}\nRun 'newsmend ${name} --help' for usage.\n`,
      );
      return EXIT_USAGE;
    }
    if (error instanceof InputError) {
      process.stderr.write(`newsmend ${name}: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `newsmend ${name}: internal error: ${message}\nPlease report this with the input that caused it.\n`,
    );
    return 70;
  }
}

// A reader that stops early (`newsmend mend page.txt | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 70;
  },
);
