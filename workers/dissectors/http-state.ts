// HTTP's requests and responses per TCP stream (packet-http.c's req_res list): the n-th response
// answers the n-th request. Written by the first pass; a later pass reads the final lists, so a
// request shows the frame of its response and "HTTP request 2/6" counts the whole stream, as
// tshark's second pass does.

import { perCapture } from '../analysis/per-capture.ts';

export interface HttpRequest {
  frame: number;
  method: string;
  /** The full request URI ("http://host/path"), or '' when there was no Host header. */
  uri: string;
  sec: number;
  nsec: number;
}

export interface HttpConversation {
  requests: HttpRequest[];
  /** Frames of the responses, in order. */
  responses: number[];
}

/** The conversations of a capture by TCP stream. */
export const httpConversations = perCapture(() => new Map<number, HttpConversation>());

/** Where `frame` is in `frames` (sorted), or -1. */
export function indexOf(frames: readonly number[], frame: number): number {
  let lo = 0;
  let hi = frames.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = frames[mid] as number;
    if (v === frame) return mid;
    if (v < frame) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
