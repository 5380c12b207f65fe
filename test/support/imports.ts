import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The repository's TypeScript import graph, read from the source text: every `import … from`,
 * `export … from` and `import('…')` with a relative specifier, resolved to a file. Type-only imports
 * count too: a folder that names another's types depends on it all the same.
 */
export interface ImportEdge {
  from: string;
  to: string;
}

const SPECIFIER = /(?:^|[\s;])(?:import|export)\s(?:[^'"`;]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(root: string, dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) files.push(...sourceFiles(root, path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

/** The edges between files under `dirs` (relative to `root`), tests included unless `production`. */
export function importEdges(root: string, dirs: readonly string[], options: { production?: boolean } = {}): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const dir of dirs) {
    for (const file of sourceFiles(root, dir)) {
      if (options.production && /\.test\.tsx?$/.test(file)) continue;
      const text = readFileSync(join(root, file), 'utf8');
      for (const match of text.matchAll(SPECIFIER)) {
        const specifier = match[1] ?? match[2]!;
        if (!specifier.startsWith('.')) continue;
        edges.push({ from: file, to: relative(root, resolve(root, dirname(file), specifier)) });
      }
    }
  }
  return edges;
}

/**
 * The folder a file belongs to for the folder graph: `services/<name>`, `contracts`, `kernel`,
 * `infra/<part>`, `test`. A file directly in `services/` or `infra/` (the list of services, the
 * stack, the repository's paths) is a unit of its own: those folders only hold the others.
 */
export function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'services' || parts[0] === 'infra') return parts.length > 2 ? `${parts[0]}/${parts[1]}` : file;
  return parts[0]!;
}

/** The strongly connected groups (of two or more) of a directed graph: Tarjan's algorithm. */
export function cycles(edges: ReadonlyArray<{ from: string; to: string }>): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (from === to) continue;
    if (!next.has(from)) next.set(from, new Set());
    if (!next.has(to)) next.set(to, new Set());
    next.get(from)!.add(to);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node)!) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return groups;
}

/** The pairs of folders that import each other, directly: `a ↔ b`. */
export function mutualFolders(edges: readonly ImportEdge[]): string[] {
  const between = new Set(edges.map((e) => `${folderOf(e.from)}→${folderOf(e.to)}`));
  const pairs = new Set<string>();
  for (const edge of between) {
    const [a, b] = edge.split('→') as [string, string];
    if (a !== b && between.has(`${b}→${a}`)) pairs.add([a, b].sort().join(' ↔ '));
  }
  return [...pairs].sort();
}
