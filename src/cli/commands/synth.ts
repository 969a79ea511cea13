import type { Command } from '../command.js';

// Placeholder until the command is built (see the issue that owns it).
export const synthCommand: Command = {
  name: 'synth',
  summary: '(not built yet)',
  help: 'newsmend synth: not built yet',
  async run() {
    process.stderr.write('newsmend synth: not built yet\n');
    return 2;
  },
};
