import '../components/book-password-reset/book-password-reset.js';
