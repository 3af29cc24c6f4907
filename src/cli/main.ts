import { nodeIo } from './io';
import { runCli } from './run';

// The process edge: everything else lives in runCli, which never touches process state.
process.exitCode = runCli(process.argv.slice(2), nodeIo());
