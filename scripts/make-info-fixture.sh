#!/bin/sh
# Writes tshark's packet-list columns for every frame of every corpus capture, two-pass (-2) as
# Wireshark's packet list shows them once the file is read (an echo request knows its reply), with
# the corpus's Decode As for VXLAN on 8472:
#   test/fixtures/info/tshark-info.tsv       capture, frame number, Protocol, Info
#   test/fixtures/info/tshark-addresses.tsv  capture, frame number, Source, Destination
# Needs tshark (the corpus was decoded with 4.0.17).
set -e
cd "$(dirname "$0")/.."
columns() { # FILE COLUMN COLUMN
  out=test/fixtures/info/$1
  : > "$out"
  for f in ../shared/corpus/captures/*; do
    tshark -2 -n -r "$f" -d udp.port==8472,vxlan -T fields -e frame.number -e "_ws.col.$2" -e "_ws.col.$3" 2>/dev/null \
      | sed "s|^|$(basename "$f")\t|" >> "$out" || true
  done
  echo "wrote $(wc -l < "$out") frames to $out"
}
columns tshark-info.tsv Protocol Info
columns tshark-addresses.tsv Source Destination
