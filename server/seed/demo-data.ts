import type { ProfileInput } from '../providers/provider.schemas.js';

/** The demo directory seeded into an empty database: businesses in three continents' time zones. */
export interface DemoProvider extends Omit<ProfileInput, 'bookingRules' | 'notifications'> {
  email: string;
  ownerName: string;
  services: {
    name: string;
    description: string;
    durationMinutes: number;
    priceMinor: number;
    currency: string;
    bufferBeforeMinutes?: number;
    bufferAfterMinutes: number;
  }[];
  /** Opening hours by ISO weekday. */
  week: Record<number, [string, string][]>;
}

const weekdays = (intervals: [string, string][], days = [1, 2, 3, 4, 5]) =>
  Object.fromEntries(days.map((d) => [d, intervals]));

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_CUSTOMER = { email: 'customer@demo.test', name: 'Dana Customer' };

export const demoProviders: DemoProvider[] = [
  {
    email: 'anna@demo.test',
    ownerName: 'Anna Keller',
    slug: 'studio-anna',
    name: 'Studio Anna',
    category: 'Hair salon',
    description: 'Cuts, colour and styling in a bright studio near Kollwitzplatz.',
    city: 'Berlin',
    address: 'Kollwitzstraße 12, 10405 Berlin',
    phone: '+49 30 1234567',
    timeZone: 'Europe/Berlin',
    services: [
      {
        name: 'Haircut',
        description: 'Wash, cut and blow-dry.',
        durationMinutes: 45,
        priceMinor: 4500,
        currency: 'EUR',
        bufferAfterMinutes: 15,
      },
      {
        name: 'Colour',
        description: 'Full colour with a gloss finish.',
        durationMinutes: 90,
        priceMinor: 9000,
        currency: 'EUR',
        bufferAfterMinutes: 15,
      },
      {
        name: 'Beard trim',
        description: 'Shape and hot towel.',
        durationMinutes: 20,
        priceMinor: 1800,
        currency: 'EUR',
        bufferAfterMinutes: 0,
      },
    ],
    week: {
      ...weekdays([
        ['09:00', '13:00'],
        ['14:00', '18:00'],
      ]),
      6: [['10:00', '14:00']],
    },
  },
  {
    email: 'marcus@demo.test',
    ownerName: 'Marcus Reed',
    slug: 'brooklyn-physio',
    name: 'Brooklyn Physio',
    category: 'Physiotherapy',
    description: 'Sports injuries, back pain and post-surgery rehab.',
    city: 'New York',
    address: '210 Court St, Brooklyn, NY 11201',
    phone: '+1 718 555 0134',
    timeZone: 'America/New_York',
    services: [
      {
        name: 'Initial assessment',
        description: 'History, tests and a treatment plan.',
        durationMinutes: 60,
        priceMinor: 12000,
        currency: 'USD',
        bufferBeforeMinutes: 10,
        bufferAfterMinutes: 10,
      },
      {
        name: 'Follow-up session',
        description: 'Manual therapy and exercises.',
        durationMinutes: 30,
        priceMinor: 7000,
        currency: 'USD',
        bufferAfterMinutes: 10,
      },
    ],
    week: weekdays([
      ['08:00', '12:00'],
      ['13:00', '19:00'],
    ]),
  },
  {
    email: 'mia@demo.test',
    ownerName: 'Mia Tanaka',
    slug: 'harbour-yoga',
    name: 'Harbour Yoga',
    category: 'Yoga',
    description: 'Private yoga and breathwork sessions by the harbour.',
    city: 'Sydney',
    address: '5 Lower Fort St, Dawes Point NSW 2000',
    phone: '+61 2 5550 1234',
    timeZone: 'Australia/Sydney',
    services: [
      {
        name: 'Private class',
        description: 'One-to-one class at your level.',
        durationMinutes: 60,
        priceMinor: 9500,
        currency: 'AUD',
        bufferAfterMinutes: 15,
      },
      {
        name: 'Breathwork',
        description: 'Guided breathing for calm and focus.',
        durationMinutes: 30,
        priceMinor: 4500,
        currency: 'AUD',
        bufferAfterMinutes: 0,
      },
    ],
    week: weekdays(
      [
        ['06:00', '10:00'],
        ['16:00', '20:00'],
      ],
      [1, 2, 3, 4, 5, 6],
    ),
  },
  {
    email: 'rui@demo.test',
    ownerName: 'Rui Costa',
    slug: 'clinica-costa',
    name: 'Clínica Dentária Costa',
    category: 'Dentist',
    description: 'Family dentistry, check-ups and hygiene.',
    city: 'Lisbon',
    address: 'Rua Augusta 100, 1100-053 Lisboa',
    phone: '+351 21 555 0100',
    timeZone: 'Europe/Lisbon',
    services: [
      {
        name: 'Check-up',
        description: 'Examination and advice.',
        durationMinutes: 30,
        priceMinor: 4000,
        currency: 'EUR',
        bufferAfterMinutes: 10,
      },
      {
        name: 'Hygiene',
        description: 'Scaling and polishing.',
        durationMinutes: 45,
        priceMinor: 6000,
        currency: 'EUR',
        bufferAfterMinutes: 15,
      },
    ],
    week: weekdays([
      ['09:00', '13:00'],
      ['14:30', '18:30'],
    ]),
  },
];
