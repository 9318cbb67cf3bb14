// tsc compiles TypeScript only: the SQL migrations travel to dist beside the compiled migrator, which reads them
// from `<its own folder>/migrations` at start.
const { cpSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const source = join(__dirname, '..', 'src', 'store', 'migrations');
const target = join(__dirname, '..', 'dist', 'store', 'migrations');
rmSync(target, { recursive: true, force: true });
cpSync(source, target, { recursive: true, filter: (path) => !path.endsWith('.md') });
