/**
 * Dependencies by role: what `astro build` loads is in `dependencies`, tools used only by tests,
 * benchmarks and checks in `devDependencies`, and nothing imported is left undeclared (it would
 * work only while another package happens to bring it along).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Manifest {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;

/** A module specifier's package: `@scope/name` or `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

interface Import {
  file: string;
  pkg: string;
  typeOnly: boolean;
}

const STATIC = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\b(?:import|require|require\.resolve)\(\s*['"]([^'"]+)['"]\s*\)/g;
/** What npm accepts as a package name, optionally followed by a path inside it. */
const PACKAGE_SPECIFIER = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/.*)?$/;

/** The bare (package) imports of a source file's text. */
export function importsOf(file: string, text: string): Import[] {
  const found: Import[] = [];
  for (const match of text.matchAll(STATIC)) {
    found.push({ file, pkg: match[3] ?? '', typeOnly: Boolean(match[2]) });
  }
  for (const match of text.matchAll(DYNAMIC)) found.push({ file, pkg: match[1] ?? '', typeOnly: false });
  return found
    .filter(({ pkg }) => PACKAGE_SPECIFIER.test(pkg) && !builtinModules.includes(pkg))
    .map((entry) => ({ ...entry, pkg: packageOf(entry.pkg) }));
}

/** This file's own example imports are not the project's. */
const SELF = 'tests/project/dependencies.test.ts';

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs|js|astro)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => path !== SELF && !/(^|\/)(node_modules|\.astro)\//.test(path))
    .filter((path) => !path.startsWith('tests/fixtures/dists/'));
}

function importsUnder(paths: string[]): Import[] {
  return paths.flatMap((path) => importsOf(path, readFileSync(path, 'utf8')));
}

/** A type-only import of `x` is satisfied by `@types/x` as well. */
function declared(pkg: string, names: Record<string, string>, typeOnly: boolean): boolean {
  return pkg in names || (typeOnly && `@types/${pkg.replace('@', '').replace('/', '__')}` in names);
}

describe('the import scanner', () => {
  it('finds value, type-only, side-effect and dynamic imports of packages, and skips the rest', () => {
    const text = [
      "import { a } from 'pkg-a/sub';",
      "import type { B } from '@scope/b';",
      "import 'side-effect';",
      "export { c } from 'pkg-c';",
      "const d = await import('pkg-d');",
      "const e = require.resolve('pkg-e/package.json');",
      "import { e } from './local.ts';",
      "import { f } from 'node:fs';",
      "import { g } from 'astro:content';",
    ].join('\n');
    expect(importsOf('x.ts', text).map(({ pkg, typeOnly }) => `${pkg}${typeOnly ? ' (type)' : ''}`)).toEqual([
      'pkg-a',
      '@scope/b (type)',
      'side-effect',
      'pkg-c',
      'pkg-d',
      'pkg-e',
    ]);
  });
});

describe('package.json', () => {
  it('declares every package the build imports as a dependency, not a devDependency', () => {
    const build = importsUnder(['astro.config.mjs', ...sourcesUnder('src')]).filter(({ typeOnly }) => !typeOnly);
    const misplaced = build
      .filter(({ pkg }) => !(pkg in manifest.dependencies))
      .map(({ file, pkg }) => `${pkg} (${file})`);
    expect([...new Set(misplaced)]).toEqual([]);
  });

  it('declares every package the tests, scripts and type imports use', () => {
    const all = {
      ...manifest.dependencies,
      ...manifest.devDependencies,
    };
    const everything = importsUnder([
      'astro.config.mjs',
      'playwright.config.ts',
      'vitest.config.ts',
      'vitest.dist.config.ts',
      'eslint.config.js',
      ...['src', 'tests', 'e2e', 'scripts'].flatMap(sourcesUnder),
    ]);
    const undeclared = everything
      .filter(({ pkg, typeOnly }) => !declared(pkg, all, typeOnly))
      .map(({ file, pkg }) => `${pkg} (${file})`);
    expect([...new Set(undeclared)]).toEqual([]);
  });

  it('keeps tools the build never imports out of dependencies', () => {
    const build = new Set(importsUnder(['astro.config.mjs', ...sourcesUnder('src')]).map(({ pkg }) => pkg));
    // Dependencies the build reaches without importing them by name.
    const indirect = new Set(['@astrojs/mdx', '@astrojs/markdown-remark']);
    const unused = Object.keys(manifest.dependencies).filter((pkg) => !build.has(pkg) && !indirect.has(pkg));
    expect(unused).toEqual([]);
  });
});
