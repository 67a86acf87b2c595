/**
 * Small instruct models the built-in engine offers to download: GGUF files at
 * Q4_K_M, each with its size, licence, context length and the SHA-256 the file
 * must have. The SHA-256 values and sizes are as published by others who pinned
 * these exact files; they could not be checked against Hugging Face from the
 * machine this list was written on. A wrong value fails safe: the downloader
 * deletes a file whose hash does not match, so nothing unverified is loaded.
 */
export interface CuratedModel {
  id: string;
  name: string;
  /** The file name it is saved under, in the engine's models folder. */
  file: string;
  url: string;
  /** Bytes: exact where the source gave an exact count, else rounded (the server's own size is checked too). */
  sizeBytes: number;
  parameters: string;
  licence: string;
  contextLength: number;
  sha256: string;
  /** One line for the picker. */
  note: string;
}

export const CURATED_MODELS: readonly CuratedModel[] = [
  {
    id: 'qwen2.5-0.5b-instruct-q4_k_m',
    name: 'Qwen2.5 0.5B Instruct',
    file: 'qwen2.5-0.5b-instruct-q4_k_m.gguf',
    url: 'https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf',
    sizeBytes: 491_000_000,
    parameters: '0.5B',
    licence: 'Apache-2.0',
    contextLength: 32_768,
    sha256: '74a4da8c9fdbcd15bd1f6d01d621410d31c6fc00986f5eb687824e7b93d7a9db',
    note: 'Smallest and quickest; fine for short answers on any machine.',
  },
  {
    id: 'llama-3.2-1b-instruct-q4_k_m',
    name: 'Llama 3.2 1B Instruct',
    file: 'Llama-3.2-1B-Instruct-Q4_K_M.gguf',
    url: 'https://huggingface.co/bartowski/Llama-3.2-1B-Instruct-GGUF/resolve/main/Llama-3.2-1B-Instruct-Q4_K_M.gguf',
    sizeBytes: 807_694_464,
    parameters: '1.2B',
    licence: 'Llama 3.2 Community License',
    contextLength: 131_072,
    sha256: '6f85a640a97cf2bf5b8e764087b1e83da0fdb51d7c9fab7d0fece9385611df83',
    note: 'Better writing; wants about 2 GB of free memory.',
  },
  {
    id: 'gemma-3-1b-it-q4_k_m',
    name: 'Gemma 3 1B Instruct',
    file: 'google_gemma-3-1b-it-Q4_K_M.gguf',
    url: 'https://huggingface.co/bartowski/google_gemma-3-1b-it-GGUF/resolve/main/google_gemma-3-1b-it-Q4_K_M.gguf',
    sizeBytes: 845_000_000,
    parameters: '1B',
    licence: 'Gemma Terms of Use',
    contextLength: 32_768,
    sha256: '12bf0fff8815d5f73a3c9b586bd8fee8e7b248c935de70dec367679873d0f29d',
    note: 'Good at many languages.',
  },
];

/** The first-run offer: the smallest model. */
export const STARTER_MODEL: CuratedModel = CURATED_MODELS[0] as CuratedModel;

export function aboutMb(bytes: number): string {
  return `about ${Math.round(bytes / 1_000_000 / 10) * 10} MB`;
}
