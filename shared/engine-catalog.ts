/**
 * Small instruct models the built-in engine offers to download: GGUF files at
 * Q4_K_M, each with its exact size, licence, context length and the SHA-256 the
 * file must have. Each URL names a Hugging Face commit, not `main`, so the file
 * (and so its hash) cannot change under the app. Hugging Face cannot be reached
 * from the machine this list was written on; each size and hash is the one that
 * several unrelated public projects pin for that same commit and file. A wrong
 * value would still fail safe: the downloader deletes a file whose hash does not
 * match, so nothing unverified is ever loaded.
 */
export interface CuratedModel {
  id: string;
  name: string;
  /** The file name it is saved under, in the engine's models folder. */
  file: string;
  url: string;
  /** The file's exact size in bytes (the server's own Content-Length is checked too). */
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
    url: 'https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/9217f5db79a29953eb74d5343926648285ec7e67/qwen2.5-0.5b-instruct-q4_k_m.gguf',
    sizeBytes: 491_400_032,
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
    url: 'https://huggingface.co/bartowski/Llama-3.2-1B-Instruct-GGUF/resolve/067b946cf014b7c697f3654f621d577a3e3afd1c/Llama-3.2-1B-Instruct-Q4_K_M.gguf',
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
    url: 'https://huggingface.co/bartowski/google_gemma-3-1b-it-GGUF/resolve/116f76234503685a98f572982177b11d44ec8ff1/google_gemma-3-1b-it-Q4_K_M.gguf',
    sizeBytes: 806_058_496,
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
