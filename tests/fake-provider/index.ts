export { startFakeProvider } from './server.js';
export type { Fault, FaultTarget, FakeOptions, FakeProvider, Protocol, RecordedChat, ReportedUsage } from './types.js';
