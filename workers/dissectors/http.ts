// HTTP/1.x on the TCP ports Wireshark decodes as HTTP (packet-http.c, 4.0): the request or status
// line (method, URI with its path, query and parameters, version; version, status code and its
// description, phrase), the headers (the common ones as their own fields, the rest as lines), the
// body ("File Data", de-chunked for chunked transfer coding, text media as "Line-based text data",
// JSON as its value tree: json.ts), and the pairing of each request with its response in the stream (http-state.ts).
//
// A message longer than its segment is reassembled by TCP, as Wireshark's default
// http.desegment_headers and http.desegment_body do: the headers up to their empty line, then the
// body by its Content-Length or up to the last chunk. Bytes that start no request or status line
// are "Continuation".
//
// Not done: a response with neither length nor chunks is read to the end of its segment (Wireshark
// waits for the connection to close), HEAD responses split before their empty line, the body
// dissectors other than text, JSON and XML (forms …: the rows say HTTP where tshark says HTTP/…),
// content decoding (gzip), HTTP/2 upgrades and proxies' CONNECT tunnels.

import { EF, WS } from '../fields/field-list.ts';
import { escapeString, formatText } from '../fields/format.ts';
import { FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { Group, Severity, expertAt, expertInfo, registerExperts } from './expert.ts';
import { frameTime } from './frame.ts';
import { httpConversations, indexOf, latestRequest, requestIndex, type HttpConversation } from './http-state.ts';
import { dissectJson } from './json.ts';
import { gunzipSync, inflateRaw, zlibInflate } from '../codec/inflate.ts';
import { dissectUrlencodedForm } from './urlencoded-form.ts';
import { dissectXml, XML_MEDIA } from './xml.ts';
import { tcpDesegment } from './tcp-pdus.ts';
import { latin1Text } from './ascii.ts';
import { bind, registerDissector } from './tables.ts';
import { addTimeSince } from './time-fields.ts';

/** tshark -G decodes: the TCP ports decoded as HTTP. */
const PORTS = [80, 631, 1900, 2710, 2869, 3128, 3132, 3689, 5985, 8080, 8088, 11371];

/** Methods of a request line (packet-http.c's is_http_request_or_reply, the common ones). */
const METHODS = new Set(['GET', 'POST', 'PUT', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT', 'PATCH', 'PROPFIND', 'PROPPATCH',
  'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'SEARCH', 'REPORT', 'CHECKOUT', 'MERGE', 'MKACTIVITY', 'NOTIFY', 'SUBSCRIBE',
  'UNSUBSCRIBE', 'M-SEARCH', 'POLL', 'BPROPFIND', 'BPROPPATCH', 'BCOPY', 'BDELETE', 'BMOVE', 'MKWORKSPACE', 'VERSION-CONTROL',
  'BASELINE-CONTROL', 'UPDATE', 'LABEL', 'UNCHECKOUT', 'ORDERPATCH', 'ACL', 'RPC_IN_DATA', 'RPC_OUT_DATA', 'SSTP_DUPLEX_POST']);

/** vals_http_status_code. */
const STATUS = names([
  [100, 'Continue'], [101, 'Switching Protocols'], [102, 'Processing'], [103, 'Early Hints'], [199, 'Informational - Others'],
  [200, 'OK'], [201, 'Created'], [202, 'Accepted'], [203, 'Non-authoritative Information'], [204, 'No Content'],
  [205, 'Reset Content'], [206, 'Partial Content'], [207, 'Multi-Status'], [208, 'Already Reported'], [226, 'IM Used'],
  [299, 'Success - Others'], [300, 'Multiple Choices'], [301, 'Moved Permanently'], [302, 'Found'], [303, 'See Other'],
  [304, 'Not Modified'], [305, 'Use Proxy'], [307, 'Temporary Redirect'], [308, 'Permanent Redirect'], [399, 'Redirection - Others'],
  [400, 'Bad Request'], [401, 'Unauthorized'], [402, 'Payment Required'], [403, 'Forbidden'], [404, 'Not Found'],
  [405, 'Method Not Allowed'], [406, 'Not Acceptable'], [407, 'Proxy Authentication Required'], [408, 'Request Time-out'],
  [409, 'Conflict'], [410, 'Gone'], [411, 'Length Required'], [412, 'Precondition Failed'], [413, 'Request Entity Too Large'],
  [414, 'Request-URI Too Long'], [415, 'Unsupported Media Type'], [416, 'Requested Range Not Satisfiable'],
  [417, 'Expectation Failed'], [418, "I'm a teapot"], [421, 'Misdirected Request'], [422, 'Unprocessable Entity'], [423, 'Locked'],
  [424, 'Failed Dependency'], [425, 'Too Early'], [426, 'Upgrade Required'], [428, 'Precondition Required'],
  [429, 'Too Many Requests'], [431, 'Request Header Fields Too Large'], [451, 'Unavailable For Legal Reasons'],
  [499, 'Client Error - Others'], [500, 'Internal Server Error'], [501, 'Not Implemented'], [502, 'Bad Gateway'],
  [503, 'Service Unavailable'], [504, 'Gateway Time-out'], [505, 'HTTP Version not supported'], [506, 'Variant Also Negotiates'],
  [507, 'Insufficient Storage'], [508, 'Loop Detected'], [510, 'Not Extended'], [511, 'Network Authentication Required'],
  [599, 'Server Error - Others'],
]);

/** Media types whose body Wireshark shows as "Line-based text data" (packet-text-media.c). */
const TEXT_MEDIA = new Set(['text/plain', 'text/html', 'text/css', 'text/javascript', 'application/javascript',
  'application/x-javascript', 'text/calendar', 'text/richtext', 'text/enriched', 'text/vnd.wap.wml']);

export const F = registerFields({
  http: { name: 'http', label: 'Hypertext Transfer Protocol', type: FT.PROTOCOL },
  request: { name: 'http.request', label: 'Request', type: FT.BOOLEAN },
  response: { name: 'http.response', label: 'Response', type: FT.BOOLEAN },
  method: { name: 'http.request.method', label: 'Request Method', type: FT.STRING },
  uri: { name: 'http.request.uri', label: 'Request URI', type: FT.STRING },
  uriPath: { name: 'http.request.uri.path', label: 'Request URI Path', type: FT.STRING },
  uriQuery: { name: 'http.request.uri.query', label: 'Request URI Query', type: FT.STRING },
  uriParameter: { name: 'http.request.uri.query.parameter', label: 'Request URI Query Parameter', type: FT.STRING },
  requestVersion: { name: 'http.request.version', label: 'Request Version', type: FT.STRING },
  responseVersion: { name: 'http.response.version', label: 'Response Version', type: FT.STRING },
  code: { name: 'http.response.code', label: 'Status Code', type: FT.UINT, bits: 16 },
  codeDesc: { name: 'http.response.code.desc', label: 'Status Code Description', type: FT.STRING },
  phrase: { name: 'http.response.phrase', label: 'Response Phrase', type: FT.STRING },
  requestLine: { name: 'http.request.line', label: 'Request line', type: FT.STRING },
  responseLine: { name: 'http.response.line', label: 'Response line', type: FT.STRING },
  chat: { name: 'http.chat', label: 'Formatted text', type: FT.NONE },
  host: { name: 'http.host', label: 'Host', type: FT.STRING },
  userAgent: { name: 'http.user_agent', label: 'User-Agent', type: FT.STRING },
  accept: { name: 'http.accept', label: 'Accept', type: FT.STRING },
  acceptLanguage: { name: 'http.accept_language', label: 'Accept-Language', type: FT.STRING },
  acceptEncoding: { name: 'http.accept_encoding', label: 'Accept Encoding', type: FT.STRING },
  connection: { name: 'http.connection', label: 'Connection', type: FT.STRING },
  cookie: { name: 'http.cookie', label: 'Cookie', type: FT.STRING },
  cookiePair: { name: 'http.cookie_pair', label: 'Cookie pair', type: FT.STRING },
  referer: { name: 'http.referer', label: 'Referer', type: FT.STRING },
  date: { name: 'http.date', label: 'Date', type: FT.STRING },
  cacheControl: { name: 'http.cache_control', label: 'Cache-Control', type: FT.STRING },
  server: { name: 'http.server', label: 'Server', type: FT.STRING },
  location: { name: 'http.location', label: 'Location', type: FT.STRING },
  setCookie: { name: 'http.set_cookie', label: 'Set-Cookie', type: FT.STRING },
  lastModified: { name: 'http.last_modified', label: 'Last-Modified', type: FT.STRING },
  contentType: { name: 'http.content_type', label: 'Content-Type', type: FT.STRING },
  contentLengthHeader: { name: 'http.content_length_header', label: 'Content-Length', type: FT.STRING },
  contentLength: { name: 'http.content_length', label: 'Content length', type: FT.UINT },
  contentEncoding: { name: 'http.content_encoding', label: 'Content-Encoding', type: FT.STRING },
  transferEncoding: { name: 'http.transfer_encoding', label: 'Transfer-Encoding', type: FT.STRING },
  upgrade: { name: 'http.upgrade', label: 'Upgrade', type: FT.STRING },
  authorization: { name: 'http.authorization', label: 'Authorization', type: FT.STRING },
  authBasic: { name: 'http.authbasic', label: 'Credentials', type: FT.STRING },
  proxyAuthorization: { name: 'http.proxy_authorization', label: 'Proxy-Authorization', type: FT.STRING },
  proxyAuthenticate: { name: 'http.proxy_authenticate', label: 'Proxy-Authenticate', type: FT.STRING },
  wwwAuthenticate: { name: 'http.www_authenticate', label: 'WWW-Authenticate', type: FT.STRING },
  xForwardedFor: { name: 'http.x_forwarded_for', label: 'X-Forwarded-For', type: FT.STRING },
  fullUri: { name: 'http.request.full_uri', label: 'Full request URI', type: FT.STRING },
  requestNumber: { name: 'http.request_number', label: 'Request number', type: FT.UINT },
  responseNumber: { name: 'http.response_number', label: 'Response number', type: FT.UINT },
  requestIn: { name: 'http.request_in', label: 'Request in frame', type: FT.FRAMENUM },
  responseIn: { name: 'http.response_in', label: 'Response in frame', type: FT.FRAMENUM },
  prevRequestIn: { name: 'http.prev_request_in', label: 'Prev request in frame', type: FT.FRAMENUM },
  prevResponseIn: { name: 'http.prev_response_in', label: 'Prev response in frame', type: FT.FRAMENUM },
  nextRequestIn: { name: 'http.next_request_in', label: 'Next request in frame', type: FT.FRAMENUM },
  nextResponseIn: { name: 'http.next_response_in', label: 'Next response in frame', type: FT.FRAMENUM },
  time: { name: 'http.time', label: 'Time since request', type: FT.RELATIVE_TIME },
  responseForUri: { name: 'http.response_for.uri', label: 'Request URI', type: FT.STRING },
  chunkSize: { name: 'http.chunk_size', label: 'Chunk size', type: FT.UINT, unit: (v) => (v === 1 ? ' octet' : ' octets') },
  chunkData: { name: 'http.chunk_data', label: 'Chunk data', type: FT.BYTES },
  chunkBoundary: { name: 'http.chunk_boundary', label: 'Chunk boundary', type: FT.BYTES },
  fileData: { name: 'http.file_data', label: 'File Data', type: FT.STRING },
  textLines: { name: 'data-text-lines', label: 'Line-based text data', type: FT.PROTOCOL },
});

/** Header names (lower case) with a field of their own. */
const HEADERS = new Map<string, number>([
  ['host', F.host], ['user-agent', F.userAgent], ['accept', F.accept], ['accept-language', F.acceptLanguage],
  ['accept-encoding', F.acceptEncoding], ['connection', F.connection], ['cookie', F.cookie], ['referer', F.referer],
  ['date', F.date], ['cache-control', F.cacheControl], ['server', F.server], ['location', F.location],
  ['set-cookie', F.setCookie], ['last-modified', F.lastModified], ['content-type', F.contentType],
  ['content-length', F.contentLengthHeader], ['content-encoding', F.contentEncoding], ['transfer-encoding', F.transferEncoding],
  ['upgrade', F.upgrade], ['authorization', F.authorization], ['proxy-authorization', F.proxyAuthorization],
  ['proxy-authenticate', F.proxyAuthenticate], ['www-authenticate', F.wwwAuthenticate], ['x-forwarded-for', F.xForwardedFor],
]);

const enum Kind {
  NONE,
  REQUEST,
  RESPONSE,
}

const LF = 0x0a;
const CR = 0x0d;

/** The index of the LF ending the line at o, or -1 before `stop`. */
function lineEnd(b: Uint8Array, o: number, stop: number): number {
  for (let k = o; k < stop; k++) if (b[k] === LF) return k;
  return -1;
}

/** The line's text without its CR LF (or LF). */
function lineText(b: Uint8Array, o: number, lf: number): string {
  return latin1Text(b, o, lf > o && b[lf - 1] === CR ? lf - 1 : lf);
}

/** is_http_request_or_reply on the first line (up to its end, or the segment's). */
function kindOf(b: Uint8Array, o: number, stop: number): Kind {
  if (stop - o >= 5 && b[o] === 0x48 && b[o + 1] === 0x54 && b[o + 2] === 0x54 && b[o + 3] === 0x50 && b[o + 4] === 0x2f) return Kind.RESPONSE;
  let k = o;
  while (k < stop && k - o < 20 && b[k] !== 0x20) k++;
  if (k >= stop || b[k] !== 0x20 || k === o) return Kind.NONE;
  let m = '';
  for (let i = o; i < k; i++) m += String.fromCharCode(b[i] as number);
  return METHODS.has(m) ? Kind.REQUEST : Kind.NONE;
}

/** What a message's headers say about its body. */
interface Head {
  /** Offset just past the empty line ending the headers. */
  end: number;
  contentLength: number;
  chunked: boolean;
  status: number;
}

const head: Head = { end: 0, contentLength: -1, chunked: false, status: 0 };

/** Read the headers of the message at o in b[o, stop) into `head`; false when they do not end there. */
function readHead(b: Uint8Array, o: number, stop: number): boolean {
  head.contentLength = -1;
  head.chunked = false;
  head.status = 0;
  let lf = lineEnd(b, o, stop);
  if (lf < 0) return false;
  if (kindOf(b, o, stop) === Kind.RESPONSE) {
    const m = /^\S+ (\d{3})/.exec(lineText(b, o, lf));
    head.status = m ? Number(m[1]) : 0;
  }
  let p = lf + 1;
  for (;;) {
    lf = lineEnd(b, p, stop);
    if (lf < 0) return false;
    const line = lineText(b, p, lf);
    p = lf + 1;
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length' && /^\d+$/.test(value)) head.contentLength = Number(value);
    else if (name === 'transfer-encoding' && value.toLowerCase().includes('chunked')) head.chunked = true;
  }
  head.end = p;
  return true;
}

/** Where the chunked body starting at o ends (past the trailer's empty line), or -1. */
function chunksEnd(b: Uint8Array, o: number, stop: number): number {
  let p = o;
  for (;;) {
    const lf = lineEnd(b, p, stop);
    if (lf < 0) return -1;
    const size = parseInt(lineText(b, p, lf).split(';')[0] as string, 16);
    if (Number.isNaN(size)) return lf + 1;
    p = lf + 1;
    if (size === 0) break;
    p += size + 2;
    if (p > stop) return -1;
  }
  for (;;) {
    const lf = lineEnd(b, p, stop);
    if (lf < 0) return -1;
    const empty = lf === p || (lf === p + 1 && b[p] === CR);
    p = lf + 1;
    if (empty) return p;
  }
}

/** Whether a response with this status has no body (RFC 9112 section 6.3). */
function bodiless(status: number): boolean {
  return (status >= 100 && status < 200) || status === 204 || status === 304;
}

/**
 * The length of the message at o in b[o, stop) (headers and body), or -1 while its headers or
 * body are not all there. A response with neither a length nor chunks takes what is there.
 */
function messageLength(b: Uint8Array, o: number, stop: number, noBody: boolean): number {
  if (!readHead(b, o, stop)) return -1;
  const h = head.end;
  if (noBody || bodiless(head.status)) return h - o;
  if (head.chunked) {
    const e = chunksEnd(b, h, stop);
    return e < 0 ? -1 : e - o;
  }
  if (head.contentLength >= 0) return h + head.contentLength <= stop ? h + head.contentLength - o : -1;
  return head.status !== 0 ? stop - o : h - o;
}

/** TCP's reassembly asks this for the length of a message it holds (PduLength): bytes whose first
 *  line is no request or status line end there (dissectHttp decides what they are). */
const pduLength = (b: Uint8Array, off: number): number => {
  if (lineEnd(b, off, b.length) >= 0 && kindOf(b, off, b.length) === Kind.NONE) return b.length - off;
  const n = messageLength(b, off, b.length, false);
  // headers that never end are given up on at 64 KiB (Wireshark shows them as they are)
  return n < 0 && b.length - off > 65536 ? b.length - off : n;
};

export function dissectHttp(c: Ctx, off: number, end: number): void {
  const b = c.b;
  const stop = Math.min(end, b.length);
  // no whole first line yet: TCP is asked for more (req_resp_hdrs_do_reassembly), HTTP or not,
  // unless the first byte is no text ("looking for the end of line in a binary file … probably
  // isn't worth it")
  const text = stop > off && (b[off] as number) >= 0x20 && (b[off] as number) < 0x7f;
  if (text && lineEnd(b, off, stop) < 0 && tcpDesegment(off, -1, stop - off + 1, pduLength)) return;
  if (kindOf(b, off, stop) === Kind.NONE) {
    // "Continuation" of a stream that has carried HTTP; any other bytes on an HTTP port are
    // taken and shown as nothing (Wireshark's HTTP neither declines them nor marks them)
    if (carriedHttp(c)) continuation(c, off, end);
    return;
  }
  c.colProtocol = 'HTTP';
  let o = off;
  while (o < stop && !c.stop) {
    const kind = kindOf(b, o, stop);
    if (kind === Kind.NONE) break;
    const len = messageLength(b, o, stop, kind === Kind.RESPONSE && headResponse(c));
    if (len < 0 || o + len > stop) {
      // the rest comes in later segments: TCP reassembles the message (headers, then body)
      if (tcpDesegment(o, len < 0 ? -1 : len, len < 0 ? stop - o + 1 : len, pduLength)) return;
      message(c, kind, o, stop);
      return;
    }
    message(c, kind, o, o + len);
    o += len;
  }
}

/** Whether the response being read follows a HEAD request (its Content-Length has no body):
 *  packet-http.c asks the method of the stream's latest request, not of the one it answers. */
function headResponse(c: Ctx): boolean {
  const conv = httpConversations(c).get(c.tcpStream);
  return conv !== undefined && latestRequest(conv.requests, c.frameNo)?.method === 'HEAD';
}

/** Whether the segment's stream carried an HTTP message before this frame. */
function carriedHttp(c: Ctx): boolean {
  const conv = httpConversations(c).get(c.tcpStream);
  if (conv === undefined) return false;
  const first = Math.min(conv.requests[0]?.frame ?? Infinity, conv.responses[0] ?? Infinity);
  return first < c.frameNo;
}

/** Data that starts no message: "Continuation", its bytes as data inside the HTTP item. */
function continuation(c: Ctx, off: number, end: number): void {
  c.colProtocol = 'HTTP';
  if (c.f.wanted === null) c.setInfo('Continuation');
  c.proto(F.http, off, end);
  dissectData(c, off, end);
  c.f.pop();
}

/** "File Data: 27 bytes": the body as Wireshark stores it, a C string (up to its first NUL) with
 *  its control characters escaped ("<html>\n…"). */
function fileData(c: Ctx, off: number, len: number, bytes: Uint8Array): void {
  const f = c.f;
  let nul = off;
  if (c.wants(F.fileData)) while (nul < off + len && bytes[nul] !== 0) nul++;
  const i = f.addStr(F.fileData, off, len, nul > off ? escapeString(latin1Text(bytes, off, nul)) : '');
  if (i >= 0 && f.wanted === null) f.setText(i, `File Data: ${len} bytes`);
}

/** One message at [o, end): lines, headers, the stream's pairing, the body. */
function message(c: Ctx, kind: Kind, o: number, end: number): void {
  const f = c.f;
  const b = c.b;
  const full = f.wanted === null;
  c.proto(F.http, o, end);
  let lf = lineEnd(b, o, end);
  const first = lineText(b, o, lf < 0 ? end : lf);
  const firstEnd = lf < 0 ? end : lf + 1;
  // col_add_fstr for the first message of the segment; a later one's text is appended
  if (full) {
    if (c.colInfo === null) c.setInfo(`${escapeString(first)} `);
    else c.appendInfo(`${escapeString(first)} `);
  }
  f.add(kind === Kind.REQUEST ? F.request : F.response, o, 0, 1, EF.HIDDEN);
  const shown = `${escapeString(first)}${lf < 0 ? '' : '\\r\\n'}`;
  const texts = c.wants(WS.text);
  f.push(texts ? f.text(o, firstEnd - o, shown) : -1);
  expertInfo(c, F.chat, shown, Severity.CHAT, Group.SEQUENCE);
  const parts = startLine(c, kind, first, o);
  f.pop();
  // the headers
  let p = firstEnd;
  let host = '';
  let mediaType = '';
  let chunked = false;
  let encoding = '';
  let hasLength = false;
  let contentLength = 0;
  while (p < end && lf >= 0) {
    lf = lineEnd(b, p, end);
    if (lf < 0) break;
    const line = lineText(b, p, lf);
    if (line === '') {
      if (texts) f.text(p, lf + 1 - p, '\\r\\n');
      p = lf + 1;
      break;
    }
    const text = `${escapeString(line)}${b[lf - 1] === CR ? '\\r\\n' : '\\n'}`;
    // (Wireshark stores these lines as they are shown: "Host: decapod.test\r\n")
    f.addStr(kind === Kind.REQUEST ? F.requestLine : F.responseLine, p, lf + 1 - p, text, EF.HIDDEN);
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon).trim().toLowerCase();
    const value = colon < 0 ? '' : line.slice(colon + 1).trim();
    const id = HEADERS.get(name);
    if (id === undefined) {
      if (texts) f.text(p, lf + 1 - p, text);
    } else {
      const i = f.addStr(id, p, lf + 1 - p, value);
      if (i >= 0 && full) f.setText(i, text);
      if (id === F.host) host = value;
      else if (id === F.contentType) mediaType = (value.split(';')[0] as string).trim().toLowerCase();
      else if (id === F.transferEncoding) chunked = value.toLowerCase().includes('chunked');
      else if (id === F.contentEncoding) encoding = value.trim().toLowerCase();
      else if (id === F.contentLengthHeader && /^\d+$/.test(value)) {
        hasLength = true;
        contentLength = Number(value);
        f.push(i);
        f.add(F.contentLength, p, lf + 1 - p, contentLength, EF.GENERATED);
        f.pop();
      } else if (id === F.cookie) cookiePairs(c, p, lf + 1 - p, value, i);
      else if (id === F.authorization || id === F.proxyAuthorization) basicCredentials(c, p, lf + 1 - p, value, i);
    }
    p = lf + 1;
  }
  pairing(c, kind, parts, host);
  // the body
  let body: Uint8Array = b;
  let bodyOff = p;
  let bodyLen = Math.max(0, end - p);
  if (kind === Kind.RESPONSE && (bodiless(parts.status) || headResponse(c))) bodyLen = 0;
  else if (kind === Kind.REQUEST && !hasLength && !chunked) bodyLen = 0;
  if (chunked && bodyLen > 0) {
    body = dechunk(c, p, end);
    bodyOff = 0;
    bodyLen = body.length;
  } else if (hasLength) bodyLen = Math.min(bodyLen, contentLength);
  const savedB = c.b;
  const savedSrc = f.curSrc;
  if (body !== b) {
    f.curSrc = f.addSource(`De-chunked entity body (${body.length} bytes)`, body);
    c.b = body;
  }
  if (bodyLen > 0 && (encoding === 'gzip' || encoding === 'x-gzip' || encoding === 'deflate')) {
    // packet-http.c decompresses the body by default: "Content-encoded entity body (gzip): 45
    // bytes -> 32 bytes" over the encoded bytes, then the body as the decompressed source
    const plain = encoding === 'deflate'
      ? zlibInflate(body, bodyOff, bodyOff + bodyLen) ?? inflateRaw(body, bodyOff, bodyOff + bodyLen)
      : gunzipSync(body, bodyOff, bodyOff + bodyLen);
    const title = `Content-encoded entity body (${encoding}): ${bodyLen} bytes`;
    const item = f.text(bodyOff, bodyLen, plain === null ? title : `${title} -> ${plain.length} bytes`);
    if (plain === null) {
      // (its Warning, the encoded bytes as data under it, and no media dissection)
      f.push(item);
      expertAt(c, item, X.decompressionFailed);
      dissectData(c, bodyOff, bodyOff + bodyLen);
      f.pop();
      bodyLen = 0;
    } else {
      f.curSrc = f.addSource(`Uncompressed entity body (${plain.length} bytes)`, plain);
      c.b = plain;
      body = plain;
      bodyOff = 0;
      bodyLen = plain.length;
    }
  }
  if (bodyLen > 0) fileData(c, bodyOff, bodyLen, body);
  f.pop();
  if (bodyLen > 0 && TEXT_MEDIA.has(mediaType)) textLines(c, bodyOff, bodyOff + bodyLen, mediaType);
  else if (bodyLen > 0 && mediaType === 'application/json' && dissectJson(c, bodyOff, bodyOff + bodyLen, mediaType)) {
    // packet-json.c names the column after HTTP's ("HTTP/JSON") and appends to Info
    c.colProtocol = 'HTTP/JSON';
    if (full) c.appendInfo(`JavaScript Object Notation (${mediaType})`);
  } else if (bodyLen > 0 && mediaType === 'application/x-www-form-urlencoded') {
    dissectUrlencodedForm(c, bodyOff, bodyOff + bodyLen, mediaType);
  } else if (bodyLen > 0 && XML_MEDIA.has(mediaType)) {
    dissectXml(c, bodyOff, bodyOff + bodyLen);
    c.colProtocol = 'HTTP/XML';
  }
  c.b = savedB;
  f.curSrc = savedSrc;
}

/** The parts of the request or status line, and what pairing needs of them. */
interface StartLine {
  method: string;
  uri: string;
  status: number;
}

function startLine(c: Ctx, kind: Kind, line: string, o: number): StartLine {
  const f = c.f;
  const sp1 = line.indexOf(' ');
  const sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
  const a = sp1 < 0 ? line : line.slice(0, sp1);
  const m = sp1 < 0 ? '' : sp2 < 0 ? line.slice(sp1 + 1) : line.slice(sp1 + 1, sp2);
  const z = sp2 < 0 ? '' : line.slice(sp2 + 1);
  const out: StartLine = { method: '', uri: '', status: 0 };
  if (kind === Kind.REQUEST) {
    out.method = a;
    out.uri = m;
    f.addStr(F.method, o, a.length, a);
    const u = f.addStr(F.uri, o + sp1 + 1, m.length, m);
    const q = m.indexOf('?');
    if (q >= 0) {
      f.push(u);
      f.addStr(F.uriPath, o + sp1 + 1, q, m.slice(0, q));
      const qi = f.addStr(F.uriQuery, o + sp1 + 2 + q, m.length - q - 1, m.slice(q + 1));
      f.push(qi);
      let at = o + sp1 + 2 + q;
      for (const param of m.slice(q + 1).split('&')) {
        f.addStr(F.uriParameter, at, param.length, param);
        at += param.length + 1;
      }
      f.pop();
      f.pop();
    }
    if (sp2 >= 0) f.addStr(F.requestVersion, o + sp2 + 1, z.length, z);
  } else {
    f.addStr(F.responseVersion, o, a.length, a);
    const code = Number(m);
    out.status = Number.isInteger(code) ? code : 0;
    if (sp1 >= 0) {
      f.add(F.code, o + sp1 + 1, m.length, out.status);
      f.addStr(F.codeDesc, o + sp1 + 1, m.length, STATUS.get(out.status) ?? 'Unknown', EF.GENERATED);
    }
    if (sp2 >= 0) f.addStr(F.phrase, o + sp2 + 1, z.length, z);
  }
  return out;
}

/** A Cookie header's pairs ("Cookie pair: a=1"). */
function cookiePairs(c: Ctx, off: number, len: number, value: string, item: number): void {
  const f = c.f;
  f.push(item);
  for (const pair of value.split(';')) f.addStr(F.cookiePair, off, len, pair.trim());
  f.pop();
}

/** The stream's request / response pairing: noted on the first pass, shown from the final lists. */
function pairing(c: Ctx, kind: Kind, parts: StartLine, host: string): void {
  const f = c.f;
  const convs = httpConversations(c);
  let conv: HttpConversation | undefined = convs.get(c.tcpStream);
  if (c.firstPass && c.tcpStream >= 0) {
    if (conv === undefined) {
      conv = { requests: [], responses: [] };
      convs.set(c.tcpStream, conv);
    }
    if (kind === Kind.REQUEST) {
      const t = frameTime(c);
      conv.requests.push({ frame: c.frameNo, method: parts.method, uri: fullUri(parts.uri, host), sec: t.sec, nsec: t.nsec });
    } else conv.responses.push(c.frameNo);
  }
  const full = f.wanted === null;
  if (kind === Kind.REQUEST) {
    const uri = fullUri(parts.uri, host);
    if (uri !== '') f.addStr(F.fullUri, 0, 0, uri, EF.GENERATED);
    if (conv === undefined) return;
    const k = requestIndex(conv.requests, c.frameNo);
    if (k < 0) return;
    const n = f.add(F.requestNumber, 0, 0, k + 1, EF.GENERATED);
    if (n >= 0 && full) f.setText(n, `HTTP request ${k + 1}/${conv.requests.length}`);
    if (k > 0) f.add(F.prevRequestIn, 0, 0, (conv.requests[k - 1] as { frame: number }).frame, EF.GENERATED);
    const resp = conv.responses[k];
    if (resp !== undefined) f.add(F.responseIn, 0, 0, resp, EF.GENERATED);
    const next = conv.requests[k + 1];
    if (next !== undefined) f.add(F.nextRequestIn, 0, 0, next.frame, EF.GENERATED);
    return;
  }
  if (conv === undefined) return;
  const k = indexOf(conv.responses, c.frameNo);
  if (k < 0) return;
  const n = f.add(F.responseNumber, 0, 0, k + 1, EF.GENERATED);
  if (n >= 0 && full) f.setText(n, `HTTP response ${k + 1}/${conv.responses.length}`);
  const req = conv.requests[k];
  if (req !== undefined) addTimeSince(f, F.time, 0, frameTime(c), req, EF.GENERATED);
  if (k > 0) {
    const prevReq = conv.requests[k - 1];
    if (prevReq !== undefined) f.add(F.prevRequestIn, 0, 0, prevReq.frame, EF.GENERATED);
    f.add(F.prevResponseIn, 0, 0, conv.responses[k - 1] as number, EF.GENERATED);
  }
  if (req !== undefined) f.add(F.requestIn, 0, 0, req.frame, EF.GENERATED);
  const nextReq = conv.requests[k + 1];
  if (nextReq !== undefined) f.add(F.nextRequestIn, 0, 0, nextReq.frame, EF.GENERATED);
  const nextResp = conv.responses[k + 1];
  if (nextResp !== undefined) f.add(F.nextResponseIn, 0, 0, nextResp, EF.GENERATED);
  if (req !== undefined && req.uri !== '') f.addStr(F.responseForUri, 0, 0, req.uri, EF.GENERATED);
}

/** "http://" + Host + the URI, for a URI of the origin form; an absolute one as it is. */
function fullUri(uri: string, host: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) return uri;
  return host === '' ? '' : `http://${host}${uri}`;
}

/** The chunked body at [o, end) under "HTTP chunked response", and its de-chunked bytes. */
function dechunk(c: Ctx, o: number, end: number): Uint8Array {
  const f = c.f;
  const b = c.b;
  const texts = c.wants(WS.text);
  const parts: Uint8Array[] = [];
  let total = 0;
  f.push(texts ? f.text(o, end - o, 'HTTP chunked response') : -1);
  let p = o;
  while (p < end) {
    const lf = lineEnd(b, p, end);
    if (lf < 0) break;
    const size = parseInt(lineText(b, p, lf).split(';')[0] as string, 16);
    if (Number.isNaN(size)) break;
    const dataOff = lf + 1;
    if (size === 0) {
      f.push(texts ? f.text(p, dataOff - p, 'End of chunked encoding') : -1);
      f.add(F.chunkSize, p, lf - p - (b[lf - 1] === CR ? 1 : 0), 0);
      f.pop();
      p = dataOff;
      const tail = lineEnd(b, p, end);
      if (tail >= 0 && texts) f.text(p, tail + 1 - p, '\\r\\n');
      break;
    }
    const n = Math.min(size, end - dataOff);
    f.push(texts ? f.text(p, Math.min(end, dataOff + size + 2) - p, `Data chunk (${size} octets)`) : -1);
    f.add(F.chunkSize, p, lf - p - (b[lf - 1] === CR ? 1 : 0), size);
    f.add(F.chunkData, dataOff, n);
    if (dataOff + size + 2 <= end) f.add(F.chunkBoundary, dataOff + size, 2);
    f.pop();
    parts.push(b.subarray(dataOff, dataOff + n));
    total += n;
    p = dataOff + size + 2;
  }
  f.pop();
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** packet-http.c's expert info on an encoded body that does not decompress. */
const X = registerExperts({
  decompressionFailed: { name: 'http.decompression_failed', msg: 'Decompression failed', severity: Severity.WARN, group: Group.UNDECODED },
});

/** "Authorization: Basic dXNlcjpwYXNz": the credentials it carries, decoded, under the header
 *  ("Credentials: user:pass", http.authbasic), as packet-http.c shows them. */
function basicCredentials(c: Ctx, o: number, len: number, value: string, header: number): void {
  const m = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(value);
  if (m === null) return;
  let text: string;
  try {
    text = atob(m[1] as string);
  } catch {
    return;
  }
  c.f.push(header);
  c.f.addStr(F.authBasic, o, len, escapeString(text));
  c.f.pop();
}

/** packet-text-media.c: "Line-based text data: text/html (144 lines)", each line as it is. */
function textLines(c: Ctx, o: number, end: number, mediaType: string): void {
  const f = c.f;
  const b = c.b;
  const full = f.wanted === null;
  if (full) c.colInfo = `${c.colInfo ?? ''} (${mediaType})`;
  const texts = c.wants(WS.text);
  const item = c.proto(F.textLines, o, end);
  let lines = 0;
  for (let p = o; p < end; ) {
    const lf = lineEnd(b, p, end);
    const e = lf < 0 ? end : lf + 1;
    // (each line as format_text shows it: UTF-8, an invalid byte as U+FFFD, controls escaped)
    if (texts) f.text(p, e - p, formatText(b.subarray(p, e)));
    lines++;
    p = e;
  }
  // (a protocol item: kept by every lean mask, so labelled in every dissection)
  f.label(item, `Line-based text data: ${mediaType} (${lines} lines)`);
  f.pop();
}

registerDissector('http', dissectHttp);
for (const port of PORTS) bind('tcp.port', port, 'http');
