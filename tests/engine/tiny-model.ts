/**
 * A tiny random-weight llama model in GGUF form, for tests and the bench: two
 * layers, width 64, a vocabulary of byte tokens plus the ChatML markers, and a
 * ChatML chat template (about 0.5 MB). No npm package ships a model and none can
 * be downloaded here; the weights come from a fixed seed, so every run gets the
 * same file. It streams bytes, not sense: it measures the plumbing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seeded } from '../unit/router/fakes.js';
import { writeGguf, type MetaValue, type Tensor } from './gguf-writer.js';

const WIDTH = 64;
const LAYERS = 2;
const FFN = 128;
const HEADS = 4;

/** llama.cpp token types. */
const NORMAL = 1;
const UNKNOWN = 2;
const CONTROL = 3;
const BYTE = 6;

const CHATML =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

function vocabulary(): { tokens: string[]; types: number[] } {
  const tokens = ['<unk>', '<s>', '</s>', '<|im_start|>', '<|im_end|>'];
  const types = [UNKNOWN, CONTROL, CONTROL, CONTROL, CONTROL];
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(BYTE);
  }
  // A few whole words, so the tokenizer has merges to make and text is not all bytes.
  for (const word of ['▁', '▁the', '▁a', 'e', 't']) {
    tokens.push(word);
    types.push(NORMAL);
  }
  return { tokens, types };
}

export function tinyModelBytes(seed = 21): Buffer {
  const random = seeded(seed);
  const weights = (...dims: number[]): Float32Array => {
    const n = dims.reduce((a, b) => a * b, 1);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = (random() - 0.5) * 0.2;
    return out;
  };
  const ones = (n: number) => new Float32Array(n).fill(1);
  const { tokens, types } = vocabulary();
  const vocab = tokens.length;

  const metadata: Record<string, MetaValue> = {
    'general.architecture': { string: 'llama' },
    'general.name': { string: 'switchboard-tiny-test' },
    'llama.context_length': { u32: 1024 },
    'llama.embedding_length': { u32: WIDTH },
    'llama.block_count': { u32: LAYERS },
    'llama.feed_forward_length': { u32: FFN },
    'llama.attention.head_count': { u32: HEADS },
    'llama.attention.head_count_kv': { u32: HEADS },
    'llama.attention.layer_norm_rms_epsilon': { f32: 1e-5 },
    'llama.rope.dimension_count': { u32: WIDTH / HEADS },
    'llama.vocab_size': { u32: vocab },
    'tokenizer.ggml.model': { string: 'llama' },
    'tokenizer.ggml.tokens': { strings: tokens },
    'tokenizer.ggml.scores': { f32s: tokens.map((t, i) => (types[i] === NORMAL ? -t.length : 0)) },
    'tokenizer.ggml.token_type': { i32s: types },
    'tokenizer.ggml.bos_token_id': { u32: 1 },
    'tokenizer.ggml.eos_token_id': { u32: 4 },
    'tokenizer.ggml.unknown_token_id': { u32: 0 },
    'tokenizer.ggml.add_bos_token': { bool: false },
    'tokenizer.chat_template': { string: CHATML },
  };

  const tensors: Tensor[] = [
    { name: 'token_embd.weight', dims: [WIDTH, vocab], data: weights(WIDTH, vocab) },
    { name: 'output_norm.weight', dims: [WIDTH], data: ones(WIDTH) },
    { name: 'output.weight', dims: [WIDTH, vocab], data: weights(WIDTH, vocab) },
  ];
  for (let l = 0; l < LAYERS; l++) {
    const blk = (name: string, dims: number[], data: Float32Array) => tensors.push({ name: `blk.${l}.${name}.weight`, dims, data });
    blk('attn_norm', [WIDTH], ones(WIDTH));
    blk('attn_q', [WIDTH, WIDTH], weights(WIDTH, WIDTH));
    blk('attn_k', [WIDTH, WIDTH], weights(WIDTH, WIDTH));
    blk('attn_v', [WIDTH, WIDTH], weights(WIDTH, WIDTH));
    blk('attn_output', [WIDTH, WIDTH], weights(WIDTH, WIDTH));
    blk('ffn_norm', [WIDTH], ones(WIDTH));
    blk('ffn_gate', [WIDTH, FFN], weights(WIDTH, FFN));
    blk('ffn_up', [WIDTH, FFN], weights(WIDTH, FFN));
    blk('ffn_down', [FFN, WIDTH], weights(FFN, WIDTH));
  }
  return writeGguf(metadata, tensors);
}

/** Writes the model into a fresh temp folder and returns its path. */
export function writeTinyModel(dir = mkdtempSync(join(tmpdir(), 'sb-tiny-gguf-'))): string {
  const path = join(dir, 'tiny-test.gguf');
  writeFileSync(path, tinyModelBytes());
  return path;
}
