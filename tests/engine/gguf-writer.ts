/**
 * A minimal writer of the GGUF format (version 3), enough to build test models:
 * typed metadata, then tensor descriptions, then the 32-byte-aligned tensor data.
 * Layout per ggml's gguf spec: little-endian, strings as u64 length + UTF-8 bytes.
 */

const ALIGNMENT = 32;

/** GGUF metadata value types. */
const T = { u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9 } as const;

export type MetaValue =
  | { u32: number }
  | { f32: number }
  | { bool: boolean }
  | { string: string }
  | { strings: string[] }
  | { f32s: number[] }
  | { i32s: number[] };

export interface Tensor {
  name: string;
  /** ggml order: the first dimension is the one that varies fastest. */
  dims: number[];
  data: Float32Array;
}

class ByteSink {
  private chunks: Buffer[] = [];
  length = 0;
  push(b: Buffer): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  u32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.push(b);
  }
  i32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v);
    this.push(b);
  }
  u64(v: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    this.push(b);
  }
  f32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(v);
    this.push(b);
  }
  str(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.u64(b.length);
    this.push(b);
  }
  padTo(alignment: number): void {
    const pad = (alignment - (this.length % alignment)) % alignment;
    if (pad) this.push(Buffer.alloc(pad));
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

function writeValue(out: ByteSink, v: MetaValue): void {
  if ('u32' in v) {
    out.u32(T.u32);
    out.u32(v.u32);
  } else if ('f32' in v) {
    out.u32(T.f32);
    out.f32(v.f32);
  } else if ('bool' in v) {
    out.u32(T.bool);
    out.push(Buffer.from([v.bool ? 1 : 0]));
  } else if ('string' in v) {
    out.u32(T.string);
    out.str(v.string);
  } else if ('strings' in v) writeArray(out, T.string, v.strings, (s) => out.str(s));
  else if ('f32s' in v) writeArray(out, T.f32, v.f32s, (n) => out.f32(n));
  else writeArray(out, T.i32, v.i32s, (n) => out.i32(n));
}

function writeArray<V>(out: ByteSink, type: number, items: V[], each: (item: V) => void): void {
  out.u32(T.array);
  out.u32(type);
  out.u64(items.length);
  for (const item of items) each(item);
}

export function writeGguf(metadata: Record<string, MetaValue>, tensors: Tensor[]): Buffer {
  const head = new ByteSink();
  head.push(Buffer.from('GGUF', 'ascii'));
  head.u32(3);
  head.u64(tensors.length);
  head.u64(Object.keys(metadata).length);
  for (const [key, value] of Object.entries(metadata)) {
    head.str(key);
    writeValue(head, value);
  }
  let offset = 0;
  for (const t of tensors) {
    const count = t.dims.reduce((a, b) => a * b, 1);
    if (count !== t.data.length) throw new Error(`tensor ${t.name}: ${t.data.length} values for dims ${t.dims.join('x')}`);
    head.str(t.name);
    head.u32(t.dims.length);
    for (const d of t.dims) head.u64(d);
    head.u32(0); // GGML_TYPE_F32
    head.u64(offset);
    offset += Math.ceil((count * 4) / ALIGNMENT) * ALIGNMENT;
  }
  head.padTo(ALIGNMENT);
  const data = new ByteSink();
  for (const t of tensors) {
    data.push(Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
    data.padTo(ALIGNMENT);
  }
  return Buffer.concat([head.bytes(), data.bytes()]);
}
