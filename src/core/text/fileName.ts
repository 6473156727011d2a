/**
 * Names taken from file paths (either slash), for what a file stands for when it names nothing
 * itself: a glossary without a "name", a layer's id, the file an export is offered as.
 */

/** The last path segment: "glossary/die-casting.json" → "die-casting.json". */
export function fileBaseName(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}

/**
 * The base name without its extension: "glossary/die-casting.json" → "die-casting". With
 * `extensions` (".json", ".jsonc"), only those are removed, in any case; other names stay whole.
 */
export function fileStem(path: string, extensions?: readonly string[]): string {
  const base = fileBaseName(path);
  if (!extensions) return base.replace(/\.[^.]*$/, '');
  const lower = base.toLowerCase();
  // The longest that fits: ".tar.gz" before ".gz".
  let cut = 0;
  for (const e of extensions) if (e.length > cut && lower.endsWith(e.toLowerCase())) cut = e.length;
  return base.slice(0, base.length - cut);
}

/** The path with its last extension (if any) replaced: "/d/notes.md", ".anki.tsv" → "/d/notes.anki.tsv". */
export function withExtension(path: string, extension: string): string {
  return path.replace(/(\.[^./]*)?$/, extension);
}
