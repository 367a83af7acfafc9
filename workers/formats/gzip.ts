// gzip-compressed captures (RFC 1952; detect.ts sniffs ID1 ID2 = 1f 8b): decompressed with the
// platform's DecompressionStream (browsers, workers and Node 20), into a Blob the capture readers
// then read like any file, and which record offsets refer to.
//
// This collects the stream's chunks itself rather than `new Response(stream).blob()`, which
// rejects as a whole on a truncated or corrupt stream: a cut-off .pcap.gz still shows the
// packets decompressed before the damage, and says where it stopped.

export interface Gunzipped {
  /** The decompressed bytes (all of them, or those before the damage). */
  data: Blob;
  error: string | null;
}

export async function gunzip(file: Blob): Promise<Gunzipped> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  let error: string | null = null;
  try {
    const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      size += value.length;
    }
  } catch (e) {
    error = `gzip data is damaged after ${size} decompressed bytes: ${e instanceof Error ? e.message : String(e)}`;
  }
  return { data: new Blob(parts), error };
}
