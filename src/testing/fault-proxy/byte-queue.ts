/**
 * Bytes received in chunks, read back from the front. Chunks are joined only when read, and only as far as needed,
 * so a 10 MB frame arriving in 64 KB chunks is copied once, not once per chunk.
 */
export class ByteQueue {
  private chunks: Buffer[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  /** The first `n` bytes (fewer if fewer are queued), left in the queue. */
  peek(n: number): Buffer {
    const first = this.chunks[0];
    if (first === undefined) return Buffer.alloc(0);
    if (first.length >= n || this.chunks.length === 1) return first.subarray(0, n);
    return Buffer.concat(this.chunks, Math.min(n, this.size)).subarray(0, n);
  }

  /** Removes and returns the first `n` bytes (fewer if fewer are queued). */
  take(n: number): Buffer {
    const taken = this.peek(n);
    let left = taken.length;
    while (left > 0) {
      const first = this.chunks[0] as Buffer;
      if (first.length <= left) {
        this.chunks.shift();
        left -= first.length;
      } else {
        this.chunks[0] = first.subarray(left);
        left = 0;
      }
    }
    this.size -= taken.length;
    return taken;
  }

  /** Removes and returns everything queued. */
  takeAll(): Buffer {
    return this.take(this.size);
  }
}
