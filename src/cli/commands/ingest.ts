import type { Command } from '../command.js';

// Placeholder until the command is built (see the issue that owns it).
export const ingestCommand: Command = {
  name: 'ingest',
  summary: '(not built yet)',
  help: 'newsmend ingest: not built yet',
  async run() {
    process.stderr.write('newsmend ingest: not built yet\n');
    return 2;
  },
};
