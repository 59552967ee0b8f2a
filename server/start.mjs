// `npm start`: runs the server from a bundle compiled once by esbuild, instead of transpiling every
// TypeScript file on each start with tsx (about 2 s of a cold start on the 2-CPU test machine).
//
//   node server/start.mjs               build .build/server.mjs if the sources changed, then run it
//   node server/start.mjs --build-only  only (re)build, then exit
//
// Plain JavaScript because it must run before anything is compiled. The bundle is rebuilt whenever a
// file under server/, package.json or package-lock.json changes (size + mtime), or the project moves.
// npm packages stay external (loaded from node_modules as usual): native ones (better-sqlite3,
// @node-rs/argon2) cannot be bundled, and pino needs its own files for transports.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = join(ROOT, 'server');
const OUT_DIR = join(ROOT, '.build');
const BUNDLE = join(OUT_DIR, 'server.mjs');
/** The import's worker thread (server/services/import/worker.ts), bundled on its own: a worker needs a file to start. */
const IMPORT_WORKER = join(OUT_DIR, 'importWorker.mjs');
const STAMP = join(OUT_DIR, 'server.stamp');
/**
 * npm packages left to node_modules: native addons cannot be bundled, pino loads its transports from its
 * own files, and esbuild/tsx/vite are build tools. Everything else is bundled (fewer files to resolve at start).
 */
const EXTERNAL = ['better-sqlite3', '@node-rs/argon2', 'pino', 'esbuild', 'tsx', 'vite', 'typescript'];
/** Bump when the build options below change, so existing bundles are rebuilt. */
const BUILD_VERSION = '2';

/** Every file under `dir`, recursively. */
function filesUnder(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

/** A hash of what the bundle is built from: sources (path, size, mtime), manifests, location, options. */
function sourceStamp() {
  const h = createHash('sha256').update(`${BUILD_VERSION}\n${ROOT}\n${process.version}\n`);
  const files = [...filesUnder(SERVER), join(ROOT, 'package.json'), join(ROOT, 'package-lock.json'), join(ROOT, 'tsconfig.json')];
  for (const f of files.sort()) {
    if (!existsSync(f)) continue;
    const s = statSync(f);
    h.update(`${relative(ROOT, f)}\t${s.size}\t${s.mtimeMs}\n`);
  }
  return h.digest('hex');
}

/**
 * esbuild plugin: each module's `import.meta.url` becomes its own source file's URL, so code that finds
 * files next to itself (config.ts → ROOT_DIR, storage/db.ts → migrations/) works unchanged in the bundle.
 */
const keepImportMetaUrl = {
  name: 'keep-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      return { contents: src.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/** Builds .build/server.mjs (written to a temp name, then renamed, so a concurrent start never runs half a file). */
async function build(stamp) {
  const { build: esbuild } = await import('esbuild');
  mkdirSync(OUT_DIR, { recursive: true });
  const tmp = `${BUNDLE}.${process.pid}.tmp`;
  const workerTmp = `${IMPORT_WORKER}.${process.pid}.tmp`;
  const options = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    sourcemap: 'linked',
    sourcesContent: false,
    // Bundled CommonJS packages call require() for Node built-ins; give the ES module bundle a real one.
    banner: { js: "import { createRequire as __jangkauCreateRequire } from 'node:module'; const require = __jangkauCreateRequire(import.meta.url);" },
    logLevel: 'warning',
    plugins: [keepImportMetaUrl],
    // Tells server/services/import/offThread.ts to start .build/importWorker.mjs instead of the TypeScript source.
    define: { __JANGKAU_BUNDLED__: 'true' },
  };
  await esbuild({ ...options, entryPoints: [join(SERVER, 'main.ts')], outfile: tmp });
  await esbuild({ ...options, entryPoints: [join(SERVER, 'services', 'import', 'worker.ts')], outfile: workerTmp });
  renameSync(`${workerTmp}.map`, `${IMPORT_WORKER}.map`);
  renameSync(workerTmp, IMPORT_WORKER);
  renameSync(`${tmp}.map`, `${BUNDLE}.map`);
  renameSync(tmp, BUNDLE);
  writeFileSync(STAMP, stamp);
}

async function run() {
  const stamp = sourceStamp();
  const fresh = existsSync(BUNDLE) && existsSync(IMPORT_WORKER) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp;
  if (!fresh) {
    const t0 = performance.now();
    try {
      await build(stamp);
      process.stderr.write(`server bundle built in ${Math.round(performance.now() - t0)} ms (.build/server.mjs)\n`);
    } catch (err) {
      // Never leave the server unstartable because of the bundler: fall back to transpiling on the fly.
      process.stderr.write(`could not bundle the server (${err instanceof Error ? err.message : err}); starting it through tsx\n`);
      if (process.argv.includes('--build-only')) process.exit(1);
      const { register } = await import('tsx/esm/api');
      register();
      await import(pathToFileURL(join(SERVER, 'main.ts')).href);
      return;
    }
  }
  if (process.argv.includes('--build-only')) return;
  process.setSourceMapsEnabled(true); // stack traces name the TypeScript files, via .build/server.mjs.map
  await import(pathToFileURL(BUNDLE).href);
}

await run();
