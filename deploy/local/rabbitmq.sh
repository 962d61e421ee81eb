#!/usr/bin/env bash
# Runs a RabbitMQ node in the foreground, loopback only, with the management UI.
#   RABBITMQ_DEFAULT_USER=... RABBITMQ_DEFAULT_PASS=... rabbitmq.sh DATA_DIR AMQP_PORT MANAGEMENT_PORT [DISTRIBUTION_PORT]
# Used by the AppHost (local mode) and by the test script. Every setting comes from this
# script's environment and files under DATA_DIR, never from the machine's /etc/rabbitmq.
set -euo pipefail
data_dir=$(realpath -m "$1"); amqp_port=$2; management_port=$3; dist_port=${4:-$((management_port + 1))}
user=${RABBITMQ_DEFAULT_USER:?RABBITMQ_DEFAULT_USER must be set}
password=${RABBITMQ_DEFAULT_PASS:?RABBITMQ_DEFAULT_PASS must be set}

server=/usr/lib/rabbitmq/bin/rabbitmq-server
if [ ! -x "$server" ]; then
  echo "RabbitMQ not found. Install it: apt-get install -y rabbitmq-server" >&2
  exit 1
fi
mkdir -p "$data_dir/mnesia" "$data_dir/log"

# The node's name is derived from the AMQP port and the distribution (Erlang) port is given, so several
# nodes (the platform's and a test run's) live side by side.
export HOME="$data_dir"
export RABBITMQ_NODENAME="cro$amqp_port@localhost"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$amqp_port"
export RABBITMQ_DIST_PORT=$dist_port
export ERL_CRASH_DUMP="$data_dir/log/erl_crash.dump"
export RABBITMQ_MNESIA_BASE="$data_dir/mnesia"
export RABBITMQ_LOG_BASE="$data_dir/log"
export RABBITMQ_CONFIG_FILE="$data_dir/rabbitmq"
export RABBITMQ_ENABLED_PLUGINS_FILE="$data_dir/enabled_plugins"
export RABBITMQ_PID_FILE="$data_dir/rabbitmq.pid"
export RABBITMQ_CONF_ENV_FILE=/dev/null
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"

# The default user is created on the node's first boot only, from these settings.
cat > "$data_dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$amqp_port
management.tcp.ip = 127.0.0.1
management.tcp.port = $management_port
loopback_users = none
default_user = $user
default_pass = $password
log.console = true
log.console.level = warning
log.file = false
CONF
echo '[rabbitmq_management].' > "$data_dir/enabled_plugins"

# Started by hand, or erl starts one that outlives the node.
epmd -address 127.0.0.1 -daemon

exec "$server"
