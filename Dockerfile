# The platform image: API + dashboard + ingest in one process.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY core/package.json core/
COPY ingest/package.json ingest/
COPY api/package.json api/
COPY web/package.json web/
COPY simulators/package.json simulators/
COPY test/package.json test/
COPY scripts scripts
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build:web && node scripts/build-platform.mjs

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 DATA_DIR=/var/lib/ssc-monitor
COPY --from=build /app /app
VOLUME /var/lib/ssc-monitor
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "ingest/dist/main.mjs"]
