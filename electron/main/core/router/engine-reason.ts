/**
 * The words the decision trace gives when the built-in engine answered: why the
 * local Ollama fallback before it did not, as a user would put it.
 */
import type { Attempt, Skip } from '../../../../shared/chat.js';
import type { Settings } from '../../../../shared/settings.js';
import { providerConfig } from './target-checks.js';

export function engineReason(settings: Settings, winner: string, attempts: readonly Attempt[], skipped: readonly Skip[]): string | undefined {
  if (providerConfig(settings, winner)?.kind !== 'engine') return undefined;
  const ollama = settings.localFallback?.provider;
  if (!ollama || ollama === winner) return 'built-in engine (no Ollama set up)';
  const failed = attempts.findLast((a) => a.provider === ollama && a.outcome === 'error');
  if (failed) return `built-in engine (Ollama ${failed.errorKind === 'network' ? 'not running' : `failed: ${failed.message ?? failed.errorKind}`})`;
  const skip = skipped.find((s) => s.provider === ollama);
  if (skip) return `built-in engine (Ollama ${skip.reason})`;
  return 'built-in engine';
}
