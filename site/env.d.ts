declare module 'virtual:book-tokens.css';
declare module '*.css';
