import type { Command } from '../command.js';

// Placeholder until the command is built (see the issue that owns it).
export const searchCommand: Command = {
  name: 'search',
  summary: '(not built yet)',
  help: 'newsmend search: not built yet',
  async run() {
    process.stderr.write('newsmend search: not built yet\n');
    return 2;
  },
};
