# The gateway's production image. Build: docker build -t beecloud-graphql .
# Stage 1 compiles TypeScript with every dependency; stage 2 holds only what runs.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The checkout demo's bundle (scripts/build-demo.mjs) takes the generated typed documents.
COPY schema ./schema
COPY scripts ./scripts
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# Runtime dependencies only. --ignore-scripts: the one native module (better-sqlite3) serves
# the embedded sandbox, which never starts in production.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The trusted documents PERSISTED_OPERATIONS_ONLY=true serves (unless TRUSTED_DOCUMENTS_FILE names others).
COPY schema/generated/trusted-documents.json ./schema/generated/trusted-documents.json
USER node
EXPOSE 4000
# HOST=0.0.0.0 inside a container; put TLS and the public address in front (see compose.yaml).
ENV HOST=0.0.0.0 PORT=4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Signals go straight to node (exec form): SIGTERM drains, then exits 0.
CMD ["node", "dist/main.js"]
