// Preloaded (`node --import`) into a process the benchmark measures: on exit, writes the
// process's peak resident set size in KiB to the file NEWSMEND_PEAK_RSS_FILE names.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.NEWSMEND_PEAK_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
