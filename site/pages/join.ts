import type { User } from '../api/types.js';
import '../components/book-join/book-join.js';
import { pageData } from '../lib/page-data.js';

// The server renders the signed-in user (if any) into the page: joining with that account needs no password.
const join = document.querySelector('book-join');
if (join) join.user = pageData<{ user: User | null }>()?.user ?? null;
