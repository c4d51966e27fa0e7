import type { LitElement } from 'lit';

/**
 * Once `host` has rendered, focuses the first field marked invalid, else the alert that says what went wrong, so
 * a keyboard or screen-reader user lands on the problem.
 */
export async function focusFirstProblem(host: LitElement): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]:not(:empty)')?.focus();
}
