import { css } from 'lit';

export const styles = css`
  .scroller {
    overflow-x: auto;
    border: 1px solid var(--book-surface);
    border-radius: var(--book-radius);
  }
  /* A day is a column per member (--lanes of them), each wide enough for a short name and a time. */
  .grid {
    display: grid;
    grid-template-columns: 3.25rem repeat(7, minmax(max(5.5rem, calc(var(--lanes, 1) * 4.5rem)), 1fr));
    min-width: max(44rem, calc(3.25rem + var(--lanes, 1) * 31.5rem));
  }
  .lane {
    position: absolute;
    top: 0;
    bottom: 0;
  }
  .lane + .lane {
    border-left: 1px dotted var(--book-border);
  }
  .lanehead {
    display: flex;
    border-bottom: 1px solid var(--book-surface);
    border-left: 1px solid var(--book-surface);
    font-size: 0.75rem;
    color: var(--book-muted);
  }
  .lanehead span {
    flex: 1 1 0;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    padding: 0.2rem 0.25rem;
  }
  .corner.lanehead {
    border-left: 0;
  }
  .corner,
  .dayhead {
    position: sticky;
    top: 0;
    background: var(--book-bg);
    border-bottom: 1px solid var(--book-surface);
    padding: 0.4rem 0.25rem;
    font-size: 0.85rem;
    text-align: center;
    z-index: 1;
  }
  .dayhead.today {
    color: var(--book-accent);
    font-weight: 700;
  }
  .hours,
  .day {
    position: relative;
    border-left: 1px solid var(--book-surface);
  }
  .hour {
    position: absolute;
    left: 0;
    right: 0;
    border-top: 1px solid var(--book-surface);
    font-size: 0.75rem;
    color: var(--book-muted);
    padding: 0 0.25rem;
  }
  .event {
    position: absolute;
    left: 2px;
    right: 2px;
    overflow: hidden;
    border-radius: 4px;
    padding: 0.1rem 0.3rem;
    font-size: 0.78rem;
    line-height: 1.25;
    text-decoration: none;
    color: var(--book-fg);
    background: var(--book-accent-soft);
    border-left: 3px solid var(--book-accent);
  }
  .event.cancelled {
    background: var(--book-surface);
    border-left-color: var(--book-muted);
    text-decoration: line-through;
    color: var(--book-muted);
  }
  .event.completed {
    border-left-color: var(--book-success);
  }
  .event.no_show {
    border-left-color: var(--book-danger);
  }
  .event:focus-visible {
    z-index: 2;
  }
  .event.short br {
    display: none;
  }
  .event.short {
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .event .service {
    font-weight: 600;
  }
  .dayhead.closed {
    color: var(--book-muted);
  }
  /* Closed hours: greyed and hatched, so they read as closed in any colour scheme and without colour. */
  .closed-time {
    position: absolute;
    left: 0;
    right: 0;
    background: repeating-linear-gradient(
      -45deg,
      var(--book-surface),
      var(--book-surface) 6px,
      transparent 6px,
      transparent 10px
    );
  }
  .free {
    position: absolute;
    left: 0;
    right: 0;
    min-height: 0;
    padding: 0;
    border: 0;
    border-radius: 0;
    background: transparent;
  }
  .free:hover {
    background: var(--book-accent-soft);
  }
  .blocked {
    position: absolute;
    left: 2px;
    right: 2px;
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.2rem;
    overflow: hidden;
    border-radius: 4px;
    padding: 0.1rem 0.1rem 0.1rem 0.3rem;
    font-size: 0.78rem;
    line-height: 1.25;
    color: var(--book-fg);
    background: var(--book-surface);
    border: 1px dashed var(--book-muted);
  }
  .blocked .remove {
    min-height: 1.5rem;
    min-width: 1.5rem;
    padding: 0;
    line-height: 1;
  }
`;
