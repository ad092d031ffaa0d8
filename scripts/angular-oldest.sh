#!/usr/bin/env bash
# Tests `kuzzle-rx/angular` against the oldest Angular its peer range claims (package.json: @angular/core >=20.0.0):
# installs that Angular (and the few packages its tests need) into a temporary directory, never into the project's
# node_modules, then type-checks the Angular entry and its specs against it and runs them on it: the Node specs
# (injectors, server-side rendering) and the Chromium ones (zoneless, zone.js, TestBed, hand-over to the browser).
#
#   bash scripts/angular-oldest.sh            # Angular 20.0.0
#   ANGULAR_VERSION=20.3.0 bash scripts/angular-oldest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VERSION="${ANGULAR_VERSION:-20.0.0}"
# zone.js and rxjs as Angular $VERSION asks (its peer ranges: zone.js ~0.15.0, rxjs ^7.4.0).
ZONE_VERSION="${ZONE_VERSION:-0.15.1}"
RXJS_VERSION="${RXJS_VERSION:-7.8.2}"
DIR=$(mktemp -d "${TMPDIR:-/tmp}/kuzzle-rx-angular-$VERSION-XXXXXX")
[ -n "${KEEP_ANGULAR_DIR:-}" ] || trap 'rm -rf "$DIR"' EXIT

echo "=== Angular $VERSION into $DIR"
started=$(date +%s)
echo '{ "name": "kuzzle-rx-angular-oldest", "private": true }' > "$DIR/package.json"
# The importer the specs' Angular imports are resolved from (Vite resolves from an importer that exists).
: > "$DIR/index.js"
npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$DIR" \
  "@angular/core@$VERSION" "@angular/compiler@$VERSION" "@angular/common@$VERSION" \
  "@angular/platform-browser@$VERSION" "@angular/platform-server@$VERSION" \
  "rxjs@$RXJS_VERSION" "zone.js@$ZONE_VERSION"
installed=$(node -p "require('$DIR/node_modules/@angular/core/package.json').version")
[ "$installed" = "$VERSION" ] || { echo "installed @angular/core $installed, not $VERSION"; exit 1; }
# The type-check's own tools, from the project (links in the temporary directory, nothing written to the project).
ln -s "$ROOT/node_modules/vitest" "$DIR/node_modules/vitest"
ln -s "$ROOT/node_modules/@types" "$DIR/node_modules/@types"

echo "=== type-check against Angular $VERSION"
cat > "$DIR/tsconfig.json" <<JSON
{
  "extends": "$ROOT/tsconfig.json",
  "compilerOptions": {
    "paths": {
      "kuzzle-rx": ["$ROOT/src/index.ts"],
      "@angular/*": ["$DIR/node_modules/@angular/*"],
      "rxjs": ["$DIR/node_modules/rxjs"],
      "rxjs/*": ["$DIR/node_modules/rxjs/*"]
    }
  },
  "include": [
    "$ROOT/src/angular/**/*.ts",
    "$ROOT/spec/unit/angular/**/*.ts",
    "$ROOT/spec/browser/angular*/**/*.ts",
    "$ROOT/spec/browser/angular-*.spec.ts"
  ]
}
JSON
"$ROOT/node_modules/.bin/tsc" --noEmit -p "$DIR/tsconfig.json"

echo "=== specs on Angular $VERSION"
# Angular, rxjs and zone.js resolve from the temporary directory for every file (one copy of each); the pages of
# the Chromium specs are bundled from there too (KUZZLE_RX_ANGULAR_DIR).
cat > "$DIR/vitest.config.mjs" <<JS
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const PACKAGES = /^(@angular\/|rxjs(\/|$)|zone\.js(\/|$))/;
export default defineConfig({
  root: '$ROOT',
  plugins: [{
    name: 'angular-from',
    enforce: 'pre',
    async resolveId(id, importer, options) {
      if (!PACKAGES.test(id)) return null;
      return this.resolve(id, '$DIR/index.js', { ...options, skipSelf: true });
    },
  }],
  resolve: { alias: { 'kuzzle-rx': '$ROOT/src/index.ts' } },
  test: {
    globals: true,
    include: ['spec/unit/angular/**/*.spec.ts', 'spec/browser/angular-*.spec.ts'],
    setupFiles: ['spec/support/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
JS
KUZZLE_RX_ANGULAR_DIR="$DIR" "$ROOT/node_modules/.bin/vitest" run --config "$DIR/vitest.config.mjs" "$@"
echo "=== Angular $VERSION: done in $(( $(date +%s) - started )) s"
