/**
 * A binary min-heap of timers ordered by time, then by the order they were pushed (deterministic). A timer
 * is a time, an item and a small tag saying what the item is due for. They sit in columns, the time, push
 * order and tag in typed arrays beside the items, so a timer is no object of its own (a simulation holds
 * tens of thousands of SLA timers, each living until it is due) and sifting compares numbers laid out
 * together instead of following pointers.
 */
export class TimerHeap<T> {
  private items: T[] = [];
  private ats = new Float64Array(64);
  private seqs = new Float64Array(64);
  private tags = new Uint8Array(64);
  private pushed = 0;

  get size(): number {
    return this.items.length;
  }

  /** The item of the earliest timer, without removing it. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** When the earliest timer is due (Infinity when there is none). */
  peekAt(): number {
    return this.items.length === 0 ? Infinity : this.ats[0]!;
  }

  /** The tag of the earliest timer (0 when there is none). */
  peekTag(): number {
    return this.items.length === 0 ? 0 : this.tags[0]!;
  }

  /** Adds a timer due at `at`; `tag` (0–255) says what it is for. */
  push(at: number, item: T, tag = 0): void {
    const n = this.items.length;
    if (n === this.ats.length) this.grow();
    const { ats, seqs, tags, items } = this;
    const seq = this.pushed++;
    items.push(item);
    let i = n;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pAt = ats[parent]!;
      if (pAt < at || (pAt === at && seqs[parent]! < seq)) break;
      ats[i] = pAt;
      seqs[i] = seqs[parent]!;
      tags[i] = tags[parent]!;
      items[i] = items[parent]!;
      i = parent;
    }
    ats[i] = at;
    seqs[i] = seq;
    tags[i] = tag;
    items[i] = item;
  }

  /** Removes the earliest timer and returns its item. */
  pop(): T | undefined {
    const { ats, seqs, tags, items } = this;
    const top = items[0];
    const last = items.pop();
    const n = items.length;
    if (top === undefined || last === undefined || n === 0) return top;
    const at = ats[n]!;
    const seq = seqs[n]!;
    const tag = tags[n]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && (ats[r]! < ats[l]! || (ats[r] === ats[l] && seqs[r]! < seqs[l]!)) ? r : l;
      const cAt = ats[child]!;
      if (at < cAt || (at === cAt && seq < seqs[child]!)) break;
      ats[i] = cAt;
      seqs[i] = seqs[child]!;
      tags[i] = tags[child]!;
      items[i] = items[child]!;
      i = child;
    }
    ats[i] = at;
    seqs[i] = seq;
    tags[i] = tag;
    items[i] = last;
    return top;
  }

  private grow(): void {
    const size = this.ats.length * 2;
    const ats = new Float64Array(size);
    ats.set(this.ats);
    this.ats = ats;
    const seqs = new Float64Array(size);
    seqs.set(this.seqs);
    this.seqs = seqs;
    const tags = new Uint8Array(size);
    tags.set(this.tags);
    this.tags = tags;
  }
}
