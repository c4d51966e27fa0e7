import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { Closure } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { errorText } from '../../lib/errors.js';
import { formatDay, todayIn } from '../../lib/format.js';
import { entryList, siteBase } from '../../styles/components.js';

/** "Mon, 3 Aug 2026" for a local date (a date has no zone: it is read as the same day in UTC). */
const day = (date: string) => formatDay(`${date}T12:00:00Z`, 'UTC');
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
const span = (c: Pick<Closure, 'from' | 'to'>) => (c.from === c.to ? day(c.from) : `${day(c.from)} – ${day(c.to)}`);

/**
 * @summary Closures as date ranges: a holiday from one date to another is one entry, listed and removed as one.
 * Every date in it is closed for bookings, whatever the weekly or special hours say.
 *
 * @csspart closure - Each closure in the list.
 *
 * @property timeZone - (`time-zone`) The provider's zone: closures from today on (there) are listed.
 */
export class BookClosures extends LitElement {
  static override styles = [
    siteBase,
    entryList,
    css`
      .cards {
        margin-bottom: 1rem;
      }
    `,
  ];

  @property({ attribute: 'time-zone' }) timeZone = 'UTC';

  @state() private closures: Closure[] = [];
  /** A problem found before asking the server (no first day). */
  @state() private missing: Record<string, string> = {};
  private action = new ActionController(this, { fieldsProblem: 'Check the marked fields.' });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override render() {
    const fields = { ...this.action.errors, ...this.missing };
    const error = (name: string) =>
      fields[name] ? html`<p class="error" id="${name}-error">${fields[name]}</p>` : nothing;
    const dateField = (name: 'from' | 'to', label: string) => html`<div class="field">
      <label for=${name}>${label}</label>
      <input id=${name} name=${name} type="date" required min=${todayIn(this.timeZone)}
        aria-invalid=${fields[name] ? 'true' : 'false'} aria-describedby=${fields[name] ? `${name}-error` : nothing} />
      ${error(name)}
    </div>`;
    return html`<p class="notice bad" role="alert">${this.action.problem}</p>
      <p class="notice" role="status">${this.action.status}</p>
      ${
        this.closures.length
          ? html`<ul class="cards" aria-label="Closures">
              ${this.closures.map(
                (c) => html`<li class="card" part="closure">
                  <span><strong>${c.label || 'Closed'}</strong><br />
                    ${span(c)}
                    <span class="hint">(${days(c.from, c.to)} day${days(c.from, c.to) === 1 ? '' : 's'})</span></span>
                  <button class="danger" ?disabled=${this.action.busy} @click=${() => this.removeClosure(c)}
                    aria-label="Remove ${c.label || 'closure'} ${day(c.from)}">Remove</button>
                </li>`,
              )}
            </ul>`
          : html`<p class="muted">No closures coming up.</p>`
      }
      <form @submit=${this.add} novalidate>
        ${dateField('from', 'First day closed')} ${dateField('to', 'Last day closed')}
        <div class="field">
          <label for="label">Name <span class="hint">(optional)</span></label>
          <input id="label" name="label" maxlength="100" placeholder="Summer holiday" />
          ${error('label')}
        </div>
        <div class="field">
          <button class="primary" type="submit" ?disabled=${this.action.busy}>Add closure</button>
        </div>
      </form>`;
  }

  private async load(): Promise<void> {
    try {
      this.closures = (await api.schedule(todayIn(this.timeZone), '9999-12-31')).closures ?? [];
    } catch (e) {
      this.action.report(errorText(e));
    }
  }

  private add = (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const from = String(data.get('from') ?? '');
    // A one-day closure needs only its first day.
    const to = String(data.get('to') ?? '') || from;
    const label = String(data.get('label') ?? '');
    this.missing = from ? {} : { from: 'Choose the first day.' };
    if (!from) return Promise.resolve();
    return this.action.run(async () => {
      const { closure } = await api.addClosure({ from, to, label });
      this.closures = [...this.closures, closure].sort((a, b) => a.from.localeCompare(b.from));
      form.reset();
      return `Closed ${span(closure)}.`;
    });
  };

  private removeClosure(closure: Closure): Promise<void> {
    return this.action.run(async () => {
      await api.deleteClosure(closure.id);
      this.closures = this.closures.filter((c) => c.id !== closure.id);
      return 'Closure removed: those days are open again.';
    });
  }
}

define('book-closures', BookClosures);

declare global {
  interface HTMLElementTagNameMap {
    'book-closures': BookClosures;
  }
}
