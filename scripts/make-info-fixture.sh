#!/bin/sh
# Writes test/fixtures/info/tshark-info.tsv: tshark's Protocol and Info columns for every frame of
# every corpus capture, two-pass (-2) as Wireshark's packet list shows them once the file is read
# (an echo request knows its reply), with the corpus's Decode As for VXLAN on 8472.
# Columns: capture, frame number, Protocol, Info. Needs tshark (the corpus was decoded with 4.0.17).
set -e
cd "$(dirname "$0")/.."
out=test/fixtures/info/tshark-info.tsv
: > "$out"
for f in ../shared/corpus/captures/*; do
  tshark -2 -n -r "$f" -d udp.port==8472,vxlan -T fields -e frame.number -e _ws.col.Protocol -e _ws.col.Info 2>/dev/null \
    | sed "s|^|$(basename "$f")\t|" >> "$out" || true
done
echo "wrote $(wc -l < "$out") frames to $out"
