/** Compiles the server entries (`{ name: 'path/to/entry.ts' }`) into `outdir` as `npm start` runs them. */
export function bundleServer(entryPoints: Record<string, string>, outdir: string): Promise<void>;
