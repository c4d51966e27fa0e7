// Recurring appointments' lazily loaded chunk (`lazy-…`): its elements, text and API calls, imported by
// `<book-services>` when a service that allows a series is chosen.
import './book-repeat.js';
import './book-series.js';
