import type { Command } from '../command.js';

// Placeholder until the command is built (see the issue that owns it).
export const evalCommand: Command = {
  name: 'eval',
  summary: '(not built yet)',
  help: 'newsmend eval: not built yet',
  async run() {
    process.stderr.write('newsmend eval: not built yet\n');
    return 2;
  },
};
