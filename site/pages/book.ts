// The profile is rendered on the server; the booking element is the widget's own.
import '../../widget/book-services/book-services.js';
import { prefillBooking } from '../lib/prefill.js';

prefillBooking();
