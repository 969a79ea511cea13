/** `newsmend run --queue <redis-url>`: queue the inputs for `newsmend worker`s and follow them. */
import type { QueueProgress } from '../../queue/submit.js';
import { EXIT_BAD_INPUT, EXIT_OK, InputError } from '../command.js';

function line(p: QueueProgress): string {
  const done = p.stored + p.existed + p.earlier + p.dead.length;
  const earlier = p.earlier > 0 ? ` · ${p.earlier} done by an earlier run` : '';
  return `queue: ${done}/${p.total} done · ${p.stored} stored · ${p.existed} already stored${earlier} · ${p.dead.length} dead`;
}

export async function runThroughQueue(o: {
  queueUrl: string;
  inputs: string[];
  sendContent: boolean;
  editionDate?: string;
}): Promise<number> {
  const { submitAndFollow } = await import('../../queue/submit.js');
  const { QueueUrlError } = await import('../../queue/connection.js');
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let result: QueueProgress;
  try {
    result = await submitAndFollow({
      ...o,
      onQueued: (n) =>
        process.stderr.write(`queue: ${n} input(s) queued; following them until each is done\n`),
      onProgress: tty ? (p) => process.stderr.write(`\r\x1b[2K${line(p)}`) : undefined,
    });
  } catch (error) {
    if (error instanceof QueueUrlError) throw new InputError(error.message);
    throw error;
  }
  if (tty) process.stderr.write('\n');
  for (const d of result.unreadable)
    process.stderr.write(`newsmend run: not queued: ${d.name}: ${d.reason}\n`);
  for (const d of result.dead) process.stderr.write(`newsmend run: dead: ${d.name}: ${d.reason}\n`);
  process.stdout.write(
    `${line(result)}${result.unreadable.length > 0 ? ` · ${result.unreadable.length} not queued (unreadable)` : ''}; ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return result.dead.length + result.unreadable.length > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}
