/**
 * `switchboard keys set PROVIDER` (key read from stdin, never from argv where it
 * would land in shell history), `keys list [--json]`, `keys delete PROVIDER`.
 */
import type { Core } from '../../main/core/app-core.js';
import { UsageError } from '../../main/core/host-options.js';
import { maskKey } from '../../main/core/secrets/mask-key.js';
import type { Output } from '../output.js';

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  if ((stdin as NodeJS.ReadStream).isTTY) process.stderr.write('Paste the key and press Enter, then Ctrl-D: ');
  let data = '';
  for await (const chunk of stdin) data += String(chunk);
  return data.trim();
}

export async function keys(core: Core, args: string[], out: Output, stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const [sub, providerId, ...rest] = args;
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const known = () => core.settings().providers.map((p) => p.id);
  const requireProvider = () => {
    if (!providerId) throw new UsageError(`keys ${sub} needs a provider id`);
    if (!known().includes(providerId)) throw new UsageError(`unknown provider "${providerId}"; configured: ${known().join(', ')}`);
    return providerId;
  };
  switch (sub) {
    case 'set': {
      const id = requireProvider();
      const key = await readStdin(stdin);
      if (key.length < 8) throw new UsageError('no key on stdin (expected e.g. `echo $KEY | switchboard keys set ID`)');
      const status = await core.keys.set(id, key);
      // The keychain can fail on this very write and fall back to memory, which is gone when
      // the command exits: that is not "saved", whatever the status says.
      if (!(await core.handlers['app.info']({}, { senderId: 0 })).keychainAvailable) {
        throw new Error(`${id}: the key was not saved, because no OS keychain answered. Unlock or install one (on Linux, a Secret Service such as gnome-keyring), or set the provider's environment variable instead`);
      }
      const shadowed = status.source === 'env' ? `; note: ${status.envVar ?? 'an environment variable'} is set and is used instead while it is` : '';
      out.note(`${id}: key ${maskKey(key)} saved to the OS keychain${shadowed}`);
      return 0;
    }
    case 'delete': {
      const id = requireProvider();
      await core.keys.delete(id);
      out.note(`${id}: key deleted`);
      return 0;
    }
    case 'list': {
      if (providerId) throw new UsageError('keys list takes no provider');
      for (const status of await core.keys.list()) {
        if (out.json) out.line({ ...status });
        else {
          const where =
            status.source === 'env' ? `from environment (${status.envVar})` :
            status.source === 'keychain' ? 'OS keychain' :
            status.source === 'memory' ? 'memory only' :
            status.source === 'not_needed' ? 'no key needed' : 'not set';
          out.text(`${status.provider.padEnd(16)} ${(status.masked ?? '').padEnd(14)} ${where}\n`);
        }
      }
      return 0;
    }
    default:
      throw new UsageError('usage: switchboard keys set PROVIDER | keys list [--json] | keys delete PROVIDER');
  }
}
