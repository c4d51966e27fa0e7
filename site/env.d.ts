declare module 'virtual:book-tokens.css';
declare module 'virtual:book-controls.css';
declare module '*.css';
