import { css, html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { ApiKey, ApiKeyScope } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { errorText } from '../../lib/errors.js';
import { browserZone, formatDay, formatTime } from '../../lib/format.js';
import { entryList, siteBase } from '../../styles/components.js';
import '../book-copy-button/book-copy-button.js';

const SCOPES: Record<ApiKeyScope, string> = {
  read: 'Read only',
  read_write: 'Read and write',
};

const when = (iso: string) => `${formatDay(iso, browserZone())}, ${formatTime(iso, browserZone())}`;

/**
 * @summary The business's API keys, for other software that calls the admin API without signing in: make one (its
 * key is shown once, to copy), see each key's access and last use, revoke one. For the owner and admins.
 *
 * @csspart key - Each key in the list.
 * @csspart secret - The new key, shown once.
 */
export class BookApiKeys extends LitElement {
  static override styles = [
    siteBase,
    entryList,
    css`
      .cards {
        margin: 1rem 0;
      }
      li.revoked {
        opacity: 0.7;
      }
      .secret {
        padding: 0.75rem;
      }
      .secret code {
        display: block;
        margin: 0.5rem 0;
        /* 61 characters without a break point: wrapped anywhere so a phone shows all of it. */
        overflow-wrap: anywhere;
        user-select: all;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
    `,
  ];

  @state() private keys: ApiKey[] = [];
  @state() private loading = true;
  /** The key just made: shown until dismissed, never again. */
  @state() private created: { name: string; key: string } | null = null;
  /** The key whose revocation waits for a second click. */
  @state() private confirming: number | null = null;
  private action = new ActionController(this, { fieldsProblem: 'Check the marked fields.' });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override render() {
    const errors = this.action.errors;
    return html`<p class="muted">
        Other software (a CRM, your website, an automation tool) can use the admin API with a key instead of signing
        in: it sends <code>Authorization: Bearer &lt;key&gt;</code>. A key acts as an admin of the business; a read-only
        key can look but not change anything.
      </p>
      <p class="notice bad" role="alert">${this.action.problem}</p>
      <p class="notice" role="status">${this.action.status}</p>
      ${this.created ? this.renderCreated(this.created) : nothing}
      <form @submit=${this.create} novalidate aria-label="New API key">
        <div class="field">
          <label for="key-name">Name</label>
          <input id="key-name" name="name" maxlength="100" required placeholder="CRM sync"
            aria-invalid=${errors.name ? 'true' : 'false'} aria-describedby=${errors.name ? 'name-error' : nothing} />
          ${errors.name ? html`<p class="error" id="name-error">${errors.name}</p>` : nothing}
        </div>
        <div class="field">
          <label for="key-scope">Access</label>
          <select id="key-scope" name="scope">
            ${Object.entries(SCOPES).map(([value, label]) => html`<option value=${value}>${label}</option>`)}
          </select>
        </div>
        <div class="field">
          <button class="primary" type="submit" ?disabled=${this.action.busy}>Create key</button>
        </div>
      </form>
      ${
        this.loading
          ? html`<p class="loading" role="status">Loading keys…</p>`
          : this.keys.length
            ? html`<ul class="cards" aria-label="API keys">${this.keys.map((k) => this.renderKey(k))}</ul>`
            : html`<p class="muted">No API keys yet.</p>`
      }`;
  }

  private renderCreated(created: { name: string; key: string }) {
    return html`<div class="card secret" part="secret">
      <strong>Your new key "${created.name}"</strong>
      <p class="hint">Copy it now: it is shown only this once. Keep it as secret as a password.</p>
      <code>${created.key}</code>
      <div class="actions">
        <book-copy-button value=${created.key} label="Copy key"></book-copy-button>
        <button type="button" @click=${() => (this.created = null)}>Done</button>
      </div>
    </div>`;
  }

  private renderKey(k: ApiKey) {
    const revoking = this.confirming === k.id;
    return html`<li class="card ${k.revokedAt ? 'revoked' : ''}" part="key">
      <span>
        <strong>${k.name}</strong> · ${SCOPES[k.scope]}<br />
        <code>${k.prefix}…</code><br />
        <span class="hint">Created ${formatDay(k.createdAt, browserZone())}${k.createdBy ? ` by ${k.createdBy}` : ''} ·
          ${k.lastUsedAt ? `last used ${when(k.lastUsedAt)}` : 'never used'}</span>
      </span>
      ${
        k.revokedAt
          ? html`<span class="muted">Revoked ${formatDay(k.revokedAt, browserZone())}</span>`
          : html`<span class="actions">
              ${revoking ? html`<button type="button" @click=${() => (this.confirming = null)}>Keep</button>` : nothing}
              <button type="button" class="danger" ?disabled=${this.action.busy} @click=${() => this.revoke(k)}
                aria-label="${revoking ? 'Really revoke' : 'Revoke'} ${k.name}">${revoking ? 'Really revoke' : 'Revoke'}</button>
            </span>`
      }
    </li>`;
  }

  private async load(): Promise<void> {
    try {
      this.keys = (await api.apiKeys()).apiKeys;
    } catch (e) {
      this.action.report(errorText(e));
    } finally {
      this.loading = false;
    }
  }

  private create = (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const input = { name: String(data.get('name') ?? '').trim(), scope: String(data.get('scope')) as ApiKeyScope };
    return this.action.run(async () => {
      const { apiKey, key } = await api.createApiKey(input);
      this.keys = [apiKey, ...this.keys];
      this.created = { name: apiKey.name, key };
      form.reset();
      return `Key "${apiKey.name}" created.`;
    });
  };

  /** The first click asks again; the second revokes, for good. */
  private revoke(key: ApiKey): Promise<void> {
    if (this.confirming !== key.id) {
      this.confirming = key.id;
      return Promise.resolve();
    }
    return this.action.run(async () => {
      await api.revokeApiKey(key.id);
      this.confirming = null;
      this.keys = this.keys.map((k) => (k.id === key.id ? { ...k, revokedAt: new Date().toISOString() } : k));
      return `Key "${key.name}" revoked: software using it is refused from now on.`;
    });
  }
}

define('book-api-keys', BookApiKeys);

declare global {
  interface HTMLElementTagNameMap {
    'book-api-keys': BookApiKeys;
  }
}
