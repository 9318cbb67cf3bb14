import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SandboxSnapshot } from '../core/state-snapshot';

/** After a change, wait this long for more before writing: a burst of requests makes one write. */
const SAVE_DELAY_MS = 200;

/**
 * The sandbox's state in `<dir>/state.json`, so a restarted sandbox still holds what a journal kept elsewhere
 * remembers it created. Written whole, to a temporary file renamed over the last one: a crash mid-write leaves the
 * previous state, never half of one.
 */
export class StateFile<Account> {
  private readonly path: string;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly dir: string,
    private readonly snapshot: () => SandboxSnapshot<Account>,
  ) {
    this.path = join(dir, 'state.json');
  }

  /** The saved state; undefined when none was saved yet. An unreadable file fails the start: it is not replaced. */
  static load<Account>(dir: string): SandboxSnapshot<Account> | undefined {
    let text: string;
    try {
      text = readFileSync(join(dir, 'state.json'), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      return JSON.parse(text) as SandboxSnapshot<Account>;
    } catch (error) {
      throw new Error(
        `The sandbox state ${join(dir, 'state.json')} is not JSON (${(error as Error).message}): move it away to start from the demo account`,
      );
    }
  }

  /** Something changed: save soon. */
  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.save();
      } catch (error) {
        // The next change tries again, and close() saves once more; a failing disk must not stop the sandbox.
        console.error(`[twilio-sandbox] could not save its state in ${this.dir}`, error);
      }
    }, SAVE_DELAY_MS);
    this.timer.unref();
  }

  /** Saves now (on close, and after a reset), cancelling a pending save. */
  save(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    mkdirSync(this.dir, { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.snapshot()));
    renameSync(temporary, this.path);
  }
}
