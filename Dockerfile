# Two runtime targets, api and admin (`docker compose up --build` builds both). Only the `build` stage sees the
# sources; the runtime stages start again from the bare base image and take just the built output and the production
# dependencies, and run as the unprivileged `node` user. No file of the build context reaches a runtime image by
# itself, so a .env or a data/ folder beside the sources cannot be baked in (.dockerignore keeps them out of the build
# stage too).
# Node 24 is the active LTS line (Node 20 reached its end of life).

FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NEXT_TELEMETRY_DISABLED=1
# The embedded store (better-sqlite3) is a native module: it is compiled when no prebuilt binary for this Node and
# platform can be downloaded, which takes Python, make and a C++ compiler. Only the build stages have them.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
# The manifests first: `npm ci` stays cached until a dependency changes.
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/admin/package.json apps/admin/
COPY libs/flex-sms-domain/package.json libs/flex-sms-domain/
COPY libs/twilio-adapter/package.json libs/twilio-adapter/
COPY libs/twilio-sandbox/package.json libs/twilio-sandbox/
RUN npm ci --no-audit --no-fund
COPY . .
# Next's build cache is of no use at run time.
RUN npx nx run-many -t build --projects=@flex-sms/api,@flex-sms/admin && rm -rf apps/admin/.next/cache

# The dependencies the built code runs on, without the dev ones (compilers, test tools). The workspace packages
# (@flex-sms/*) are links into apps/ and libs/, filled by the runtime stages with their built output.
FROM node:24-bookworm-slim AS production-dependencies
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/admin/package.json apps/admin/
COPY libs/flex-sms-domain/package.json libs/flex-sms-domain/
COPY libs/twilio-adapter/package.json libs/twilio-adapter/
COPY libs/twilio-sandbox/package.json libs/twilio-sandbox/
# No dependency's install script runs but the one the API needs: better-sqlite3's (its binary for this Node).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3 && npm cache clean --force

FROM node:24-bookworm-slim AS api
WORKDIR /app
ENV NODE_ENV=production PORT=3000
COPY --from=production-dependencies /app ./
COPY --from=build /app/libs/flex-sms-domain/dist libs/flex-sms-domain/dist
COPY --from=build /app/libs/twilio-adapter/dist libs/twilio-adapter/dist
COPY --from=build /app/libs/twilio-sandbox/dist libs/twilio-sandbox/dist
COPY --from=build /app/apps/api/dist apps/api/dist
# The embedded sandbox checks requests against Twilio's OpenAPI specs, which come with a dev dependency: its spec
# files alone, so sandbox mode (ALLOW_SANDBOX_ON_DATABASE, or no DATABASE_URL) works in the image too.
COPY --from=build /app/node_modules/@twilio-alpha/mcp/package.json node_modules/@twilio-alpha/mcp/
COPY --from=build /app/node_modules/@twilio-alpha/mcp/twilio-oai/spec/json node_modules/@twilio-alpha/mcp/twilio-oai/spec/json
# Without DATABASE_URL the embedded database lives in DATA_DIR (./data): the only folder the API may write to.
RUN mkdir data && chown node:node data
USER node
EXPOSE 3000
CMD ["node", "apps/api/dist/main.js"]

FROM node:24-bookworm-slim AS admin
WORKDIR /app
ENV NODE_ENV=production ADMIN_PORT=4200 NEXT_TELEMETRY_DISABLED=1
COPY --from=production-dependencies /app ./
COPY --from=build /app/apps/admin/.next apps/admin/.next
COPY --from=build /app/apps/admin/next.config.ts apps/admin/
COPY --from=build /app/apps/admin/scripts apps/admin/scripts
# Next writes its cache (fetch and image caches) under .next/cache at run time.
RUN mkdir apps/admin/.next/cache && chown node:node apps/admin/.next/cache
USER node
EXPOSE 4200
# Node directly, not npm: `docker stop` sends SIGTERM to PID 1, which npm would not pass on to Next.
CMD ["node", "apps/admin/scripts/next-start.mjs"]
