#!/bin/sh
# Creates parkflow's document bucket in MinIO if missing, keeps it private and versioned
# (an overwrite by mistake never loses a document version). Runs in the minio/mc image.
set -eu
BUCKET="${PARKFLOW_STORAGE_S3_BUCKET:-parkflow-documents}"
until mc alias set parkflow http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null 2>&1; do
  echo "waiting for MinIO…"; sleep 2
done
mc mb --ignore-existing "parkflow/$BUCKET"
mc anonymous set none "parkflow/$BUCKET"
mc version enable "parkflow/$BUCKET"
echo "bucket $BUCKET ready (private, versioned)"
