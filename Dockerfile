# syntax=docker/dockerfile:1
# Two images from one build (docs/deployment.md):
#   docker build --target web -t innrapportering-web .      the web app (Next.js standalone server)
#   docker build --target worker -t innrapportering-worker . the delivery worker; also runs `scripts/migrate.ts`
# Both run as the unprivileged `node` user (uid 1000) and read their configuration from the
# environment (.env.example lists every variable). The sandbox and the embedded PostgreSQL are for
# `npm start`, not for these images: point DATABASE_URL at a PostgreSQL 17 (compose.yaml runs one).

ARG NODE_IMAGE=node:20-bookworm-slim

# --- Dependencies, with the build tools ---------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# --- Next.js standalone build -------------------------------------------------------------------
FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
# next.config.ts switches to output "standalone" on this variable; `npm start` keeps `next start`.
RUN NEXT_OUTPUT=standalone npm run build

# --- Runtime dependencies of the worker (tsx runs its TypeScript as is) -------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# --- Delivery worker (and migrations) -----------------------------------------------------------
FROM ${NODE_IMAGE} AS worker
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 WORKER_METRICS_PORT=9464
COPY --from=prod-deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root package.json tsconfig.json ./
COPY --chown=root:root lib ./lib
COPY --chown=root:root scripts ./scripts
COPY --chown=root:root drizzle ./drizzle
USER node
EXPOSE 9464
# node with tsx as a hook, not the tsx command: SIGTERM reaches the worker itself, which finishes
# or hands back its deliveries (DELIVERY_SHUTDOWN_GRACE_SECONDS) before it exits.
CMD ["node", "--conditions=react-server", "--import", "tsx", "scripts/worker.ts"]

# --- Web app (default target) -------------------------------------------------------------------
FROM ${NODE_IMAGE} AS web
WORKDIR /app
# HOSTNAME and PORT are read by Next's standalone server.js. MALLOC_ARENA_MAX as `npm start` sets
# it (docs/benchmarks.md, import benchmark); the preload makes the socket's peer (or, behind
# TRUSTED_PROXY_HOPS proxies, what the outermost saw) the one client address the app trusts.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 \
    MALLOC_ARENA_MAX=2 INNRAPPORTERING_CLIENT_ADDRESS_PRELOAD=1
COPY --from=build --chown=root:root /app/.next/standalone ./
COPY --from=build --chown=root:root /app/.next/static ./.next/static
COPY --from=build --chown=root:root /app/public ./public
COPY --from=build --chown=root:root /app/scripts/trusted-client-address.cjs ./scripts/trusted-client-address.cjs
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--require", "./scripts/trusted-client-address.cjs", "server.js"]
