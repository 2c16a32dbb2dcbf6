#!/usr/bin/env bash
# A real single-node Kafka broker (KRaft mode) for running several OSS LiveChat nodes on one
# machine: ./scripts/kafka-broker.sh start | stop | status
#
# The broker's jars come from Maven Central (org.apache.kafka:kafka_2.13), fetched once with the
# project's Maven Wrapper. Settings: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093),
# KAFKA_DIR (~/.oss-livechat/kafka: jars, data, log, pid).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
dir="${KAFKA_DIR:-$HOME/.oss-livechat/kafka}"
lib="$dir/lib"
pidfile="$dir/kafka.pid"
log="$dir/kafka.log"
config="$dir/server.properties"

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

fetch_jars() {
  if [ ! -f "$lib/.complete" ]; then
    echo "Fetching the Kafka broker's jars into $lib (once)..."
    mkdir -p "$lib"
    "$root/mvnw" -q -B -f "$root/scripts/kafka/pom.xml" dependency:copy-dependencies -DoutputDirectory="$lib"
    touch "$lib/.complete"
  fi
}

write_config() {
  mkdir -p "$dir/data"
  cat > "$config" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=localhost:$controller_port
listeners=PLAINTEXT://localhost:$port,CONTROLLER://localhost:$controller_port
advertised.listeners=PLAINTEXT://localhost:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
num.partitions=6
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
}

start() {
  if running; then
    echo "Kafka is already running (pid $(cat "$pidfile")) on localhost:$port"
    return
  fi
  fetch_jars
  write_config
  if [ ! -f "$dir/data/meta.properties" ]; then
    cluster_id="$(java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null)"
    java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$lib/*" kafka.tools.StorageTool format -t "$cluster_id" -c "$config" --standalone >> "$log" 2>&1
  fi
  nohup java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$lib/*" kafka.Kafka "$config" >> "$log" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 60); do
    if (exec 3<>"/dev/tcp/localhost/$port") 2>/dev/null; then
      echo "Kafka is running on localhost:$port (pid $(cat "$pidfile"), log $log)"
      return
    fi
    running || { echo "Kafka exited; see $log" >&2; exit 1; }
    sleep 1
  done
  echo "Kafka did not open port $port within 60 s; see $log" >&2
  exit 1
}

stop() {
  if ! running; then
    echo "Kafka is not running"
    rm -f "$pidfile"
    return
  fi
  pid="$(cat "$pidfile")"
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; echo "Kafka stopped"; return; }
    sleep 1
  done
  echo "Kafka (pid $pid) did not stop within 60 s; killing it" >&2
  kill -9 "$pid" || true
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running (pid $(cat "$pidfile")) on localhost:$port"; else echo "stopped"; exit 3; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
