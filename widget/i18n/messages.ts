/** The widget's message catalog. Add a language by adding an object with the same keys. */
const en = {
  chooseService: 'Choose a service',
  chooseStaff: 'Choose a team member',
  anyStaff: 'Any available',
  anyStaffHint: 'Whoever is free at the time you pick',
  withStaff: 'with {name}',
  staff: 'With',
  placesLeft: '{n} places left',
  placeLeft: '1 place left',
  chooseTime: 'Choose a time',
  details: 'Your details',
  done: 'You’re booked!',
  step: 'Step {n} of {total}: {title}',
  back: 'Back',
  loading: 'Loading…',
  unavailable: 'Booking unavailable',
  prevMonth: 'Previous month',
  nextMonth: 'Next month',
  free: 'free times',
  noneFree: 'no free times',
  yourBooking: 'your current booking',
  emptyMonth: 'No free times in this month.',
  nextFree: 'Next available: {date}',
  noneSoon: 'No free times in the coming months.',
  emptyDay: 'No free times left on this day.',
  timeZone: 'Time zone',
  timesOn: 'Free times on {date}',
  morning: 'Morning',
  afternoon: 'Afternoon',
  evening: 'Evening',
  pickDay: 'Pick a day with free times to see them here.',
  policy: 'Cancellation policy',
  policyCutoff: 'You can cancel or reschedule online up to {time} before the appointment.',
  name: 'Name',
  email: 'Email',
  phone: 'Phone (optional)',
  note: 'Note (optional)',
  needName: 'Please enter your name.',
  needEmail: 'Please enter a valid email address.',
  badPhone: 'Please enter a valid phone number.',
  confirm: 'Confirm booking',
  booking: 'Booking…',
  confirmed: 'Your appointment is confirmed.',
  emailed: 'We emailed you at {email}.',
  service: 'Service',
  when: 'When',
  price: 'Price',
  where: 'Where',
  addToCalendar: 'Add to calendar',
  ics: 'Add to Apple/Outlook calendar',
  google: 'Google Calendar',
  manage: 'Manage or cancel',
  again: 'Book another appointment',
  retry: 'Try again',
  offline: 'You seem to be offline. Check your connection and try again.',
  failed: 'Something went wrong on our side. Please try again in a moment.',
  notFound: 'This booking page could not be found.',
  noServices: 'There are no services to book right now.',
  slotTaken: 'Sorry, that time was just taken. Please pick another one.',
  slotGone: 'That time is no longer offered. Please pick another one.',
  tooMany: 'Too many attempts. Please wait a minute and try again.',
};

export type Messages = typeof en;

const de: Messages = {
  chooseService: 'Leistung wählen',
  chooseStaff: 'Teammitglied wählen',
  anyStaff: 'Beliebig',
  anyStaffHint: 'Wer zur gewählten Zeit frei ist',
  withStaff: 'bei {name}',
  staff: 'Bei',
  placesLeft: 'Noch {n} Plätze frei',
  placeLeft: 'Noch 1 Platz frei',
  chooseTime: 'Uhrzeit wählen',
  details: 'Ihre Angaben',
  done: 'Termin gebucht!',
  step: 'Schritt {n} von {total}: {title}',
  back: 'Zurück',
  loading: 'Wird geladen…',
  unavailable: 'Buchung nicht möglich',
  prevMonth: 'Vorheriger Monat',
  nextMonth: 'Nächster Monat',
  free: 'freie Termine',
  noneFree: 'keine freien Termine',
  yourBooking: 'Ihr aktueller Termin',
  emptyMonth: 'In diesem Monat sind keine Termine frei.',
  nextFree: 'Nächster freier Termin: {date}',
  noneSoon: 'In den nächsten Monaten sind keine Termine frei.',
  emptyDay: 'An diesem Tag sind keine Termine mehr frei.',
  timeZone: 'Zeitzone',
  timesOn: 'Freie Zeiten am {date}',
  morning: 'Vormittag',
  afternoon: 'Nachmittag',
  evening: 'Abend',
  pickDay: 'Wählen Sie einen Tag mit freien Zeiten, um sie hier zu sehen.',
  policy: 'Stornierungsbedingungen',
  policyCutoff: 'Sie können bis {time} vor dem Termin online absagen oder verschieben.',
  name: 'Name',
  email: 'E-Mail',
  phone: 'Telefon (optional)',
  note: 'Nachricht (optional)',
  needName: 'Bitte geben Sie Ihren Namen ein.',
  needEmail: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
  badPhone: 'Bitte geben Sie eine gültige Telefonnummer ein.',
  confirm: 'Verbindlich buchen',
  booking: 'Wird gebucht…',
  confirmed: 'Ihr Termin ist bestätigt.',
  emailed: 'Wir haben Ihnen eine E-Mail an {email} geschickt.',
  service: 'Leistung',
  when: 'Termin',
  price: 'Preis',
  where: 'Ort',
  addToCalendar: 'Zum Kalender hinzufügen',
  ics: 'Zum Apple-/Outlook-Kalender hinzufügen',
  google: 'Google Kalender',
  manage: 'Verwalten oder absagen',
  again: 'Weiteren Termin buchen',
  retry: 'Erneut versuchen',
  offline: 'Sie scheinen offline zu sein. Bitte prüfen Sie Ihre Verbindung.',
  failed: 'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.',
  notFound: 'Diese Buchungsseite wurde nicht gefunden.',
  noServices: 'Derzeit sind keine Leistungen buchbar.',
  slotTaken: 'Dieser Termin wurde gerade vergeben. Bitte wählen Sie einen anderen.',
  slotGone: 'Dieser Termin wird nicht mehr angeboten. Bitte wählen Sie einen anderen.',
  tooMany: 'Zu viele Versuche. Bitte warten Sie kurz.',
};

const catalogs: Record<string, Messages> = { en, de };

/**
 * The locale to format in and the catalog to read, for a requested locale (default: the browser's). A language
 * without a catalog falls back to English for both, so text and dates never mix languages.
 */
export const resolveLocale = (requested?: string): { locale: string; msg: Messages } => {
  let locale = requested || navigator.language || 'en';
  try {
    locale = Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    locale = 'en';
  }
  const msg = catalogs[locale.split('-')[0]!];
  return msg ? { locale, msg } : { locale: 'en', msg: en };
};

/** Fills `{name}` placeholders. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
