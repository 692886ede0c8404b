#!/usr/bin/env bash
# Restores a backup of infra/backup.sh into an empty database and an empty bucket, and checks it.
#
#   infra/restore.sh <backup directory>
#
# Settings: infra/backup-settings.sh (for the compose stack: the .env file is enough).
# Before: no parkflow node runs against the target; the database exists and has no tables; the
# bucket exists and is empty (for compose: `docker compose up -d mysql minio minio-init`, which
# creates both on new volumes). After: start parkflow (`docker compose up -d`).
#
# Steps, each refusing to go on when something is wrong:
#   1. every file of the backup against SHA256SUMS;
#   2. the target is empty (a restore never mixes with other data);
#   3. the dump into the database;
#   4. the objects into the bucket, then each copied object compared with its source;
#   5. every document row of the restored database: its object is in the backup and has the
#      SHA-256 that the row records;
#   6. what no node of the restored stack can hold any more is released: job locks of the nodes
#      that ran when the backup was taken, and browser sessions (everyone logs in again).
source "$(dirname "$0")/backup-settings.sh"

backup="${1:-}"
[ -n "$backup" ] || pf_fail "usage: infra/restore.sh <backup directory>"
[ -f "$backup/SHA256SUMS" ] && [ -f "$backup/database.sql.gz" ] && [ -d "$backup/objects" ] \
    || pf_fail "$backup is not a parkflow backup (database.sql.gz, objects/ and SHA256SUMS expected)"
backup="$(cd "$backup" && pwd)"
pf_settings

# 1. the backup is what backup.sh wrote
pf_log "checking the backup's checksums"
(cd "$backup" && sha256sum --check --quiet --strict SHA256SUMS) || pf_fail "the backup in $backup is damaged (SHA256SUMS)"
listed="$(grep -c ' objects/' "$backup/SHA256SUMS" || true)"
present="$(find "$backup/objects" -type f | wc -l)"
[ "$listed" = "$present" ] || pf_fail "the backup lists $listed objects but holds $present"

# 2. the target is empty
tables="$(pf_sql "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")" \
    || pf_fail "cannot reach the database $DB_NAME at $DB_HOST:$DB_PORT as $DB_USER (it must exist)"
[ "$tables" = 0 ] || pf_fail "the database $DB_NAME already has $tables tables; restore into an empty database"
rclone lsf "store:$S3_BUCKET" --max-depth 1 >/dev/null 2>&1 || pf_fail "cannot list bucket $S3_BUCKET at $S3_ENDPOINT (it must exist)"
[ -z "$(rclone lsf "store:$S3_BUCKET" --max-depth 1 2>/dev/null | head -n 1)" ] \
    || pf_fail "the bucket $S3_BUCKET is not empty; restore into an empty bucket"

# 3. the database
pf_log "loading the dump into $DB_NAME at $DB_HOST:$DB_PORT"
gzip -dc "$backup/database.sql.gz" \
    | "$DB_CLIENT" --defaults-extra-file="$DB_DEFAULTS" "${DB_OPTIONS[@]}" --default-character-set=utf8mb4 "$DB_NAME"

# 4. the objects
pf_log "copying $present objects into bucket $S3_BUCKET at $S3_ENDPOINT"
rclone copy "$backup/objects" "store:$S3_BUCKET" "${RCLONE_FLAGS[@]}"
rclone check "$backup/objects" "store:$S3_BUCKET" --one-way "${RCLONE_FLAGS[@]}" \
    || pf_fail "the bucket does not hold every object of the backup"

# 5. every document row and issued certificate has its object, with the recorded SHA-256
rows="$pf_scratch/rows"
: >"$rows"
for table in $(pf_document_tables); do
  pf_sql "SELECT sha256, object_key FROM \`$table\`" | sed "s|^|$table |" >>"$rows"
done
# and every issued certificate (认定证书): certificates/<carrier>/<number>.pdf with the SHA-256 the registry publishes
pf_sql "SELECT certificate_sha256, CONCAT('certificates/', carrier_id, '/', number, '.pdf') FROM certification
        WHERE certificate_sha256 IS NOT NULL" | sed "s|^|certification |" >>"$rows"
awk '
  FILENAME == ARGV[1] { sub(/^objects\//, "", $2); hash[$2] = $1; next }
  { documents++
    if (!($3 in hash)) { missing++; print "missing object " $3 " of a row in " $1 > "/dev/stderr"; next }
    if (hash[$3] != $2) { wrong++; print "object " $3 " of a row in " $1 " has another SHA-256" > "/dev/stderr"; next }
    used[$3] = 1 }
  END {
    for (k in hash) if (!(k in used)) extra++
    printf "%d documents checked: %d objects missing, %d with another SHA-256; %d objects without a row (uploaded after the snapshot, kept)\n",
        documents, missing + 0, wrong + 0, extra + 0
    exit (missing + wrong > 0) }
' <(grep ' objects/' "$backup/SHA256SUMS" | sed 's/  / /') "$rows" \
    || pf_fail "the restored database refers to objects the backup does not hold as recorded"

# 6. nothing held by a node of the old stack
pf_sql "UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL WHERE LOCK_OWNER_ IS NOT NULL;
        DELETE FROM SPRING_SESSION_ATTRIBUTES; DELETE FROM SPRING_SESSION"
pf_log "restore complete from $backup; start parkflow now"
