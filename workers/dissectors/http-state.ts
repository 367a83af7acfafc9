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
  return search(frames.length, (k) => frames[k] as number, frame);
}

/** Where the request of `frame` is in `requests` (in frame order), or -1. */
export function requestIndex(requests: readonly HttpRequest[], frame: number): number {
  return search(requests.length, (k) => (requests[k] as HttpRequest).frame, frame);
}

/** The stream's latest request before `frame`, if any. */
export function latestRequest(requests: readonly HttpRequest[], frame: number): HttpRequest | undefined {
  return requests[firstAtLeast(requests.length, (k) => (requests[k] as HttpRequest).frame, frame) - 1];
}

/** The first index k < n with at(k) === frame, at() ascending; -1 when there is none. */
function search(n: number, at: (k: number) => number, frame: number): number {
  const k = firstAtLeast(n, at, frame);
  return k < n && at(k) === frame ? k : -1;
}

/** The first index k with at(k) >= frame (n when none), at() ascending. */
function firstAtLeast(n: number, at: (k: number) => number, frame: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(mid) < frame) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
