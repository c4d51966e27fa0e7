import '../components/book-account-app/book-account-app.js';
