/**
 * A type test, compiled by `npm run typecheck` and never run: it stops compiling if `<book-services>` loses its
 * place in `HTMLElementTagNameMap` or its events their typed `detail` (widget/README.md promises both).
 */
import type {
  BookBookedDetail,
  BookErrorDetail,
  BookReadyDetail,
  BookSlotSelectedDetail,
  BookStaffSelectedDetail,
} from './events.js';

export function usesTheTypes(): void {
  const widget = document.querySelector('book-services')!;
  widget.provider = 'studio-anna';
  widget.theme = 'auto';
  // @ts-expect-error: the theme is one of three words
  widget.theme = 'blue';

  widget.addEventListener('book-booked', (event) => {
    const manageUrl: string = event.detail.manageUrl;
    const detail: BookBookedDetail = event.detail;
    // A recurring series: its id and how many were booked; absent for a single booking.
    const booked: number | undefined = event.detail.series?.count;
    // @ts-expect-error: a single booking has no series
    const always: number = event.detail.series.id;
    void [manageUrl, detail, booked, always];
  });
  widget.addEventListener('book-ready', (event) => {
    const detail: BookReadyDetail = event.detail;
    // @ts-expect-error: book-ready says nothing of a booking
    void event.detail.manageUrl;
    void detail;
  });
  // The events bubble out of the shadow root, so listeners on the document are typed too.
  document.addEventListener('book-slot-selected', (event) => {
    const detail: BookSlotSelectedDetail = event.detail;
    void detail;
  });
  widget.staff = 'mia';
  widget.addEventListener('book-staff-selected', (event) => {
    const staff: string = event.detail.staff;
    const detail: BookStaffSelectedDetail = event.detail;
    void [staff, detail];
  });
  document.addEventListener('book-error', (event) => {
    const detail: BookErrorDetail = event.detail;
    const status: number = event.detail.status;
    void [detail, status];
  });
}
