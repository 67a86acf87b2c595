/**
 * A host process for the concurrency and crash tests: the core on a data folder,
 * as the app or the headless host runs it. `send N` sends N messages a few
 * milliseconds apart (spread over the time the CLIs run) and prints the ids; `stream` sends one and prints each
 * delta as it arrives, so a test can kill it mid-answer.
 */
import { createCore } from '../../electron/main/core/app-core.js';

const [dataDir, configFile, mode, count, intervalMs] = process.argv.slice(2) as [string, string, string, string?, string?];
const core = await createCore({ host: 'web', dataDir, configFile, version: 'test' });
if (mode === 'stream') {
  core.events.subscribe((name, payload) => {
    if (name === 'chat.delta') process.stdout.write(`${JSON.stringify({ delta: (payload as { text: string }).text, at: Date.now() })}\n`);
  });
  const sent = core.chat.send({ text: 'tell me a long story', taskType: 'auto' });
  process.stdout.write(`${JSON.stringify({ messageId: sent.assistantMessageId, conversationId: sent.conversationId })}\n`);
  await sent.finished;
} else {
  const finished = [];
  for (let i = 0; i < Number(count ?? 5); i++) {
    const sent = core.chat.send({ text: `host message ${i}`, taskType: 'auto' });
    finished.push(sent.finished);
    await new Promise((resolve) => setTimeout(resolve, Number(intervalMs ?? 20)));
  }
  const messages = await Promise.all(finished);
  process.stdout.write(`${JSON.stringify(messages.map((m) => ({ conversationId: m.conversationId, status: m.status, error: m.error?.message })))}\n`);
}
await core.close();
