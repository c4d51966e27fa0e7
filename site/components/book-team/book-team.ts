import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { AdminMember, AdminService, Invitation, MemberDeparture, Profile, Team } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { errorText } from '../../lib/errors.js';
import { emit } from '../../lib/events.js';
import { formatDay } from '../../lib/format.js';
import { siteBase } from '../../styles/components.js';
import '../book-invite-form/book-invite-form.js';
import '../book-member-departure/book-member-departure.js';
import '../book-member-form/book-member-form.js';
import '../book-member-photo/book-member-photo.js';
import type { MemberPatch } from '../book-member-form/book-member-form.js';
import { styles } from './book-team.styles.js';

export const roleLabel: Record<AdminMember['role'], string> = { owner: 'Owner', admin: 'Admin', staff: 'Staff' };

/** "MK" for Mia Kovač: shown in place of a photo. */
export const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

const avatar = (name: string, photoUrl: string | null | undefined) =>
  photoUrl
    ? html`<img class="avatar" src=${photoUrl} alt="" />`
    : html`<span class="avatar" aria-hidden="true">${initials(name)}</span>`;

/**
 * @summary The business's team for its owner and admins: members with their photo, role, whether they signed in and
 * the services they perform; edit one, change their photo, remove one (their future appointments reassigned or
 * cancelled), invite by email and revoke pending invitations. A staff member sees only their own photo and how to
 * leave the business.
 *
 * @event book-team-left - The signed-in member left the business.
 * @csspart member - Each member's panel.
 *
 * @property profile - The business's profile, with the signed-in member (`me`).
 */
export class BookTeam extends LitElement {
  static override styles = [siteBase, styles];

  @property({ attribute: false }) profile!: Profile;

  @state() private team: Team = { members: [], invitations: [] };
  @state() private services: AdminService[] = [];
  @state() private loading = true;
  /** The member being edited, or leaving (removed, or the signed-in one leaving). */
  @state() private editing: number | null = null;
  @state() private departing: number | null = null;
  /** A staff member's own photo, as last saved (they cannot read the team list). */
  @state() private myPhoto: string | null = null;
  private action = new ActionController(this, { fieldsProblem: 'Check the marked fields.' });

  private get me() {
    return this.profile.me;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.me?.role === 'staff') {
      this.loading = false;
      this.myPhoto = this.me.photoUrl ?? null;
    } else void this.load();
  }

  override render() {
    if (this.loading) return html`<p class="loading" role="status">Loading the team…</p>`;
    const alerts = html`<p class="notice bad" role="alert" tabindex="-1">${this.action.problem}</p>
      <p class="notice" role="status">${this.action.status}</p>`;
    if (this.me?.role === 'staff') return html`${alerts}${this.renderOwn()}`;
    return html`${alerts}
      <ul class="panels">${this.team.members.map((m) => html`<li part="member" class="panel member">${this.renderMember(m)}</li>`)}</ul>
      <section aria-labelledby="invite-title">
        <h2 id="invite-title">Invite a member</h2>
        <p class="hint">They get an email with a link to join, valid for 7 days and usable once.</p>
        <book-invite-form ?busy=${this.action.busy} .errors=${this.action.errors}
          @book-invite-submit=${(e: CustomEvent<Pick<Invitation, 'email' | 'name' | 'role'>>) => this.invite(e.detail)}></book-invite-form>
      </section>
      ${this.team.invitations.length ? this.renderInvitations() : nothing}`;
  }

  private renderMember(m: AdminMember) {
    const names = this.services.filter((s) => m.serviceIds.includes(s.id)).map((s) => s.name);
    const self = m.id === this.me?.memberId;
    return html`${avatar(m.name, m.photoUrl)}
      <h3>${m.name}${self ? ' (you)' : ''} <span class="badge confirmed">${roleLabel[m.role]}</span></h3>
      <p class="muted">${m.joined ? 'Joined' : 'Has not signed in yet'}${m.email ? ` · ${m.email}` : ''}</p>
      <p>${names.length ? `Performs: ${names.join(', ')}` : 'Performs no service yet'}</p>
      ${
        this.editing === m.id
          ? html`<book-member-form .member=${m} .services=${this.services} .errors=${this.action.errors} ?busy=${this.action.busy}
              @book-member-cancel=${() => (this.editing = null)}
              @book-member-submit=${(e: CustomEvent<MemberPatch>) => this.save(m, e.detail)}></book-member-form>`
          : this.departing === m.id
            ? this.renderDeparture(m, self)
            : html`<div class="actions">
              <button @click=${() => this.open('editing', m.id)}>Edit<span class="sr-only"> ${m.name}</span></button>
              ${this.photoControls(m.id, m.name, m.photoUrl)}
              ${
                m.role === 'owner'
                  ? nothing
                  : html`<button class="danger" @click=${() => this.open('departing', m.id)}>${self ? 'Leave the business' : html`Remove<span class="sr-only"> ${m.name}</span>`}</button>`
              }
            </div>`
      }`;
  }

  private renderDeparture(m: AdminMember, self: boolean) {
    const others = this.team.members.filter((o) => o.id !== m.id);
    return html`<book-member-departure who=${self ? 'you' : m.name} action=${self ? 'Leave the business' : `Remove ${m.name}`}
      .members=${others} ?busy=${this.action.busy}
      @book-departure-cancel=${() => (this.departing = null)}
      @book-departure-confirm=${(e: CustomEvent<MemberDeparture>) => (self ? this.leave(e.detail) : this.removeMember(m, e.detail))}></book-member-departure>`;
  }

  private photoControls(id: number, name: string, photoUrl: string | null) {
    return html`<book-member-photo name=${name} .photoUrl=${photoUrl} ?busy=${this.action.busy}
      @book-photo-upload=${(e: CustomEvent<File>) => this.setPhoto(id, name, e.detail)}
      @book-photo-remove=${() => this.setPhoto(id, name, null)}></book-member-photo>`;
  }

  /**
   * A staff member's own page: their photo, and their way out (the team list is not theirs to see, so "whoever is
   * free" takes their clients).
   */
  private renderOwn() {
    const me = this.me!;
    return html`<div class="panel member">
        ${avatar(me.name, this.myPhoto)}
        <h2>Your photo</h2>
        <p class="hint">Customers see it when they choose who serves them; without one, your initials.</p>
        <div class="actions">${this.photoControls(me.memberId, me.name, this.myPhoto)}</div>
      </div>
      ${this.renderLeave()}`;
  }

  private renderLeave() {
    return html`<div class="panel">
      <h2>Leave ${this.profile.name}</h2>
      <p>You stop getting appointments here and can no longer sign in to this business.</p>
      ${
        this.departing === this.me?.memberId
          ? html`<book-member-departure who="you" action="Leave the business" ?busy=${this.action.busy}
              @book-departure-cancel=${() => (this.departing = null)}
              @book-departure-confirm=${(e: CustomEvent<MemberDeparture>) => this.leave(e.detail)}></book-member-departure>`
          : html`<div class="actions"><button class="danger" @click=${() => this.open('departing', this.me!.memberId)}>Leave the business</button></div>`
      }
    </div>`;
  }

  private renderInvitations() {
    return html`<section aria-labelledby="pending-title">
      <h2 id="pending-title">Pending invitations</h2>
      <ul class="panels invitations">
        ${this.team.invitations.map(
          (i) => html`<li class="panel">
            <span><strong>${i.name}</strong> · ${i.email} · ${roleLabel[i.role]}
              <span class="hint">until ${formatDay(i.expiresAt, this.profile.timeZone)}</span></span>
            <button ?disabled=${this.action.busy} @click=${() => this.revoke(i)}>Revoke<span class="sr-only"> the invitation of ${i.name}</span></button>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private open(panel: 'editing' | 'departing', id: number): void {
    this.editing = this.departing = null;
    this[panel] = id;
    this.action.clear();
  }

  private async load(): Promise<void> {
    try {
      [this.team, { services: this.services }] = await Promise.all([api.team(), api.services()]);
    } catch (e) {
      this.action.report(errorText(e));
    } finally {
      this.loading = false;
    }
  }

  /** Runs a change, then shows the team as it now is. */
  private run(work: () => Promise<unknown>, done: string): Promise<void> {
    return this.action.run(async () => {
      await work();
      this.editing = this.departing = null;
      this.team = await api.team();
      return done;
    });
  }

  private save(m: AdminMember, patch: MemberPatch): Promise<void> {
    return this.run(() => api.updateMember(m.id, patch), `Saved ${patch.name ?? m.name}.`);
  }

  /** Uploads (a file) or removes (null) a member's photo; staff, who cannot read the team, keep their own here. */
  private setPhoto(id: number, name: string, file: File | null): Promise<void> {
    const done = file ? `Saved the photo of ${name}.` : `Removed the photo of ${name}.`;
    const save = async () => (file ? (await api.uploadMemberPhoto(id, file)).photoUrl : api.removeMemberPhoto(id));
    if (this.me?.role !== 'staff') return this.run(save, done);
    return this.action.run(async () => {
      this.myPhoto = (await save()) ?? null;
      return done;
    });
  }

  private removeMember(m: AdminMember, departure: MemberDeparture): Promise<void> {
    return this.run(() => api.removeMember(m.id, departure), `${m.name} is no longer on the team.`);
  }

  private invite(input: Pick<Invitation, 'email' | 'name' | 'role'>): Promise<void> {
    return this.run(async () => {
      await api.invite(input);
      this.renderRoot.querySelector('book-invite-form')?.reset();
    }, `Invitation sent to ${input.email}.`);
  }

  private revoke(i: Invitation): Promise<void> {
    return this.run(() => api.revokeInvitation(i.id), `The invitation of ${i.name} is revoked.`);
  }

  private leave(departure: MemberDeparture): Promise<void> {
    return this.action.run(async () => {
      await api.leaveTeam(departure);
      emit(this, 'book-team-left');
      return `You left ${this.profile.name}.`;
    });
  }
}

define('book-team', BookTeam);

declare global {
  interface HTMLElementTagNameMap {
    'book-team': BookTeam;
  }
}
