import { pageData } from './page-data.js';

/** On the site, a signed-in customer books with their account (session cookie) and their name and email prefilled. */
export function prefillBooking(): void {
  const data = pageData<{ customer?: { name: string; email: string } }>();
  for (const el of document.querySelectorAll('book-services')) {
    if (data?.customer) el.customer = data.customer;
  }
}
