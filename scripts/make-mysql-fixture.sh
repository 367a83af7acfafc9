#!/bin/sh
# Writes test/fixtures/mysql/mysql.pcap: MariaDB's client talking to a MariaDB server over
# loopback (a throwaway server in a temporary directory, TLS off so that tshark sees the protocol):
# a login with a schema, statements with OK, error and result-set responses (one row of 70,000
# bytes, which TCP carries over several segments), a change of schema, mariadb-admin's ping and
# status (COM_STATISTICS), and a login refused for a wrong password. Beside it mysql.tsv, tshark's
# values of the MySQL fields Decapod dissects (every occurrence, one pass as `decapod fields`
# reads a file), and mysql-columns.tsv, its Protocol and Info columns (-2, as the packet list
# shows them), as test/workers/dissectors/mysql.test.ts compares them.
# Needs mariadb-server and mariadb-client, tcpdump (and root for both) and tshark (the corpus was
# decoded with 4.0.17). Port 3306 on 127.0.0.1 must be free.
set -e
cd "$(dirname "$0")/.."
out=test/fixtures/mysql
tmp=$(mktemp -d)
trap 'kill $dump 2>/dev/null || true; kill "$(cat "$tmp/pid" 2>/dev/null)" 2>/dev/null || true; sleep 1; rm -rf "$tmp"' EXIT
mariadb-install-db --no-defaults --datadir="$tmp/data" --user=root --auth-root-authentication-method=normal >/dev/null
mariadbd --no-defaults --datadir="$tmp/data" --user=root --port=3306 --bind-address=127.0.0.1 \
  --socket="$tmp/sock" --pid-file="$tmp/pid" --skip-ssl >"$tmp/server.log" 2>&1 &
for _ in 1 2 3 4 5 6 7 8 9 10; do [ -S "$tmp/sock" ] && break; sleep 1; done
mariadb --no-defaults -S "$tmp/sock" -uroot -e "CREATE USER 'deca'@'127.0.0.1' IDENTIFIED BY 'pod';
  GRANT ALL ON *.* TO 'deca'@'127.0.0.1'; CREATE DATABASE shop;"
tcpdump -i lo -w "$tmp/mysql.pcap" -U 'tcp port 3306' 2>/dev/null &
dump=$!
sleep 1
client="--no-defaults --skip-ssl -h127.0.0.1 -P3306 -udeca"
mariadb $client -ppod --force shop >/dev/null 2>&1 <<'SQL' || true
CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40), price DECIMAL(6,2));
INSERT INTO items VALUES (1,'cable',3.50),(2,'switch',129.00),(3,NULL,0.5);
SELECT * FROM items;
SELECT nosuchcol FROM items;
USE mysql;
SELECT REPEAT('x', 70000) AS big;
UPDATE shop.items SET price=price+1;
SELECT 1 WHERE 0;
SQL
mariadb-admin $client -ppod ping >/dev/null
mariadb-admin $client -ppod status >/dev/null
mariadb-admin $client -pwrong ping >/dev/null 2>&1 || true
sleep 1
kill $dump
sleep 1
cp "$tmp/mysql.pcap" $out/mysql.pcap
fields="mysql.packet_length mysql.packet_number mysql.request mysql.command mysql.query mysql.schema
 mysql.response_code mysql.error_code mysql.sqlstate mysql.error.message mysql.message mysql.affected_rows
 mysql.insert_id mysql.server_status mysql.warnings mysql.protocol mysql.version mysql.thread_id mysql.salt
 mysql.salt2 mysql.caps.server mysql.caps.client mysql.extcaps.server mysql.extcaps.client mysql.server_language
 mysql.charset mysql.max_packet mysql.user mysql.passwd mysql.auth_plugin mysql.client_auth_plugin
 mysql.num_fields mysql.eof mysql.field.catalog mysql.field.db mysql.field.table mysql.field.name
 mysql.field.org_name mysql.field.charsetnr mysql.field.length mysql.field.type mysql.field.flags
 mysql.field.decimals mysql.row.text mysql.connattrs.name mysql.connattrs.value tcp.reassembled_in"
args=""
for f in $fields; do args="$args -e $f"; done
echo $fields | tr ' ' '\t' > $out/mysql.tsv
# shellcheck disable=SC2086
tshark -n -r $out/mysql.pcap -T fields -E occurrence=a $args 2>/dev/null >> $out/mysql.tsv
tshark -n -2 -r $out/mysql.pcap -T fields -e _ws.col.Protocol -e _ws.col.Info 2>/dev/null > $out/mysql-columns.tsv
echo "wrote $(($(wc -l < $out/mysql.tsv) - 1)) frames to $out/mysql.tsv and mysql-columns.tsv"
# tshark -2 -V's MySQL subtrees, frame by frame ("Frame N" then its MySQL Protocol sections)
tshark -n -2 -r $out/mysql.pcap -V 2>/dev/null | python3 -c '
import re, sys
frame, keep = None, False
for line in sys.stdin:
    line = line.rstrip("\n")
    m = re.match(r"Frame (\d+):", line)
    if m:
        frame, keep = m.group(1), False
        continue
    if line and not line.startswith(" "):
        keep = line.startswith("MySQL Protocol")
        if keep:
            print("Frame " + frame)
    if keep and line:
        print(line)
' > $out/mysql-trees.txt
# Segments of zeros to port 3306, as the benchmark's generated mix sends them (gen-capture.py):
# runs of empty, malformed requests (inside VXLAN on 4789, which needs no Decode As rule)
python3 ../shared/bench/gen-capture.py "$tmp/mix.pcap" --packets 3000 >/dev/null
tshark -n -r "$tmp/mix.pcap" -Y 'mysql && udp.port == 4789' -w "$tmp/zeros-all.pcap" 2>/dev/null
editcap -r "$tmp/zeros-all.pcap" $out/zeros.pcap 1-12 >/dev/null
tshark -n -2 -r $out/zeros.pcap -T fields -e _ws.col.Protocol -e _ws.col.Info -e tcp.len 2>/dev/null > $out/zeros-columns.tsv
echo "wrote $(grep -c '^Frame' $out/mysql-trees.txt) MySQL frames to $out/mysql-trees.txt, $(wc -l < $out/zeros-columns.tsv) frames to $out/zeros.pcap"
