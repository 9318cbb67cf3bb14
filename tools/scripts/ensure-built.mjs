// `npm run api|admin|sandbox` entry: builds the named Nx project (and its dependencies) unless Nx's cache says it is
// up to date, so each script works right after `npm ci`.
import { build, ensureInstalled } from './lib.mjs';

const projects = process.argv.slice(2);
if (projects.length === 0) {
  console.error('usage: ensure-built.mjs <nx-project>…');
  process.exit(2);
}
ensureInstalled();
build(projects);
