#!/bin/sh
# Writes test/fixtures/tcp-analysis/tshark.tsv: tshark's TCP sequence analysis of every TCP frame
# of the crafted capture (scripts/make-tcp-analysis-capture.py) and of every corpus capture, two-pass
# (-2) as Wireshark's packet list shows it once the file is read, with the corpus's Decode As for
# VXLAN on 8472; and tshark-single-pass.tsv: the same fields of a few of them in one pass, as
# `tshark -T fields` (and `decapod fields`) print them, where a frame shows the stream's iRTT only
# once it is known. Columns: capture, then the fields below (header line first). Needs tshark (the
# corpus was decoded with 4.0.17).
set -e
cd "$(dirname "$0")/.."
out=test/fixtures/tcp-analysis/tshark.tsv
fields="frame.number tcp.stream tcp.analysis.flags tcp.analysis.retransmission tcp.analysis.fast_retransmission
 tcp.analysis.spurious_retransmission tcp.analysis.out_of_order tcp.analysis.lost_segment tcp.analysis.ack_lost_segment
 tcp.analysis.window_update tcp.analysis.window_full tcp.analysis.zero_window tcp.analysis.zero_window_probe
 tcp.analysis.zero_window_probe_ack tcp.analysis.keep_alive tcp.analysis.keep_alive_ack tcp.analysis.duplicate_ack
 tcp.analysis.duplicate_ack_num tcp.analysis.duplicate_ack_frame tcp.analysis.reused_ports tcp.analysis.acks_frame
 tcp.analysis.ack_rtt tcp.analysis.initial_rtt tcp.analysis.bytes_in_flight tcp.analysis.push_bytes_sent
 tcp.completeness tcp.time_relative tcp.time_delta _ws.col.Info"
args=""
for f in $fields; do args="$args -e $f"; done
printf 'capture\t%s\n' "$(echo $fields | tr ' ' '\t')" > "$out"
for f in test/fixtures/tcp-analysis/tcp-analysis.pcap ../shared/corpus/captures/*; do
  # shellcheck disable=SC2086
  tshark -2 -n -r "$f" -d udp.port==8472,vxlan -Y tcp -T fields -E occurrence=a -E aggregator=, $args 2>/dev/null \
    | sed "s|^|$(basename "$f")\t|" >> "$out" || true
done
echo "wrote $(($(wc -l < "$out") - 1)) TCP frames to $out"
single=test/fixtures/tcp-analysis/tshark-single-pass.tsv
printf 'capture\t%s\n' "$(echo $fields | tr ' ' '\t')" > "$single"
for f in test/fixtures/tcp-analysis/tcp-analysis.pcap ../shared/corpus/captures/pptp.pcap ../shared/corpus/captures/geneve.pcap \
         ../shared/corpus/captures/vlan-pcp-dei.pcapng ../shared/corpus/captures/bgp-role.pcapng; do
  # shellcheck disable=SC2086
  tshark -n -r "$f" -Y tcp -T fields -E occurrence=a -E aggregator=, $args 2>/dev/null | sed "s|^|$(basename "$f")\t|" >> "$single"
done
echo "wrote $(($(wc -l < "$single") - 1)) TCP frames to $single"
