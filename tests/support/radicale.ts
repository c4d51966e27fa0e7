import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's `radicale` package (a CalDAV server), run as its own command. */
const COMMAND = process.env.RADICALE_BIN ?? 'radicale';

export function radicaleAvailable(): boolean {
  try {
    execFileSync(COMMAND, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface RadicaleUser {
  username: string;
  password: string;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * A real CalDAV server on loopback: Radicale with a throw-away storage folder and plain htpasswd users (one per test,
 * so each starts with an empty account). `start` returns once the port accepts connections.
 */
export class Radicale {
  private constructor(
    private readonly child: ChildProcess,
    private readonly folder: string,
    readonly url: string,
    private readonly users: RadicaleUser[],
  ) {}

  static async start(userCount = 20): Promise<Radicale> {
    const folder = mkdtempSync(join(tmpdir(), 'radicale-'));
    const users = Array.from({ length: userCount }, (_, i) => ({
      username: `user${i}`,
      password: `app-pass-${i}-x7Q`,
    }));
    writeFileSync(join(folder, 'users'), users.map((u) => `${u.username}:${u.password}\n`).join(''));
    const port = await freePort();
    writeFileSync(
      join(folder, 'config'),
      [
        '[server]',
        `hosts = 127.0.0.1:${port}`,
        '[auth]',
        'type = htpasswd',
        `htpasswd_filename = ${join(folder, 'users')}`,
        'htpasswd_encryption = plain',
        'delay = 0',
        '[rights]',
        'type = owner_only',
        '[storage]',
        `filesystem_folder = ${join(folder, 'collections')}`,
        '[web]',
        'type = none',
        '[logging]',
        'level = warning',
        '',
      ].join('\n'),
    );
    const child = spawn(COMMAND, ['--config', join(folder, 'config')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    child.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    // Waits for the port to accept (or the server to give up), trying again every few milliseconds until then.
    while (!(await accepts(port))) {
      if (exited) throw new Error(`radicale did not start: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return new Radicale(child, folder, `http://127.0.0.1:${port}/`, users);
  }

  private next = 0;

  /** An account nobody has used yet. */
  user(): RadicaleUser {
    const user = this.users[this.next++];
    if (!user) throw new Error('out of Radicale users: start with more');
    return user;
  }

  /** A request as `user`, straight to the server (the test's own hands, not the app's). */
  request(user: RadicaleUser, method: string, path: string, body?: string, headers: Record<string, string> = {}) {
    return fetch(new URL(path, this.url), {
      method,
      body: body ?? null,
      headers: {
        Authorization: `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`,
        ...(body !== undefined && { 'Content-Type': path.endsWith('.ics') ? 'text/calendar' : 'application/xml' }),
        ...headers,
      },
    });
  }

  /** Makes a calendar `/<user>/<name>/` taking the given components (VEVENT, VTODO). */
  async makeCalendar(user: RadicaleUser, name: string, components: string[] = ['VEVENT']): Promise<string> {
    const path = `/${user.username}/${name}/`;
    const body = `<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>
<D:displayname>${name}</D:displayname>
<C:supported-calendar-component-set>${components.map((c) => `<C:comp name="${c}"/>`).join('')}</C:supported-calendar-component-set>
</D:prop></D:set></C:mkcalendar>`;
    const response = await this.request(user, 'MKCALENDAR', path, body);
    if (response.status !== 201) throw new Error(`MKCALENDAR ${path}: ${response.status} ${await response.text()}`);
    return new URL(path, this.url).href;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill();
      await exited;
    }
    rmSync(this.folder, { recursive: true, force: true });
  }
}
