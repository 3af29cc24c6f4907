/** Something due on the virtual clock; `seq` breaks ties so equal times keep their scheduling order. */
export interface Timed {
  at: number;
  seq: number;
}

/**
 * A binary min-heap of timers ordered by time, then by scheduling order (deterministic). The keys sit in
 * typed arrays beside the timers, so sifting compares numbers laid out together instead of following
 * pointers to timers spread over the heap (a simulation holds tens of thousands of SLA timers).
 */
export class TimerHeap<T extends Timed> {
  private items: T[] = [];
  private ats = new Float64Array(64);
  private seqs = new Float64Array(64);

  get size(): number {
    return this.items.length;
  }

  /** The earliest timer, without removing it. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** When the earliest timer is due (Infinity when there is none), read without touching the timer. */
  peekAt(): number {
    return this.items.length === 0 ? Infinity : this.ats[0]!;
  }

  push(item: T): void {
    const n = this.items.length;
    if (n === this.ats.length) this.grow();
    const { ats, seqs, items } = this;
    const at = item.at;
    const seq = item.seq;
    items.push(item);
    let i = n;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pAt = ats[parent]!;
      if (pAt < at || (pAt === at && seqs[parent]! < seq)) break;
      ats[i] = pAt;
      seqs[i] = seqs[parent]!;
      items[i] = items[parent]!;
      i = parent;
    }
    ats[i] = at;
    seqs[i] = seq;
    items[i] = item;
  }

  /** Removes and returns the earliest timer. */
  pop(): T | undefined {
    const { ats, seqs, items } = this;
    const top = items[0];
    const last = items.pop();
    const n = items.length;
    if (top === undefined || last === undefined || n === 0) return top;
    const at = ats[n]!;
    const seq = seqs[n]!;
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
      items[i] = items[child]!;
      i = child;
    }
    ats[i] = at;
    seqs[i] = seq;
    items[i] = last;
    return top;
  }

  private grow(): void {
    const ats = new Float64Array(this.ats.length * 2);
    ats.set(this.ats);
    this.ats = ats;
    const seqs = new Float64Array(this.seqs.length * 2);
    seqs.set(this.seqs);
    this.seqs = seqs;
  }
}
