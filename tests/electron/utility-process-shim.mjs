// The child side of the stand-in utilityProcess: Electron gives a utility process
// `process.parentPort` (postMessage, and 'message' events whose `data` is the value)
// and no `process.send`; this plays that over Node's IPC, then runs the module.
import { pathToFileURL } from 'node:url';

const send = process.send.bind(process);
process.parentPort = {
  postMessage: (message) => send(message),
  on: (event, listener) => {
    if (event === 'message') process.on('message', (data) => listener({ data }));
  },
};
delete process.send;
await import(pathToFileURL(process.argv[2]).href);
