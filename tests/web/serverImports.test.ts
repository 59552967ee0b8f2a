/**
 * The web takes its API types from server/http/contract.ts, type-only, so no server code enters the bundle; at
 * run time it may use only the pure domain modules (server/domain). Read with the TypeScript parser, not a regex.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const WEB = join(ROOT, 'web');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'dist' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every module the file loads at run time (static imports and re-exports that are not type-only, and import()). */
function runtimeImports(file: string): string[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly = clause !== undefined && (clause.isTypeOnly || (
        !clause.name && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings)
        && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) out.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) out.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0])) {
      out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

describe('what the web loads from the server folder', () => {
  const files = sources(WEB);

  it('reads every web source file', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('loads only pure domain modules at run time; API types come in type-only', () => {
    const offending: string[] = [];
    for (const file of files) {
      for (const spec of runtimeImports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(ROOT, resolve(dirname(file), spec));
        if (target.startsWith('server/') && !target.startsWith('server/domain/')) offending.push(`${relative(ROOT, file)} → ${target}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
