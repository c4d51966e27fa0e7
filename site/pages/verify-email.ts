import '../components/book-verify-email/book-verify-email.js';
