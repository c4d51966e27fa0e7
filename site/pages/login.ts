import '../components/book-auth-form/book-auth-form.js';
