# syntax=docker/dockerfile:1
# docker build -t enclave . — the standalone portal, plus the worker and migrator bundled as plain
# JavaScript (deploy/bundle-scripts.mjs), on Node 20 as a non-root user. See docs/operations.md.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /src/node_modules ./node_modules
COPY . .
# Optional: --secret id=server_actions_key,env=NEXT_SERVER_ACTIONS_ENCRYPTION_KEY keeps the key
# stable across builds; without it Next generates one per build (replicas of one image share it).
RUN --mount=type=secret,id=server_actions_key,env=NEXT_SERVER_ACTIONS_ENCRYPTION_KEY \
    npm run build && node deploy/bundle-scripts.mjs .next/standalone/scripts

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    ENCLAVE_DATA_DIR=/app/data \
    ENCLAVE_IN_PROCESS_WORKER=true \
    NEXT_MANUAL_SIG_HANDLE=true \
    KEEP_ALIVE_TIMEOUT=65000
RUN groupadd --system --gid 1001 enclave && useradd --system --uid 1001 --gid enclave --no-create-home enclave
# The application stays owned by root and read-only to the app; only its data and cache are writable.
COPY --from=build /src/.next/standalone ./
COPY --from=build /src/.next/static ./.next/static
COPY --from=build /src/public ./public
RUN mkdir -p data .next/cache && chown enclave:enclave data .next/cache
USER enclave
EXPOSE 3000
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health/live`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--max-old-space-size=320", "--max-semi-space-size=32", "--import", "./scripts/admission.mjs", "server.js"]
