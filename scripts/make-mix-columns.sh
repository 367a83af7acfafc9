#!/bin/sh
# Writes test/fixtures/mix/mix-columns.tsv.gz: tshark 4.0.17's Source, Destination, Protocol and
# Info columns of every frame of ../shared/bench/gen-capture.py's mix (20,000 packets, seed 1),
# after a line with the capture's sha256 (the test checks that the generator still makes the same
# bytes). UDP 8472 is VXLAN in Decapod as in Wireshark 4.4; tshark 4.0 needs the -d rule.
# Usage: scripts/make-mix-columns.sh   (needs python3 and tshark 4.0.17)
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 ../shared/bench/gen-capture.py "$tmp/mix.pcap" --packets 20000 --seed 1
{
  echo "sha256	$(sha256sum "$tmp/mix.pcap" | cut -d' ' -f1)"
  tshark -n -r "$tmp/mix.pcap" -d udp.port==8472,vxlan -T fields -E separator=/t \
    -e frame.number -e _ws.col.Source -e _ws.col.Destination -e _ws.col.Protocol -e _ws.col.Info
} | gzip -9n > test/fixtures/mix/mix-columns.tsv.gz
echo "wrote test/fixtures/mix/mix-columns.tsv.gz"
