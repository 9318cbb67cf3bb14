import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OpenApiDocument } from './openapi.types';

/**
 * The Twilio APIs the product talks to, by the domain the SDK calls (`https://<domain>.twilio.com`) and the
 * twilio-oai file that describes them. The files are read from the installed package, never copied into the repo.
 */
export const TWILIO_OAI_FILES: Readonly<Record<string, readonly string[]>> = {
  'flex-api': ['twilio_flex_v1.json'],
  chat: ['twilio_chat_v2.json'],
  proxy: ['twilio_proxy_v1.json'],
  taskrouter: ['twilio_taskrouter_v1.json'],
  studio: ['twilio_studio_v2.json'],
  api: ['twilio_api_v2010.json'],
  conversations: ['twilio_conversations_v1.json'],
  content: ['twilio_content_v1.json'],
};

const PACKAGE = '@twilio-alpha/mcp';
const SPEC_DIRECTORY = join('twilio-oai', 'spec', 'json');

/** The folder holding Twilio's OpenAPI JSON files inside the installed `@twilio-alpha/mcp` package. */
export function twilioOaiDirectory(): string {
  return join(packageRoot(), SPEC_DIRECTORY);
}

function packageRoot(): string {
  try {
    return dirname(require.resolve(`${PACKAGE}/package.json`));
  } catch {
    // A future `exports` map could hide package.json from require.resolve: look for the folder the way Node would.
    const found = walkUpForPackage(__dirname);
    if (found) return found;
    throw new Error(`Twilio's OpenAPI specs were not found: install the npm package ${PACKAGE} (a dev dependency).`);
  }
}

function walkUpForPackage(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', ...PACKAGE.split('/'));
    if (existsSync(join(candidate, SPEC_DIRECTORY))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Reads one twilio-oai file and checks it really serves `domain`, so a renamed file cannot go unnoticed. */
export function readTwilioOaiFile(domain: string, file: string): OpenApiDocument {
  const document = JSON.parse(readFileSync(join(twilioOaiDirectory(), file), 'utf8')) as OpenApiDocument;
  const served = domainOfServer(document.servers?.[0]?.url ?? '');
  if (served !== domain) throw new Error(`${file} serves "${served}", expected "${domain}"`);
  return document;
}

/** `https://flex-api.twilio.com` → `flex-api`. */
export function domainOfServer(url: string): string {
  return new URL(url).hostname.split('.')[0];
}
