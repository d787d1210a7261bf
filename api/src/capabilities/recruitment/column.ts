/**
 * A typed array that grows as values are pushed (doubling): the compact columns the candidate
 * lists' walk and the counts at any cursor keep of millions of rows.
 */
export class Column<T extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  constructor(private data: T) {}

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  get(i: number): number {
    return this.data[i] as number;
  }

  /** The values pushed, in a typed array of their own length. */
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/** An Int32 column starting small (4,096 values). */
export const intColumn = (): Column<Int32Array> => new Column(new Int32Array(1 << 12));
