# Settings and helpers shared by infra/backup.sh and infra/restore.sh (sourced, not run).
#
# Every setting has a default for the docker compose stack on this host: the values come from the
# environment first, then from the stack's .env file (PARKFLOW_ENV_FILE, default: .env in the
# repository root), then from the defaults below. Nothing is written to disk except the backup.
#
#   PARKFLOW_DB_HOST      database host                   (127.0.0.1: compose publishes MySQL on loopback)
#   PARKFLOW_DB_PORT      database port                   (MYSQL_HOST_PORT from .env, else 3306)
#   PARKFLOW_DB_NAME      database                        (parkflow)
#   PARKFLOW_DB_USER      database account                (MYSQL_USER from .env, else parkflow)
#   PARKFLOW_DB_PASSWORD  its password                    (MYSQL_PASSWORD from .env)
#   PARKFLOW_DB_OPTIONS   extra client options, e.g. --skip-ssl for a server without TLS
#   PARKFLOW_DB_DUMP      dump program                    (mysqldump, else mariadb-dump, on PATH)
#   PARKFLOW_DB_CLIENT    client program                  (mysql, else mariadb, on PATH)
#   PARKFLOW_S3_ENDPOINT  object store                    (http://127.0.0.1:MINIO_HOST_PORT, else :9000)
#   PARKFLOW_S3_BUCKET    bucket                          (PARKFLOW_STORAGE_S3_BUCKET, else parkflow-documents)
#   PARKFLOW_S3_ACCESS_KEY / PARKFLOW_S3_SECRET_KEY       (PARKFLOW_STORAGE_S3_ACCESS_KEY / _SECRET_KEY)
#
# Programs needed on the host: a MySQL or MariaDB client (Debian: default-mysql-client or
# mariadb-client), rclone (Debian: rclone), gzip and sha256sum.

set -euo pipefail

pf_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# reads KEY=VALUE lines of the compose .env without executing it; the environment wins
pf_load_env_file() {
  local file="${PARKFLOW_ENV_FILE:-$pf_root/.env}" line key value
  [ -f "$file" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in '' | '#'*) continue ;; esac
    key="${line%%=*}"
    value="${line#*=}"
    [[ "$key" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
    value="${value%\"}"; value="${value#\"}"; value="${value%\'}"; value="${value#\'}"
    if [ -z "${!key+set}" ]; then
      export "$key=$value"
    fi
  done <"$file"
}

pf_fail() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

pf_log() {
  echo "$(date -u +%H:%M:%SZ) $*"
}

pf_first_program() {
  local p
  for p in "$@"; do
    if command -v "$p" >/dev/null 2>&1; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

pf_settings() {
  pf_load_env_file
  DB_HOST="${PARKFLOW_DB_HOST:-127.0.0.1}"
  DB_PORT="${PARKFLOW_DB_PORT:-${MYSQL_HOST_PORT:-3306}}"
  DB_NAME="${PARKFLOW_DB_NAME:-parkflow}"
  DB_USER="${PARKFLOW_DB_USER:-${MYSQL_USER:-parkflow}}"
  DB_PASSWORD="${PARKFLOW_DB_PASSWORD-${MYSQL_PASSWORD:-}}"
  read -r -a DB_OPTIONS <<<"${PARKFLOW_DB_OPTIONS:-}"
  DB_DUMP="${PARKFLOW_DB_DUMP:-$(pf_first_program mysqldump mariadb-dump || true)}"
  DB_CLIENT="${PARKFLOW_DB_CLIENT:-$(pf_first_program mysql mariadb || true)}"
  S3_ENDPOINT="${PARKFLOW_S3_ENDPOINT:-http://127.0.0.1:${MINIO_HOST_PORT:-9000}}"
  S3_BUCKET="${PARKFLOW_S3_BUCKET:-${PARKFLOW_STORAGE_S3_BUCKET:-parkflow-documents}}"
  S3_ACCESS_KEY="${PARKFLOW_S3_ACCESS_KEY:-${PARKFLOW_STORAGE_S3_ACCESS_KEY:-}}"
  S3_SECRET_KEY="${PARKFLOW_S3_SECRET_KEY:-${PARKFLOW_STORAGE_S3_SECRET_KEY:-}}"

  [ -n "$DB_DUMP" ] || pf_fail "no mysqldump or mariadb-dump on PATH (install default-mysql-client or mariadb-client, or set PARKFLOW_DB_DUMP)"
  [ -n "$DB_CLIENT" ] || pf_fail "no mysql or mariadb client on PATH (install default-mysql-client or mariadb-client, or set PARKFLOW_DB_CLIENT)"
  command -v rclone >/dev/null 2>&1 || pf_fail "rclone is not installed (Debian: apt-get install rclone)"
  command -v sha256sum >/dev/null 2>&1 || pf_fail "sha256sum is not installed (coreutils)"
  [ -n "$S3_ACCESS_KEY" ] && [ -n "$S3_SECRET_KEY" ] || pf_fail "set PARKFLOW_S3_ACCESS_KEY and PARKFLOW_S3_SECRET_KEY (or the .env of the compose stack)"

  # the password goes to the clients in a private options file, never on a command line
  pf_scratch="$(mktemp -d)"
  trap 'rm -rf "$pf_scratch"' EXIT
  DB_DEFAULTS="$pf_scratch/client.cnf"
  local quoted="${DB_PASSWORD//\\/\\\\}"
  quoted="${quoted//\"/\\\"}"
  (umask 077 && printf '[client]\nuser=%s\npassword="%s"\nhost=%s\nport=%s\nprotocol=TCP\n' \
      "$DB_USER" "$quoted" "$DB_HOST" "$DB_PORT" >"$DB_DEFAULTS")

  # rclone reads its remote from the environment: "store" is the bucket's object store
  export RCLONE_CONFIG_STORE_TYPE=s3
  export RCLONE_CONFIG_STORE_PROVIDER=Other
  export RCLONE_CONFIG_STORE_ENDPOINT="$S3_ENDPOINT"
  export RCLONE_CONFIG_STORE_ACCESS_KEY_ID="$S3_ACCESS_KEY"
  export RCLONE_CONFIG_STORE_SECRET_ACCESS_KEY="$S3_SECRET_KEY"
  export RCLONE_CONFIG_STORE_REGION="${PARKFLOW_S3_REGION:-us-east-1}"
  export RCLONE_CONFIG_STORE_FORCE_PATH_STYLE=true
  export RCLONE_CONFIG_STORE_NO_CHECK_BUCKET=true
  export RCLONE_CONFIG=/dev/null
}

# runs one SQL statement and prints its rows tab-separated, without a header
pf_sql() {
  "$DB_CLIENT" --defaults-extra-file="$DB_DEFAULTS" "${DB_OPTIONS[@]}" --batch --skip-column-names \
      --default-character-set=utf8mb4 "$DB_NAME" -e "$1"
}

# every table that keeps a stored document: it has an object_key and a sha256 column
pf_document_tables() {
  pf_sql "SELECT c1.TABLE_NAME FROM information_schema.COLUMNS c1 JOIN information_schema.COLUMNS c2
          ON c2.TABLE_SCHEMA = c1.TABLE_SCHEMA AND c2.TABLE_NAME = c1.TABLE_NAME AND c2.COLUMN_NAME = 'sha256'
          WHERE c1.TABLE_SCHEMA = DATABASE() AND c1.COLUMN_NAME = 'object_key' ORDER BY c1.TABLE_NAME"
}

RCLONE_FLAGS=(--transfers 8 --checkers 8 --retries 5 --low-level-retries 10 --stats 0 --log-level NOTICE)
# rclone's S3 backend refuses AWS_CA_BUNDLE (rclone 1.60: "unable to load custom CA bundle"); it takes the
# same bundle as its own --ca-cert
if [ -n "${AWS_CA_BUNDLE:-}" ]; then
  RCLONE_FLAGS+=(--ca-cert "$AWS_CA_BUNDLE")
  unset AWS_CA_BUNDLE
fi
