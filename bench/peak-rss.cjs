// Preloaded (`node --require bench/peak-rss.cjs …`) by bench/scale.js: when the process exits, writes
// its peak resident set size in KiB to the file named by JSS_BENCH_RSS_FILE.
const { writeFileSync } = require('node:fs');

const file = process.env.JSS_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
