import { Low } from 'lowdb';
import type { Codec } from './codec';
import type { DocumentKind } from './documents';
import { DurableJsonFile } from './durable-file';

/**
 * One JSON document held in memory and written through lowdb. Changes are
 * serialised per document; each change is written durably first and becomes
 * the in-memory state only after the write succeeded, so memory never runs
 * ahead of the disk.
 */
export class StoredDocument<T> {
  private readonly adapter: DurableJsonFile<T>;
  private readonly db: Low<T>;
  private queue: Promise<unknown> = Promise.resolve();
  /** Set when the disk may no longer match this document until the next start (see Store.transact). */
  private blocked?: Error;

  constructor(
    kind: DocumentKind,
    readonly file: string,
    readonly path: string,
    initial: T,
    codec?: Codec,
  ) {
    this.adapter = new DurableJsonFile<T>(kind, path, file, codec);
    this.db = new Low(this.adapter, initial);
  }

  /** The file's bytes for a state of this document (the current one or one taken earlier). */
  encode(data: T): Buffer | string {
    return this.adapter.encode(data);
  }

  get data(): T {
    return this.db.data;
  }

  /**
   * Runs `change` on the current state after all earlier changes of this
   * document. It returns the next state and a result; if it throws, nothing
   * is written.
   */
  update<R>(change: (current: T) => { next: T; result: R }): Promise<R> {
    const run = async () => {
      if (this.blocked) throw this.blocked;
      const { next, result } = change(this.db.data);
      await this.db.adapter.write(next);
      this.db.data = next;
      return result;
    };
    const done = this.queue.then(run, run);
    this.queue = done.catch(() => undefined);
    return done;
  }

  /**
   * Holds this document's queue until `released` settles, for a change that
   * spans several documents. Resolves once every earlier change is done.
   */
  hold(released: Promise<unknown>): Promise<void> {
    const ready = this.queue.then(
      () => undefined,
      () => undefined,
    );
    this.queue = ready.then(() => released).catch(() => undefined);
    return ready;
  }

  /** Writes `next` durably, then makes it current. Only while holding the document. */
  async replace(next: T): Promise<void> {
    if (this.blocked) throw this.blocked;
    await this.db.adapter.write(next);
    this.db.data = next;
  }

  /** Refuses every later change with `reason`, until the folder is opened again. */
  block(reason: Error): void {
    this.blocked = reason;
  }

  /** Resolves once every change queued so far is done. */
  async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  /** Writes the current state as it is (used for new and migrated documents). */
  save(): Promise<void> {
    return this.update((current) => ({ next: current, result: undefined }));
  }
}
