/**
 * Folders in a drop, for the file guard (guard-main.ts): the files a page
 * would read through `webkitGetAsEntry()` are collected before review, and
 * the replayed drop answers `webkitGetAsEntry()` with file entries for the
 * reviewed files (same names and paths), so an upload widget that walks
 * entries gets the sanitized HAR and never the original.
 */
type Fn = (...args: never[]) => unknown;

export interface EntryTree {
  /** The item's file, or every file under the dropped folder, in walk order. */
  files(): File[];
  /** Each file's path as the entries API gives it (`/logs/capture.har`). */
  paths(): string[];
}

export interface EntryApi {
  file: Fn;
  createReader: Fn;
  readEntries: Fn;
  isDirectory: Fn;
  fullPath: Fn;
}

/** Where an accessor or method is defined on an object's prototype chain. */
function lookup(object: object, key: string): PropertyDescriptor | undefined {
  for (let proto = Object.getPrototypeOf(object); proto; proto = Object.getPrototypeOf(proto)) {
    const found = Object.getOwnPropertyDescriptor(proto, key);
    if (found) return found;
  }
  return undefined;
}

let cached: EntryApi | undefined;

/**
 * The entries API, from the first real entry the guard sees (Chrome exposes
 * no FileSystem*Entry globals to capture at document_start). The page gets
 * no real entry before that: every drop with files is held, and replayed
 * drops carry the guard's own entry objects.
 */
export function entryApiOf(entry: FileSystemEntry): EntryApi | undefined {
  if (cached) return cached;
  const isDirectory = lookup(entry, 'isDirectory')?.get as Fn | undefined;
  const fullPath = lookup(entry, 'fullPath')?.get as Fn | undefined;
  if (!isDirectory || !fullPath) return undefined;
  const api: Partial<EntryApi> = { isDirectory, fullPath };
  if (Reflect.apply(isDirectory, entry, [])) {
    api.createReader = lookup(entry, 'createReader')?.value as Fn;
    const reader = Reflect.apply(api.createReader, entry, []) as object;
    api.readEntries = lookup(reader, 'readEntries')?.value as Fn;
  } else api.file = lookup(entry, 'file')?.value as Fn;
  // Complete once both kinds were seen; until then use what this entry offers.
  if (api.createReader && api.readEntries && api.file) cached = api as EntryApi;
  return api as EntryApi;
}

const call = <R>(fn: Fn, self: unknown, ...args: unknown[]): R =>
  Reflect.apply(fn, self, args) as R;

async function walk(entry: FileSystemEntry, out: Array<[string, File]>) {
  const api = entryApiOf(entry);
  if (!api) throw new Error('a dropped entry could not be read');
  const path = call<string>(api.fullPath, entry);
  if (!call<boolean>(api.isDirectory, entry)) {
    const file = await new Promise<File>((resolve, reject) =>
      call(api.file, entry, resolve, reject),
    );
    out.push([path, file]);
    return;
  }
  const reader = call<FileSystemDirectoryReader>(api.createReader, entry);
  // readEntries answers in batches until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      call(api.readEntries, reader, resolve, reject),
    );
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out);
  }
}

/** One tree per dropped item: a plain file, or a folder's files. */
export async function walkEntries(
  entries: Array<FileSystemEntry | null>,
  files: File[],
): Promise<EntryTree[]> {
  const trees: EntryTree[] = [];
  for (let i = 0; i < Math.max(entries.length, files.length); i++) {
    const entry = entries[i];
    const api = entry ? entryApiOf(entry) : undefined;
    if (api && entry && call<boolean>(api.isDirectory, entry)) {
      const found: Array<[string, File]> = [];
      await walk(entry, found);
      trees.push({ files: () => found.map(([, f]) => f), paths: () => found.map(([p]) => p) });
    } else if (files[i]) {
      const file = files[i]!;
      trees.push({ files: () => [file], paths: () => [`/${file.name}`] });
    }
  }
  return trees;
}

/** A file entry for each reviewed file (same paths), for the replayed transfer's items. */
export function replayEntries(trees: EntryTree[], reviewed: File[]): Array<[File, object]> {
  const paths = trees.flatMap((t) => t.paths());
  return reviewed.map((file, i) => {
    const fullPath = (paths[i] ?? `/${file.name}`).replace(/[^/]*$/, file.name);
    const entry = {
      isFile: true,
      isDirectory: false,
      name: file.name,
      fullPath,
      filesystem: null,
      file(success: (f: File) => void) {
        queueMicrotask(() => success(file));
      },
      getParent(success?: (e: unknown) => void) {
        queueMicrotask(() => success?.(entry));
      },
    };
    return [file, entry];
  });
}
