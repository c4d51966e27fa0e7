import '../components/book-waitlist-offer/book-waitlist-offer.js';
