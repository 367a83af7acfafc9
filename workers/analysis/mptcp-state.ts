// Multipath TCP connections of a capture, as packet-tcp.c's MPTCP analysis keeps them: each TCP
// stream that carries an MPTCP option belongs to one MPTCP connection (numbered from 0 in the
// order first seen, as mptcp.stream), whose master is the stream that exchanged the keys and whose
// subflows are its streams (newest first, as Wireshark lists them); each direction of a subflow
// has a "meta" flow: the key of the host that sends in it, the token and initial data sequence
// number derived from that key. A subflow joins by the token of the receiver's key (MP_JOIN).
// Built in the first pass; the details read the finished state.

/** One host's side of an MPTCP connection (mptcp_meta_flow_t). */
export interface MptcpMeta {
  key: bigint;
  /** The key's token (most significant 32 bits of its hash), and the IDSN (least significant 64). */
  token: number;
  idsn: bigint;
  hasKey: boolean;
}

export interface MptcpConnection {
  index: number;
  /** The master subflow's TCP stream, or -1 before any key was seen. */
  master: number;
  subflows: number[];
  metas: [MptcpMeta, MptcpMeta];
}

function emptyMeta(): MptcpMeta {
  return { key: 0n, token: 0, idsn: 0n, hasKey: false };
}

export class MptcpState {
  private readonly byStream = new Map<number, MptcpConnection>();
  /** A TCP flow (stream * 2 + direction) to the meta of the host sending in it. */
  private readonly flowMeta = new Map<number, MptcpMeta>();
  private readonly byToken = new Map<number, MptcpConnection>();
  private count = 0;

  /** Whether no MPTCP option was seen (most captures): the analysis then has nothing to look up. */
  get empty(): boolean {
    return this.count === 0;
  }

  connection(stream: number): MptcpConnection | undefined {
    return this.byStream.get(stream);
  }

  meta(flow: number): MptcpMeta | undefined {
    return this.flowMeta.get(flow);
  }

  /** The connection of `stream`, made (mptcp_alloc_analysis) when it has none. */
  ensure(stream: number): MptcpConnection {
    let conn = this.byStream.get(stream);
    if (conn === undefined) {
      conn = { index: this.count++, master: -1, subflows: [stream], metas: [emptyMeta(), emptyMeta()] };
      this.byStream.set(stream, conn);
    }
    return conn;
  }

  /** The key a host sends in `flow` of `stream` (get_or_create_mptcpd_from_key): its connection's
   *  meta for that host gets the key, and `stream` is the master. `derive` gives token and IDSN. */
  key(stream: number, flow: number, key: bigint, derive: (key: bigint) => [number, bigint]): MptcpMeta {
    const conn = this.ensure(stream);
    conn.master = stream;
    let meta = this.flowMeta.get(flow);
    if (meta === undefined) {
      meta = conn.metas[flow & 1] as MptcpMeta;
      this.flowMeta.set(flow, meta);
    }
    if (!meta.hasKey) {
      const [token, idsn] = derive(key);
      meta.key = key;
      meta.token = token;
      meta.idsn = idsn;
      meta.hasKey = true;
      this.byToken.set(token, conn);
    }
    return meta;
  }

  /** A SYN joining the connection whose receiver has `token` (MP_JOIN): `flow` is the joining
   *  host's direction. As Wireshark assigns them, the joining direction carries the token owner's
   *  meta and the reverse direction the other host's. */
  join(stream: number, flow: number, token: number): void {
    const conn = this.byToken.get(token);
    if (conn === undefined || this.byStream.has(stream)) {
      this.ensure(stream);
      return;
    }
    this.byStream.set(stream, conn);
    if (!conn.subflows.includes(stream)) conn.subflows.unshift(stream);
    const owner = conn.metas[0].hasKey && conn.metas[0].token === token ? 0 : 1;
    this.flowMeta.set(flow, conn.metas[owner] as MptcpMeta);
    this.flowMeta.set(flow ^ 1, conn.metas[owner ^ 1] as MptcpMeta);
  }
}
