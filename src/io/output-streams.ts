/** The process's own output streams: a failed write is a message and exit 2, never a stack trace. */
interface WatchedStream {
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

interface Reporter {
  write(text: string): unknown;
}

/**
 * Watches stdout and stderr. A reader that stops early (`jss ... | head`: EPIPE) is not an error;
 * any other failed write (`> /dev/full`: ENOSPC) is reported on stderr once, and `failed()` is true
 * from then on, so the caller exits 2 whatever the command returned.
 */
export function watchOutputStreams(
  stdout: WatchedStream,
  stderr: WatchedStream & Reporter,
  onFailure: () => void,
): { failed: () => boolean } {
  let failed = false;
  const fail = (which: string) => (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || failed) return;
    failed = true;
    onFailure();
    if (which === 'standard error') return; // nowhere left to say it
    try {
      stderr.write(`jss: cannot write to ${which} (${error.message.replace(/, \w+$/, '')})\n`);
    } catch {
      // stderr is gone too
    }
  };
  stdout.on('error', fail('standard output'));
  stderr.on('error', fail('standard error'));
  return { failed: () => failed };
}
