# syntax=docker/dockerfile:1
# The API server. `docker compose up` runs it beside Postgres 17 (docker-compose.yml);
# alone: docker build -t leadscore . && docker run -e DATABASE_URL=postgres://... -p 4000:4000 leadscore

# --- build: all dependencies, grammar -> parser, TypeScript -> dist ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Lock file first: the dependency layer is rebuilt only when dependencies change.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# --- runtime: production dependencies and compiled output only ---
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=4000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# Never root: the image holds no secrets to protect, but a root process has no reason to be here.
# (Should the embedded Postgres be used, i.e. no DATABASE_URL, it writes .pgdata under /app, owned by node.)
RUN chown node:node /app
USER node
EXPOSE 4000
# Liveness of the HTTP server; Node 20 has fetch built in, the slim image has no curl.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form, no shell in between: SIGTERM reaches node (main.ts shuts down cleanly on it).
CMD ["node", "dist/src/main.js"]
