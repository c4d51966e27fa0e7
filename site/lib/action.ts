import type { LitElement, ReactiveController } from 'lit';
import { errorText, fieldErrors } from './errors.js';

export interface ActionOptions {
  /** The problem shown when the server refused some fields (they are marked beside the inputs); default: its message. */
  fieldsProblem?: string;
}

/**
 * A component's actions (save, cancel, retry…) and what became of the last one: `busy` while one runs (the host
 * disables its buttons), then the `status` it reported, or the `problem` with the server's `errors` by field. On
 * failure the host's `[role="alert"]` gets the focus, so a screen reader announces it. Renders its host when
 * anything changes.
 */
export class ActionController implements ReactiveController {
  busy = false;
  /** What the last action did, for the host's `role="status"`. */
  status = '';
  /** What went wrong (with the last action, or as `report`ed), for the host's `role="alert"`. */
  problem = '';
  /** The server's messages by field, from the last action. */
  errors: Record<string, string> = {};

  constructor(
    private readonly host: LitElement,
    private readonly options: ActionOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * Runs `work`, which returns the status to show (if any); the last outcome is cleared first. Never rejects:
   * a failure is shown instead.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: work that shows no status returns nothing at all
  async run(work: () => Promise<string | void>): Promise<void> {
    this.busy = true;
    this.status = this.problem = '';
    this.errors = {};
    this.host.requestUpdate();
    try {
      this.status = (await work()) ?? '';
    } catch (e) {
      this.errors = fieldErrors(e);
      this.problem =
        this.options.fieldsProblem && Object.keys(this.errors).length ? this.options.fieldsProblem : errorText(e);
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('[role="alert"]')?.focus();
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Shows a problem that did not come from an action, such as a failed load. */
  report(problem: string): void {
    this.problem = problem;
    this.host.requestUpdate();
  }

  /** Forgets the last outcome, say when the panel it was about is closed. */
  clear(): void {
    this.status = this.problem = '';
    this.errors = {};
    this.host.requestUpdate();
  }
}
