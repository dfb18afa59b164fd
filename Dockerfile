# hik2humand in a container: `docker build -t hik2humand .`, then see compose.yaml and docs/install.md.
# Settings come from the environment (env_file) and /site/hik2humand.yaml; the ledger is in the
# /site/data volume (or PostgreSQL with DATABASE_URL).

# --- build: compile TypeScript and better-sqlite3's native module, then drop dev dependencies ---
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build && npm prune --omit=dev

# --- runtime: compiled code and production dependencies only, as the unprivileged user node ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    LOG_FORMAT=json \
    DATABASE_PATH=/site/data/hik2humand.db
WORKDIR /app
COPY --from=build /build/package.json ./package.json
COPY --from=build /build/node_modules ./node_modules
COPY --from=build /build/dist ./dist
COPY bin ./bin
COPY config.example.yaml .env.example ./
RUN mkdir -p /site/data && chown -R node:node /site
USER node
WORKDIR /site
VOLUME ["/site/data"]
# Admin server (dashboard, /healthz, /readyz, /metrics). It listens on 127.0.0.1 unless
# ADMIN_HOST=0.0.0.0 is set together with DASHBOARD_PASSWORD or DASHBOARD_TOKEN.
EXPOSE 8081
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.ADMIN_PORT||8081)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "/app/bin/hik2humand.js"]
CMD ["run"]
