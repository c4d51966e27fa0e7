import type { ProfileInput } from '../providers/provider.schemas.js';
import type { Repeat } from '../services/repeat.js';

/** Opening intervals by ISO weekday (1 = Monday), in the business's time zone. */
export type DemoWeek = Record<number, [string, string][]>;

/** A person who serves customers: their own hours and the services (by name) they perform. */
export interface DemoMember {
  name: string;
  /** Their `?staff=` name in booking links. */
  slug: string;
  bio: string;
  services: string[];
  week: DemoWeek;
}

/** A member who was invited and joined: they sign in with their own address (and the demo password). */
export interface DemoTeammate extends DemoMember {
  email: string;
  role: 'admin' | 'staff';
}

export interface DemoService {
  name: string;
  description: string;
  durationMinutes: number;
  priceMinor: number;
  currency: string;
  bufferBeforeMinutes?: number;
  bufferAfterMinutes: number;
  /** A class: places per time; the taken places of its coming class times, in order. */
  class?: { seats: number; taken: number[] };
  /** Bookable as a recurring series (one-to-one services only). */
  repeat?: Repeat;
}

/** The demo directory seeded into an empty database: businesses in three continents' time zones. */
export interface DemoProvider extends Omit<ProfileInput, 'bookingRules' | 'notifications'> {
  /** The owner's sign-in. */
  email: string;
  owner: DemoMember;
  team: DemoTeammate[];
  /** Someone invited who has not joined yet. */
  invited?: { email: string; name: string; role: 'admin' | 'staff' };
  services: DemoService[];
}

const weekdays = (intervals: [string, string][], days = [1, 2, 3, 4, 5]) =>
  Object.fromEntries(days.map((d) => [d, intervals]));

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_CUSTOMER = { email: 'customer@demo.test', name: 'Dana Customer' };

export const demoProviders: DemoProvider[] = [
  {
    email: 'anna@demo.test',
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
    owner: {
      name: 'Anna Keller',
      slug: 'anna',
      bio: 'Opened the studio in 2015. Precision cuts and the salon’s only colourist.',
      services: ['Haircut', 'Colour'],
      week: {
        ...weekdays([
          ['09:00', '13:00'],
          ['14:00', '18:00'],
        ]),
        6: [['10:00', '14:00']],
      },
    },
    team: [
      {
        email: 'lena@demo.test',
        role: 'admin',
        name: 'Lena Fischer',
        slug: 'lena',
        bio: 'Long hair, layers and up-dos; runs the studio’s diary.',
        services: ['Haircut'],
        week: {
          ...weekdays(
            [
              ['11:00', '15:00'],
              ['15:30', '20:00'],
            ],
            [2, 3, 4, 5],
          ),
          6: [['09:00', '15:00']],
        },
      },
      {
        email: 'tom@demo.test',
        role: 'staff',
        name: 'Tom Becker',
        slug: 'tom',
        bio: 'Barber: short cuts, fades and hot-towel beard trims.',
        services: ['Haircut', 'Beard trim'],
        week: weekdays(
          [
            ['08:00', '12:00'],
            ['12:30', '16:30'],
          ],
          [1, 3, 4],
        ),
      },
    ],
    invited: { email: 'jana@demo.test', name: 'Jana Wolf', role: 'staff' },
  },
  {
    email: 'marcus@demo.test',
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
        description: 'Manual therapy and exercises; book a course of them weekly or every two weeks.',
        durationMinutes: 30,
        priceMinor: 7000,
        currency: 'USD',
        bufferAfterMinutes: 10,
        repeat: { maxCount: 12, everyWeeks: [1, 2] },
      },
      {
        name: 'Sports massage',
        description: 'Deep tissue work for training and recovery.',
        durationMinutes: 45,
        priceMinor: 9000,
        currency: 'USD',
        bufferAfterMinutes: 15,
      },
    ],
    owner: {
      name: 'Marcus Reed',
      slug: 'marcus',
      bio: 'Physiotherapist for 15 years; back pain and post-surgery rehab.',
      services: ['Initial assessment', 'Follow-up session'],
      week: weekdays([
        ['08:00', '12:00'],
        ['13:00', '19:00'],
      ]),
    },
    team: [
      {
        email: 'priya@demo.test',
        role: 'staff',
        name: 'Priya Shah',
        slug: 'priya',
        bio: 'Sports physiotherapist: runners, climbers and sports massage.',
        services: ['Initial assessment', 'Follow-up session', 'Sports massage'],
        week: {
          ...weekdays(
            [
              ['07:00', '11:00'],
              ['11:30', '15:00'],
            ],
            [1, 2, 3, 4],
          ),
          6: [['09:00', '13:00']],
        },
      },
    ],
  },
  {
    email: 'mia@demo.test',
    slug: 'harbour-yoga',
    name: 'Harbour Yoga',
    category: 'Yoga',
    description: 'Yoga classes, private sessions and breathwork by the harbour.',
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
      {
        name: 'Harbour flow',
        description: 'A 60-minute vinyasa class for all levels, mats provided. Twelve places.',
        durationMinutes: 60,
        priceMinor: 2800,
        currency: 'AUD',
        bufferAfterMinutes: 0,
        class: { seats: 12, taken: [9, 12, 4, 7] },
      },
    ],
    owner: {
      name: 'Mia Tanaka',
      slug: 'mia',
      bio: 'Teaches private classes and breathwork; trained in Kyoto and Byron Bay.',
      services: ['Private class', 'Breathwork'],
      week: weekdays(
        [
          ['06:00', '10:00'],
          ['16:00', '20:00'],
        ],
        [1, 2, 3, 4, 5, 6],
      ),
    },
    team: [
      {
        email: 'noah@demo.test',
        role: 'staff',
        name: 'Noah Williams',
        slug: 'noah',
        // His hours are the class times: an hour at sunrise and one after work.
        bio: 'Leads Harbour flow at 7 in the morning and 6 in the evening.',
        services: ['Harbour flow'],
        week: weekdays(
          [
            ['07:00', '08:00'],
            ['18:00', '19:00'],
          ],
          [1, 2, 3, 4, 5, 6],
        ),
      },
    ],
  },
  {
    email: 'rui@demo.test',
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
    owner: {
      name: 'Rui Costa',
      slug: 'rui',
      bio: 'Family dentist; check-ups and hygiene for all ages.',
      services: ['Check-up', 'Hygiene'],
      week: weekdays([
        ['09:00', '13:00'],
        ['14:30', '18:30'],
      ]),
    },
    team: [],
  },
];

/** Every demo sign-in (all with DEMO_PASSWORD), for the README's table. */
export const demoLogins: { email: string; business: string; role: 'owner' | 'admin' | 'staff' | 'customer' }[] = [
  ...demoProviders.flatMap((p) => [
    { email: p.email, business: p.name, role: 'owner' as const },
    ...p.team.map((m) => ({ email: m.email, business: p.name, role: m.role })),
  ]),
  { email: DEMO_CUSTOMER.email, business: '', role: 'customer' },
];
