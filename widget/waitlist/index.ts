// The waitlist's lazily loaded chunk (`lazy-…`): its elements, text and API calls, imported by `<book-services>`
// when a customer first needs them.
import './book-class-wait.js';
import './book-earlier.js';

export { withFull } from './waitlist.js';
