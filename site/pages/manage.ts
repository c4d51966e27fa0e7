import '../components/book-manage/book-manage.js';
