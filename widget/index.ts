/**
 * The widget's public entry: importing it registers `<book-services>` and its step components. The hosted site
 * imports the same modules (and `./api/client.js`, `./styles/tokens.js`) so the booking flow exists once.
 */

export { BookCalendar } from './book-calendar/book-calendar.js';
export { BookConfirmation } from './book-confirmation/book-confirmation.js';
export { BookDetails } from './book-details/book-details.js';
export { BookServiceList } from './book-service-list/book-service-list.js';
export { BookServices } from './book-services/book-services.js';
export { BookStaffList } from './book-staff-list/book-staff-list.js';
export { BookTimes } from './book-times/book-times.js';
export type {
  BookBookedDetail,
  BookErrorDetail,
  BookReadyDetail,
  BookServicesEventMap,
  BookSlotSelectedDetail,
  BookStaffSelectedDetail,
} from './events.js';
