import path from 'node:path';
import type { NextConfig } from 'next';

// The console lives in an npm-workspaces monorepo: both the bundler and the output file tracing must see the
// workspace root, where the hoisted node_modules are.
const workspaceRoot = path.join(__dirname, '..', '..');

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  turbopack: { root: workspaceRoot },
  outputFileTracingRoot: workspaceRoot,
};

export default nextConfig;
