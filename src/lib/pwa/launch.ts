// Files opened from the operating system (double-click, "Open with Decapod") once the app is
// installed: the manifest's `file_handlers` make the browser launch the app and queue the files as
// FileSystemFileHandles on `window.launchQueue`. They become File objects and go to the same open
// path as the Open… button and a drop. Browsers without the API (Firefox, Safari) skip this.
// https://developer.mozilla.org/docs/Web/API/LaunchParams/files

/** Files out of launch parameters; handles that are not files (directories) are skipped. */
export async function launchFiles(params: LaunchParams): Promise<File[]> {
  const handles = (params.files ?? []).filter((h): h is FileSystemFileHandle => h.kind === 'file');
  return Promise.all(handles.map((h) => h.getFile()));
}

/**
 * Hand every launch's files to `open`. The queue holds launches that came before a consumer was
 * set, so calling this while the app starts loses none. Returns false where there is no queue.
 */
export function consumeLaunchQueue(open: (files: File[]) => void, onerror: (message: string) => void, win: Window = window): boolean {
  const queue = win.launchQueue;
  if (!queue) return false;
  queue.setConsumer(async (params) => {
    try {
      const files = await launchFiles(params);
      if (files.length > 0) open(files);
    } catch (e) {
      onerror(`Could not read the files the system handed over: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  return true;
}
