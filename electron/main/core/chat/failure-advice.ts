/**
 * When nothing could answer, the router says what happened; this adds what the
 * user can do about it, in their words: add a key, start Ollama, pull a model.
 */
import type { Settings } from '../../../../shared/settings.js';
import type { RouteFailure } from '../router/types.js';

const ADD_KEY = 'add an API key in Settings → Providers (or set one such as OPENAI_API_KEY in the environment)';
const START_OLLAMA = 'install Ollama from https://ollama.com, start it, and run "ollama pull llama3.2"';

export const NO_PROVIDER_ADVICE = `No provider could answer: ${ADD_KEY}, or ${START_OLLAMA}.`;

export function adviseOnFailure(failure: RouteFailure, settings: Settings): string {
  if (failure.kind === 'cancelled' || failure.kind === 'bad_request') return failure.message;
  const local = settings.localFallback;
  const cloudTried = failure.attempts.some((a) => a.provider !== local?.provider);
  const localAttempt = failure.attempts.find((a) => a.provider === local?.provider);
  if (local && localAttempt?.errorKind === 'model_not_found') {
    return `${failure.message} The local model "${local.model}" is not installed: run "ollama pull ${local.model}", or choose another model in Settings → Local models.`;
  }
  const localDown = !localAttempt || localAttempt.errorKind === 'network' || localAttempt.errorKind === 'timeout';
  if (!localDown) return failure.message;
  if (!cloudTried) return `${failure.message} ${NO_PROVIDER_ADVICE}`;
  return `${failure.message} The local fallback is not running either: ${START_OLLAMA}.`;
}
