import { nodeIo } from './io';
import { runCli } from './run';

// The process edge: everything else lives in runCli, which never touches process state. A closed pipe
// on stdout ends the output quietly (nodeIo listens for EPIPE); the exit code is what runCli found.
const io = nodeIo();
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ticketflow: internal error (a bug in Ticketflow, not in your files):\n${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 3;
  },
);
