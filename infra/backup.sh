#!/usr/bin/env bash
# Backs up parkflow while it runs: a consistent dump of the database, then every object of the
# document bucket, then a checksum list of both.
#
#   infra/backup.sh [directory]       (default: backups/parkflow-<UTC time> in the repository)
#
# Settings: infra/backup-settings.sh (for the compose stack: the .env file is enough).
#
# Why this order holds every document: the dump is one InnoDB snapshot (--single-transaction), so
# every row in it was committed before the snapshot; parkflow writes a document's object before the
# row that refers to it commits and never deletes a committed document's object, so every object a
# dumped row names is already in the bucket when the copy of the bucket starts after the dump.
# Objects uploaded after the snapshot are copied too; the restore reports them as unreferenced.
#
# The directory holds:
#   database.sql.gz   the dump (schema and data of the parkflow database)
#   objects/          the bucket's objects, under their keys
#   SHA256SUMS        the SHA-256 of the dump and of every object (checked by infra/restore.sh)
#   backup.txt        when, from where, and what was taken
source "$(dirname "$0")/backup-settings.sh"
pf_settings

target="${1:-$pf_root/backups/parkflow-$(date -u +%Y%m%dT%H%M%SZ)}"
if [ -e "$target" ] && [ -n "$(ls -A "$target" 2>/dev/null)" ]; then
  pf_fail "$target exists and is not empty; choose a new directory"
fi
mkdir -p "$target/objects"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

schema_version="$(pf_sql "SELECT MAX(CAST(version AS UNSIGNED)) FROM parkflow_schema_history WHERE success = 1")" \
    || pf_fail "cannot read the database $DB_NAME at $DB_HOST:$DB_PORT as $DB_USER"

# 1. the database, as one consistent snapshot, without locking parkflow's tables
dump_flags=(--single-transaction --quick --triggers --hex-blob --no-tablespaces --skip-lock-tables
            --default-character-set=utf8mb4)
if ! "$DB_DUMP" --version 2>/dev/null | grep -qi mariadb; then
  # MySQL's own mysqldump: no GTID statements (the restore target is a fresh server)
  dump_flags+=(--set-gtid-purged=OFF)
fi
pf_log "dumping database $DB_NAME from $DB_HOST:$DB_PORT (schema version $schema_version)"
"$DB_DUMP" --defaults-extra-file="$DB_DEFAULTS" "${DB_OPTIONS[@]}" "${dump_flags[@]}" "$DB_NAME" \
    | gzip -6 >"$target/database.sql.gz"
dumped="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

# 2. the bucket, after the snapshot (see above)
pf_log "copying bucket $S3_BUCKET from $S3_ENDPOINT"
rclone copy "store:$S3_BUCKET" "$target/objects" "${RCLONE_FLAGS[@]}"
objects="$(find "$target/objects" -type f | wc -l)"

# 3. what was taken, with the checksum of every file
pf_log "writing checksums of the dump and $objects objects"
(cd "$target" && { sha256sum database.sql.gz; find objects -type f -print0 | sort -z | xargs -0 -r sha256sum; } >SHA256SUMS)
cat >"$target/backup.txt" <<EOF
parkflow backup
started:          $started
database dumped:  $dumped (snapshot taken at the start of the dump)
finished:         $(date -u +%Y-%m-%dT%H:%M:%SZ)
database:         $DB_NAME at $DB_HOST:$DB_PORT, Flyway schema version $schema_version
bucket:           $S3_BUCKET at $S3_ENDPOINT, $objects objects
dump size:        $(du -h "$target/database.sql.gz" | cut -f1)
objects size:     $(du -sh "$target/objects" | cut -f1)
restore with:     infra/restore.sh $target
EOF
pf_log "backup complete: $target ($objects objects)"
