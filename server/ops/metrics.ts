import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * What this process counts, whichever app object served it: requests, bookings, calendar API errors, and Node's own
 * process metrics. Figures read from the database (outbox queues) are added at scrape time (`outbox-metrics.ts`).
 */
export const processMetrics = new Registry();
collectDefaultMetrics({ register: processMetrics });

const registers = [processMetrics];
/** By route pattern (`/api/bookings/:id`), never the URL: one series per route, whatever the ids and tokens. */
const byRoute = ['method', 'route', 'status'] as const;

export const httpRequests = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status',
  labelNames: byRoute,
  registers,
});

export const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method, route pattern and status',
  labelNames: byRoute,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers,
});

export const bookingsCreated = new Counter({
  name: 'bookings_created_total',
  help: 'Appointments booked, by who booked (customer, provider, ...)',
  labelNames: ['actor'] as const,
  registers,
});

export const bookingsCancelled = new Counter({
  name: 'bookings_cancelled_total',
  help: 'Appointments cancelled, by who cancelled',
  labelNames: ['actor'] as const,
  registers,
});

export const calendarApiErrors = new Counter({
  name: 'calendar_api_errors_total',
  help: 'Failed calls to Google Calendar or Microsoft Graph, by kind (auth, config, transient, permanent)',
  labelNames: ['kind'] as const,
  registers,
});
