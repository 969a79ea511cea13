import { ArchiveError } from '../../archive/db.js';
import { shownTarget } from '../../archive/backend.js';
import { MAX_UPLOAD_BYTES, startServer } from '../../server/app.js';
import { EXIT_OK, InputError, UsageError, type Command } from '../command.js';
import { parseCommandArgs } from '../args.js';

/** Environment variable that can carry the upload token (keeps it out of `ps`). */
const TOKEN_ENV = 'NEWSMEND_TOKEN';
const DEFAULT_PORT = 8080;

const HELP = `newsmend serve — read and search an archive in the browser

Usage: newsmend serve --db <archive.db|postgres://…> [options]

Pages: / (sources and editions), /edition/<id>, /article/<id>, /source/<id> (the raw dump
with every edit highlighted beside the mended articles), /search?q=…, /upload. Every page
has a JSON twin under /api/ (see docs/api.md).

Options:
  --db <file|url>      the archive (created when missing): a file, or a postgres:// URL
  --host <addr>        address to listen on (default 127.0.0.1)
  --port <n>           port (default ${DEFAULT_PORT}; 0 picks a free one)
  --token <secret>     require this token for uploads (or set ${TOKEN_ENV}); without a token,
                       uploads are accepted only when listening on loopback
  --max-upload <bytes> largest dump accepted by upload (default ${MAX_UPLOAD_BYTES})
  --allowed-host <name> one more name the server answers to (repeatable); by default it
                       answers only to localhost, 127.0.0.1, [::1] and the --host address, so
                       a page on another site cannot reach it under a name it controls
                       (DNS rebinding); other names get 421
  -h, --help           this help

Examples:
  newsmend serve --db archive.db --port 8080
  newsmend serve --db archive.db --host 0.0.0.0 --allowed-host reader.lan --token s3cret
`;

function parse(argv: string[]) {
  return parseCommandArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: String(DEFAULT_PORT) },
      token: { type: 'string' },
      'max-upload': { type: 'string' },
      'allowed-host': { type: 'string', multiple: true },
    },
  });
}

function port(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535)
    throw new UsageError(`--port wants 0–65535, got '${value}'`);
  return Number(value);
}

export const serveCommand: Command = {
  name: 'serve',
  help: HELP,
  async run(argv) {
    const { values } = parse(argv);
    if (!values.db) throw new UsageError('--db <file|url> is required');
    const max = values['max-upload'];
    if (max !== undefined && !/^\d+$/.test(max))
      throw new UsageError(`--max-upload wants bytes, got '${max}'`);
    let running;
    try {
      running = await startServer({
        db: values.db,
        host: values.host,
        port: port(values.port!),
        token: values.token ?? process.env[TOKEN_ENV] ?? undefined,
        maxUploadBytes: max === undefined ? undefined : Number(max),
        allowedHosts: values['allowed-host'],
      });
    } catch (error) {
      if (error instanceof ArchiveError) throw new InputError(error.message);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL' || code === 'EACCES')
        throw new InputError(`cannot listen on ${values.host}:${values.port}: ${code}`);
      throw error;
    }
    process.stdout.write(`newsmend: serving ${shownTarget(values.db)} at ${running.url}/\n`);
    await new Promise<void>((resolve) => {
      const stop = () => void running.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return EXIT_OK;
  },
};
