import '../components/book-admin-app/book-admin-app.js';
