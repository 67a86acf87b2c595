import { createHash } from 'node:crypto';

/** Ollama names without a tag mean `:latest`. */
export function canonicalModel(name: string): string {
  const tail = name.slice(name.lastIndexOf('/') + 1);
  return tail.includes(':') ? name : `${name}:latest`;
}

/** Models a fake `POST /api/pull` can fetch unless the test names its own list. */
export const DEFAULT_PULLABLE = ['llama3.2:latest', 'llama3.2:1b', 'qwen2.5:0.5b', 'gemma3:1b', 'phi4-mini:latest'];

/** A stable fake digest per model name, so tags and pull progress agree. */
export function modelDigest(name: string): string {
  return createHash('sha256').update(canonicalModel(name)).digest('hex');
}

export function modelSize(name: string): number {
  return 1_000_000_000 + (parseInt(modelDigest(name).slice(0, 6), 16) % 1_000_000_000);
}

export function modelDetails(name: string): Record<string, unknown> {
  const family = canonicalModel(name).split(/[:.\d-]/)[0] || 'llama';
  return {
    parent_model: '',
    format: 'gguf',
    family,
    families: [family],
    parameter_size: '3.2B',
    quantization_level: 'Q4_K_M',
  };
}

/** One entry of /api/tags. */
export function tagEntry(name: string, modifiedAt: string): Record<string, unknown> {
  return {
    name,
    model: name,
    modified_at: modifiedAt,
    size: modelSize(name),
    digest: modelDigest(name),
    details: modelDetails(name),
  };
}
