import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { AdminMember, AdminService, Profile, ServiceInput } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { errorText } from '../../lib/errors.js';
import { formatDuration, formatPrice } from '../../lib/format.js';
import { everyWeeksPhrase } from '../../lib/series.js';
import { siteBase } from '../../styles/components.js';
import '../book-copy-button/book-copy-button.js';
import '../book-service-form/book-service-form.js';
import { defaultService } from '../book-service-form/book-service-form.js';

/**
 * @summary The provider's services: add, edit, pause (customers cannot book it) and delete (only without
 * appointments). Each service has a direct booking link to share.
 *
 * @csspart service - Each service's row.
 *
 * @property profile - The provider's profile (for booking links).
 * @property origin - The site's public origin.
 */
export class BookServicesEditor extends LitElement {
  static override styles = [
    siteBase,
    css`
      ul {
        margin-bottom: 1rem;
      }
      li.paused h3 {
        color: var(--book-muted);
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        justify-content: space-between;
        align-items: baseline;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) profile!: Profile;
  @property() origin = location.origin;

  @state() private services: AdminService[] = [];
  /** The team: with more than one member, each service says who performs it. */
  @state() private members: AdminMember[] = [];
  @state() private loading = true;
  /** The service being edited: an id, `new`, or none. */
  @state() private editing: number | 'new' | null = null;
  private action = new ActionController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override render() {
    if (this.loading) return html`<p class="loading" role="status">Loading services…</p>`;
    return html`<p class="notice bad" role="alert" tabindex="-1">${this.action.problem}</p>
      <p class="notice" role="status">${this.action.status}</p>
      <ul class="panels">
        ${this.services.map((s) => html`<li part="service" class="panel ${s.active ? '' : 'paused'}">${this.editing === s.id ? this.renderForm(s) : this.renderService(s)}</li>`)}
      </ul>
      ${
        this.editing === 'new'
          ? html`<div class="panel"><h3>New service</h3>${this.renderForm()}</div>`
          : html`<button class="primary" @click=${() => this.edit('new')}>Add a service</button>`
      }`;
  }

  private renderService(s: AdminService) {
    const link = `${this.origin}/p/${this.profile.slug}/book/${s.id}`;
    const buffers = [
      s.bufferBeforeMinutes && `${s.bufferBeforeMinutes} min before`,
      s.bufferAfterMinutes && `${s.bufferAfterMinutes} min after`,
    ].filter(Boolean);
    return html`<div class="head">
        <h3>${s.name} ${s.active ? nothing : html`<span class="badge cancelled">Paused</span>`}</h3>
        <strong>${formatPrice(s.price)}</strong>
      </div>
      <p class="muted">${formatDuration(s.durationMinutes)}${buffers.length ? ` · buffer ${buffers.join(', ')}` : ''}${
        (s.seats ?? 1) > 1 ? ` · a class of ${s.seats} places` : ''
      }${
        s.repeat
          ? ` · repeats ${s.repeat.everyWeeks.map(everyWeeksPhrase).join(' or ')}, up to ${s.repeat.maxCount} times`
          : ''
      }</p>
      ${this.members.length > 1 ? html`<p class="muted">${this.performers(s)}</p>` : nothing}
      ${s.description ? html`<p>${s.description}</p>` : nothing}
      <div class="actions">
        <button @click=${() => this.edit(s.id)}>Edit<span class="sr-only"> ${s.name}</span></button>
        <button @click=${() => this.toggle(s)}>${s.active ? 'Pause' : 'Resume'}<span class="sr-only"> ${s.name}</span></button>
        <button class="danger" @click=${() => this.deleteService(s)}>Delete<span class="sr-only"> ${s.name}</span></button>
        ${s.active ? html`<book-copy-button value=${link} label="Copy booking link"></book-copy-button>` : nothing}
      </div>`;
  }

  private renderForm(service?: AdminService) {
    return html`<book-service-form cancellable .service=${service ?? defaultService()} .members=${this.members} .errors=${this.action.errors} ?busy=${this.action.busy}
      submit-label=${service ? 'Save changes' : 'Add service'}
      @book-service-cancel=${() => this.edit(null)}
      @book-service-submit=${(e: CustomEvent<ServiceInput>) => this.save(service?.id, e.detail)}></book-service-form>`;
  }

  private performers(s: AdminService): string {
    const names = this.members.filter((m) => s.memberIds?.includes(m.id)).map((m) => m.name);
    return names.length ? `With ${names.join(', ')}` : 'Nobody performs it yet: customers cannot book it.';
  }

  private edit(target: number | 'new' | null): void {
    this.editing = target;
    this.action.clear();
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector('book-service-form')?.renderRoot.querySelector<HTMLElement>('input')?.focus(),
    );
  }

  private async load(): Promise<void> {
    try {
      const [{ services }, team] = await Promise.all([
        api.services(),
        api.team().catch(() => ({ members: [] as AdminMember[] })),
      ]);
      this.services = services;
      this.members = team.members;
    } catch (e) {
      this.action.report(errorText(e));
    } finally {
      this.loading = false;
    }
  }

  /** Runs a change, then shows the services as they now are. */
  private run(work: () => Promise<void>, done: string): Promise<void> {
    return this.action.run(async () => {
      await work();
      this.services = (await api.services()).services;
      return done;
    });
  }

  private save(id: number | undefined, input: ServiceInput): Promise<void> {
    return this.run(
      async () => {
        if (id) await api.updateService(id, input);
        else await api.createService(input);
        this.editing = null;
      },
      id ? `Saved ${input.name}.` : `Added ${input.name}.`,
    );
  }

  private toggle(s: AdminService): Promise<void> {
    return this.run(
      async () => void (await api.updateService(s.id, { active: !s.active })),
      s.active ? `${s.name} is paused.` : `${s.name} can be booked again.`,
    );
  }

  private deleteService(s: AdminService): Promise<void> {
    if (!confirm(`Delete ${s.name}? This cannot be undone.`)) return Promise.resolve();
    return this.run(() => api.deleteService(s.id), `Deleted ${s.name}.`);
  }
}

define('book-services-editor', BookServicesEditor);

declare global {
  interface HTMLElementTagNameMap {
    'book-services-editor': BookServicesEditor;
  }
}
