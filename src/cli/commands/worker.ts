import { EXIT_OK, InputError, UsageError, type Command } from '../command.js';
import { parseCommandArgs } from '../args.js';
import { ATTEMPTS } from '../../queue/jobs.js';

/** Default seconds before a job held by a worker that stopped answering is taken again. */
const LOCK_SECONDS = 30;

const HELP = `newsmend worker — mend and store inputs from a queue, on any number of machines

Usage: newsmend worker --queue redis://host:port[/db] --db <archive.db|postgres://…> [options]

Takes the inputs \`newsmend run --queue\` put on the queue (a BullMQ queue in Redis), one at a
time, mends each and stores it in the archive. Start as many as you like, here and on other
machines (each needs the archive and, unless the run sent contents, the input paths). Workers
on several machines share one PostgreSQL archive (--db postgres://…); an SQLite file serves
the workers of one machine.

- An input is stored once: jobs are named by the sha256 of its bytes, and a source already in
  the archive is left as it is.
- A failed input is tried ${ATTEMPTS} times (waits 1 s, 2 s); input mend refuses (binary, no text) is
  not retried. What fails every time stays in the queue's failed list with its reason (the
  dead letters; \`run --queue\` lists them).
- A worker killed mid-job (kill -9, a lost machine) stops holding the job; after
  --lock-seconds another worker takes it again.
- A lost Redis connection is waited for: the worker goes on when Redis is back.
- SIGTERM or Ctrl-C: the job in hand is finished, then the worker exits 0.

Options:
  --queue <url>          Redis address (or NEWSMEND_REDIS_URL)
  --db <file|url>        the archive to store into: an SQLite file or a postgres:// URL
                         (created when missing)
  --lock-seconds <n>     how long a job stays with a worker that stopped answering (default ${LOCK_SECONDS})
  -q, --quiet            no line per input on standard error
  -h, --help             this help

Example:
  eval "$(scripts/services start redis)"        # a Redis for trying it out
  newsmend worker --queue "$NEWSMEND_REDIS_URL" --db archive.db &
  newsmend run examples/ --queue "$NEWSMEND_REDIS_URL"
`;

function parse(argv: string[]) {
  return parseCommandArgs({
    args: argv,
    allowPositionals: false,
    options: {
      queue: { type: 'string' },
      db: { type: 'string' },
      'lock-seconds': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
    },
  });
}

export const workerCommand: Command = {
  name: 'worker',
  help: HELP,
  async run(argv) {
    const { values } = parse(argv);
    const queueUrl = values.queue ?? process.env.NEWSMEND_REDIS_URL;
    if (!queueUrl) throw new UsageError('--queue redis://host:port is required');
    if (!values.db) throw new UsageError('--db <file|url> is required');
    const lock = Number(values['lock-seconds'] ?? LOCK_SECONDS);
    if (!Number.isFinite(lock) || lock <= 0)
      throw new UsageError(
        `--lock-seconds wants a positive number, got '${values['lock-seconds']}'`,
      );
    const { startQueueWorker } = await import('../../queue/worker.js');
    type QueueWorker = ReturnType<typeof startQueueWorker>;
    const { QueueUrlError } = await import('../../queue/connection.js');
    const { openArchiveAt, ArchiveError } = await import('../../archive/backend.js');
    try {
      // Opened once here so a bad --db is said at once, not at the first job.
      await (await openArchiveAt(values.db, 'write')).close();
    } catch (error) {
      if (error instanceof ArchiveError) throw new InputError(error.message);
      throw error;
    }
    const log = values.quiet ? () => {} : (l: string) => process.stderr.write(`worker: ${l}\n`);
    let worker: QueueWorker;
    try {
      worker = startQueueWorker({ queueUrl, db: values.db, lockSeconds: lock, log });
    } catch (error) {
      if (error instanceof QueueUrlError) throw new InputError(error.message);
      throw error;
    }
    let stopping = false;
    const stopped = new Promise<void>((done) => {
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        log(`${signal}: finishing the job in hand, then stopping`);
        void worker.close().then(done);
      };
      // `on`, not `once`: a second signal must find a listener, or it would kill the job in hand.
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
    });
    log(`connecting to ${queueUrl}`);
    // A signal may come before Redis answers (it may be down): then there is nothing to wait for.
    // Stopping before it is ready ends the thread still loading: that failure is expected.
    const ready = worker.ready.then(
      () => 'ready',
      (error: unknown) => {
        if (stopping) return 'stopped';
        throw error;
      },
    );
    const first = await Promise.race([ready, stopped]);
    if (first === 'ready') {
      log(`waiting for jobs on ${queueUrl}`);
      await stopped;
    }
    log('stopped');
    return EXIT_OK;
  },
};
