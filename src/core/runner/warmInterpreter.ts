import { BootstrapProcess } from './bootstrapProcess';
import { Fingerprint, fingerprintChanged, fingerprintOf } from './interpreterFingerprint';
import { resolvePython } from './pythonInterpreter';
import type { WarmCandidate, WarmKey } from './warmPool';

/**
 * A bootstrap spawned ahead of its run for one WarmKey: Python started, the shim imported,
 * the channel connected, run.start waiting for a RunSpec. LocalRunner.start adopts its
 * process; until then it is only this object's to kill.
 */
export class WarmInterpreter implements WarmCandidate {
  /** The spawned bootstrap, or undefined when the interpreter could not be started. */
  readonly process: Promise<BootstrapProcess | undefined>;
  private spawned: BootstrapProcess | undefined;
  private failed = false;
  private ended = false;
  private fingerprint: Fingerprint = new Map();

  constructor(readonly key: WarmKey) {
    this.process = this.spawn().catch(() => {
      // A broken interpreter: the run that would have taken it starts fresh and reports why.
      this.failed = true;
      return undefined;
    });
  }

  get alive(): boolean {
    return !this.failed && !this.ended && (this.spawned?.alive ?? true);
  }

  stale(): boolean {
    return fingerprintChanged(this.fingerprint);
  }

  async end(): Promise<void> {
    this.ended = true;
    // At once, not after an await: on deactivation the host may not wait for the promise.
    if (this.spawned && !this.spawned.wasAdopted) this.spawned.kill();
    const spawned = await this.process;
    // Adopted: the run ends it. Not adopted: nobody else will.
    if (spawned && !spawned.wasAdopted) await spawned.end();
  }

  private async spawn(): Promise<BootstrapProcess> {
    const python = await resolvePython(this.key.python, this.key.cwd);
    this.fingerprint = fingerprintOf([python.executable]);
    if (this.ended) throw new Error('dropped before it started');
    // Started while the previous run is under way: off this thread, so its spawn does not stall the UI.
    const spawned = await BootstrapProcess.spawn({ executable: python.executable, cwd: this.key.cwd, offThisThread: true });
    this.spawned = spawned;
    if (this.ended) {
      await spawned.end();
      throw new Error('dropped before it started');
    }
    void spawned.ready.then((hello) => {
      for (const [path, modified] of fingerprintOf(hello.watch)) if (!this.fingerprint.has(path)) this.fingerprint.set(path, modified);
    });
    return spawned;
  }
}
