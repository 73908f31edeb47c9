import { createRequire } from 'node:module';

interface PackageJson {
  version: string;
  repository?: string | { url?: string };
}
const pkg = createRequire(import.meta.url)('../../package.json') as PackageJson;

/** The package version, read once from package.json. */
export const VERSION: string = pkg.version;

/** The project's repository URL as package.json gives it (string or `{url}`), if it gives one. */
export const REPOSITORY: string | undefined = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
