/**
 * An insertion-ordered collection of resources keyed by SID. Each SID keeps its position (sequence) even after
 * deletion, so a PageToken naming a deleted resource still pages on from the right place, as Twilio's does.
 */
/** A Collection as data: what a saved sandbox state keeps of it. */
export interface CollectionSnapshot<T> {
  items: T[];
  /** Every SID ever added (deleted ones too) with its position. */
  sequences: Array<[string, number]>;
  nextSequence: number;
}

export class Collection<T extends { sid: string }> {
  private readonly items = new Map<string, T>();
  private readonly sequenceBySid = new Map<string, number>();
  private nextSequence = 0;

  add(item: T): T {
    this.items.set(item.sid, item);
    this.sequenceBySid.set(item.sid, this.nextSequence++);
    return item;
  }

  get(sid: string): T | undefined {
    return this.items.get(sid);
  }

  delete(sid: string): T | undefined {
    const item = this.items.get(sid);
    this.items.delete(sid);
    return item;
  }

  /** Position of a SID in insertion order (also for deleted ones); undefined if never seen. */
  sequenceOf(sid: string): number | undefined {
    return this.sequenceBySid.get(sid);
  }

  get size(): number {
    return this.items.size;
  }

  values(): T[] {
    return [...this.items.values()];
  }

  filter(predicate: (item: T) => boolean): T[] {
    const result: T[] = [];
    for (const item of this.items.values()) if (predicate(item)) result.push(item);
    return result;
  }

  find(predicate: (item: T) => boolean): T | undefined {
    for (const item of this.items.values()) if (predicate(item)) return item;
    return undefined;
  }

  snapshot(): CollectionSnapshot<T> {
    return { items: this.values(), sequences: [...this.sequenceBySid], nextSequence: this.nextSequence };
  }

  static restore<T extends { sid: string }>(snapshot: CollectionSnapshot<T>): Collection<T> {
    const collection = new Collection<T>();
    for (const item of snapshot.items) collection.items.set(item.sid, item);
    for (const [sid, sequence] of snapshot.sequences) collection.sequenceBySid.set(sid, sequence);
    collection.nextSequence = snapshot.nextSequence;
    return collection;
  }
}
