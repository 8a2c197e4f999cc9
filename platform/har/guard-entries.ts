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

/** The entries API as it is at document_start (the page may patch it later). */
export function captureEntryApi(win: Window): EntryApi | undefined {
  const w = win as unknown as Record<string, { prototype: object } | undefined>;
  const fileEntry = w.FileSystemFileEntry?.prototype;
  const dirEntry = w.FileSystemDirectoryEntry?.prototype;
  const reader = w.FileSystemDirectoryReader?.prototype;
  const entry = w.FileSystemEntry?.prototype;
  if (!fileEntry || !dirEntry || !reader || !entry) return undefined;
  const own = (proto: object, key: string) => Object.getOwnPropertyDescriptor(proto, key);
  return {
    file: own(fileEntry, 'file')!.value as Fn,
    createReader: own(dirEntry, 'createReader')!.value as Fn,
    readEntries: own(reader, 'readEntries')!.value as Fn,
    isDirectory: own(entry, 'isDirectory')!.get as Fn,
    fullPath: own(entry, 'fullPath')!.get as Fn,
  };
}

const call = <R>(fn: Fn, self: unknown, ...args: unknown[]): R =>
  Reflect.apply(fn, self, args) as R;

async function walk(api: EntryApi, entry: FileSystemEntry, out: Array<[string, File]>) {
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
    for (const child of batch) await walk(api, child, out);
  }
}

/** One tree per dropped item: a plain file, or a folder's files. */
export async function walkEntries(
  api: EntryApi | undefined,
  entries: Array<FileSystemEntry | null>,
  files: File[],
): Promise<EntryTree[]> {
  const trees: EntryTree[] = [];
  for (let i = 0; i < Math.max(entries.length, files.length); i++) {
    const entry = entries[i];
    if (api && entry && call<boolean>(api.isDirectory, entry)) {
      const found: Array<[string, File]> = [];
      await walk(api, entry, found);
      trees.push({ files: () => found.map(([, f]) => f), paths: () => found.map(([p]) => p) });
    } else if (files[i]) {
      const file = files[i]!;
      trees.push({ files: () => [file], paths: () => [`/${file.name}`] });
    }
  }
  return trees;
}

/** Give each item of the replayed transfer a file entry for its (reviewed) file. */
export function replayEntries(
  items: DataTransferItemList,
  trees: EntryTree[],
  reviewed: File[],
): void {
  const paths = trees.flatMap((t) => t.paths());
  for (let i = 0; i < items.length && i < reviewed.length; i++) {
    const file = reviewed[i]!;
    const original = paths[i] ?? `/${file.name}`;
    const fullPath = original.replace(/[^/]*$/, file.name);
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
    Object.defineProperty(items[i], 'webkitGetAsEntry', { value: () => entry });
  }
}
