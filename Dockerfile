# org-gateway image: docker build -t org-gateway:0.1.0 .
# Run: docker run -p 4000:4000 -e UPSTREAM_URL=https://api.example.com --stop-timeout 20 org-gateway:0.1.0
# UPSTREAM_URL is required: with NODE_ENV=production the gateway does not fall back to its demo API.
# --stop-timeout: shutdown lets in-flight operations run for up to OPERATION_TIMEOUT_MS plus a
# second (16 s with the defaults), longer than the 10 s docker stop waits before SIGKILL.

# One exact Node LTS release, so a rebuild gets the same runtime; bump it deliberately.
FROM node:24.19.0-bookworm-slim AS base
WORKDIR /app

# Dev dependencies (TypeScript) and the compile to dist/.
# --ignore-scripts: the only install scripts in the tree are esbuild's re-check of its prebuilt
# binary and protobufjs's version notice (package.json allowScripts denies both).
FROM base AS build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime dependencies only, installed apart so no dev dependency or npm cache reaches the image.
FROM base AS runtime-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM base AS runtime
# HOST: listen on the container's interfaces, not only its loopback.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
# package.json says "type": "module", which dist/*.js needs; nothing else from the source tree is
# read at run time. Files stay owned by root, so the gateway cannot change its own code.
COPY package.json ./
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The official image's `node` user, by number so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 4000
# No curl in the image: node's own fetch. Exit 0 when /livez answers 200, 1 otherwise (Docker
# reserves 2). Kubernetes ignores HEALTHCHECK and uses the Deployment's probes instead.
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/livez',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form: node is PID 1 and gets SIGTERM itself (npm or a shell in between would not pass it
# on), and the gateway answers SIGTERM and SIGINT with its graceful shutdown.
CMD ["node", "dist/main.js"]
