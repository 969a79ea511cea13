import type { Command } from '../command.js';

// Placeholder until the command is built (see the issue that owns it).
export const serveCommand: Command = {
  name: 'serve',
  summary: '(not built yet)',
  help: 'newsmend serve: not built yet',
  async run() {
    process.stderr.write('newsmend serve: not built yet\n');
    return 2;
  },
};
