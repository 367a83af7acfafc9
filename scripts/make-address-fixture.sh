#!/bin/sh
# Writes test/fixtures/info/tshark-addresses.tsv: tshark's Source and Destination columns for every
# frame of every corpus capture, two-pass (-2) as Wireshark's packet list shows them, with the
# corpus's Decode As for VXLAN on 8472 (as make-info-fixture.sh). Columns: capture, frame number,
# Source, Destination. Needs tshark (the corpus was decoded with 4.0.17).
set -e
cd "$(dirname "$0")/.."
out=test/fixtures/info/tshark-addresses.tsv
: > "$out"
for f in ../shared/corpus/captures/*; do
  tshark -2 -n -r "$f" -d udp.port==8472,vxlan -T fields -e frame.number -e _ws.col.Source -e _ws.col.Destination 2>/dev/null \
    | sed "s|^|$(basename "$f")\t|" >> "$out" || true
done
echo "wrote $(wc -l < "$out") frames to $out"
