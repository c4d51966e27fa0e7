import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the fake Google and the fake Microsoft Graph share: a local HTTP server on a free port, the log of API
 * requests, and faults served in turn to API calls (`setFaults`, repeating), counted as they are served.
 */
export abstract class FakeService<Fault extends string> {
  url = '';
  /** Every API request, in arrival order (method and path). */
  readonly requests: { method: string; path: string }[] = [];
  /** How often each fault was served, to show a test really went through them. */
  readonly faultsServed = new Map<Fault, number>();

  private readonly server: Server = createServer((req, res) => void this.handle(req, res));
  private faults: Fault[] = [];
  private faultIndex = 0;

  protected abstract handle(req: IncomingMessage, res: ServerResponse): Promise<void>;

  /** Listens on a free port of 127.0.0.1; `url` is then its root, ending in `/`. */
  protected async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  setFaults(faults: Fault[]): void {
    this.faults = faults;
    this.faultIndex = 0;
  }

  /** The fault for the API call now arriving: the next in turn, or `ok` when none are set. */
  protected nextFault(): Fault | 'ok' {
    if (this.faults.length === 0) return 'ok';
    const fault = this.faults[this.faultIndex++ % this.faults.length]!;
    this.faultsServed.set(fault, (this.faultsServed.get(fault) ?? 0) + 1);
    return fault;
  }
}

/** A request's body as text. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
