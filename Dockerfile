# One build, two runtime targets (api, admin). `docker compose up --build` uses both.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NEXT_TELEMETRY_DISABLED=1
# The embedded store (better-sqlite3) is a native module: npm ci compiles it when no prebuilt binary for this Node
# and platform can be downloaded, which takes Python, make and a C++ compiler. Only this stage has them.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/admin/package.json apps/admin/
COPY libs/flex-sms-domain/package.json libs/flex-sms-domain/
COPY libs/twilio-adapter/package.json libs/twilio-adapter/
COPY libs/twilio-sandbox/package.json libs/twilio-sandbox/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build --projects=@flex-sms/api,@flex-sms/admin

# The built app and its node_modules (the compiled better-sqlite3 among them), without the compilers.
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=build /app /app

FROM runtime AS api
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
CMD ["node", "apps/api/dist/main.js"]

FROM runtime AS admin
ENV NODE_ENV=production ADMIN_PORT=4200
EXPOSE 4200
# Node directly, not npm: `docker stop` sends SIGTERM to PID 1, which npm would not pass on to Next.
CMD ["node", "apps/admin/scripts/next-start.mjs"]
