/**
 * Where a phased deploy stands, so a Ctrl-C says what it leaves behind: the phases the org already
 * saved, the deploy still running in the org (a Metadata API deploy, once queued, goes on without
 * the client that started it, then commits or rolls back on its own), and what never started.
 */
export interface DeployJournal {
  /** The phases this deploy runs, in order. */
  planned(phases: string[]): void;
  /** A phase's deploy was queued in the org under `id`. */
  queued(phase: string, id: string): void;
  /** A phase's deploy ended (in the org), successfully or not. */
  finished(phase: string, success: boolean): void;
  /** Every phase is deployed; the post-deploy steps (activation, publish, mapping check) run now. */
  postDeploy(): void;
}

export class DeployProgress implements DeployJournal {
  private phases: string[] = [];
  private readonly deployed: string[] = [];
  private running?: { phase: string; id: string };
  private inPostDeploy = false;

  constructor(private readonly checkOnly: boolean) {}

  planned(phases: string[]): void {
    this.phases = phases;
  }

  queued(phase: string, id: string): void {
    this.running = { phase, id };
  }

  finished(phase: string, success: boolean): void {
    if (success) this.deployed.push(phase);
    this.running = undefined;
  }

  postDeploy(): void {
    this.inPostDeploy = true;
  }

  /** What an interruption now leaves behind, first line the headline. */
  interruptedLines(): string[] {
    const watch = 'follow it in Setup → Deployment Status';
    if (this.checkOnly) {
      return [
        'Interrupted: nothing is saved by a check-only deploy.',
        this.running
          ? `The check-only deploy ${this.running.id} goes on in the org until it finishes; ${watch}.`
          : 'No check-only deploy was queued yet.'
      ];
    }
    if (this.inPostDeploy) {
      return [
        `Interrupted after every phase was deployed (${this.deployed.join(', ')}), during the post-deploy steps.`,
        'The channel may not be activated, the deployment not published, the mappings not checked: run `handoff deploy` again (the phases redeploy unchanged) or `handoff doctor`.'
      ];
    }
    const started = new Set([...this.deployed, ...(this.running ? [this.running.phase] : [])]);
    const notStarted = this.phases.filter((p) => !started.has(p));
    return [
      `Interrupted: the deploy is half done.`,
      `Deployed (saved in the org): ${this.deployed.join(', ') || 'none'}.`,
      ...(this.running
        ? [
            `Still running in the org: deploy ${this.running.id} (${this.running.phase}); it commits or rolls back on its own: ${watch}.`
          ]
        : []),
      `Not started: ${notStarted.join(', ') || 'none'}; nor the post-deploy steps (channel activation, publish, mapping check).`,
      'Run `handoff deploy` again when that deploy has finished: the deployed phases redeploy unchanged.'
    ];
  }
}
