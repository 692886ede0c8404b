#!/bin/sh
# Prepares MinIO for parkflow; run once per `docker compose up` by the minio-init service (MinIO
# client image). Idempotent: every step may run again against an existing setup.
#
#  1. waits until MinIO answers with the root credentials;
#  2. creates the document bucket if missing, keeps it private (no anonymous access: documents are
#     served only through presigned URLs after parkflow's access check) and turns on versioning,
#     so an accidental overwrite or delete never loses a document version;
#  3. if parkflow has its own access key (PARKFLOW_STORAGE_S3_ACCESS_KEY other than the root user),
#     creates that user with a policy limited to this bucket: read, write and delete objects, but
#     never delete an object version, change the bucket or touch another bucket.
#
# Environment: MINIO_ROOT_USER, MINIO_ROOT_PASSWORD (required); MINIO_ENDPOINT
# (default http://minio:9000); PARKFLOW_STORAGE_S3_BUCKET (default parkflow-documents);
# PARKFLOW_STORAGE_S3_ACCESS_KEY, PARKFLOW_STORAGE_S3_SECRET_KEY (optional, see 3.).
set -eu

endpoint="${MINIO_ENDPOINT:-http://minio:9000}"
bucket="${PARKFLOW_STORAGE_S3_BUCKET:-parkflow-documents}"
root_user="${MINIO_ROOT_USER:?MINIO_ROOT_USER is not set}"
root_password="${MINIO_ROOT_PASSWORD:?MINIO_ROOT_PASSWORD is not set}"
app_key="${PARKFLOW_STORAGE_S3_ACCESS_KEY:-}"
app_secret="${PARKFLOW_STORAGE_S3_SECRET_KEY:-}"
alias=parkflow
policy="${bucket}-readwrite"

# 1. wait for MinIO (about two minutes at most)
attempt=0
until mc alias set "$alias" "$endpoint" "$root_user" "$root_password" >/dev/null 2>&1 \
    && mc ls "$alias" >/dev/null 2>&1; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 60 ]; then
    echo "MinIO at $endpoint did not answer (or refused the root credentials)" >&2
    exit 1
  fi
  echo "waiting for MinIO at $endpoint ..."
  sleep 2
done

# 2. the bucket: present, private, versioned
mc mb --ignore-existing "$alias/$bucket"
mc anonymous set none "$alias/$bucket"
mc version enable "$alias/$bucket"

# 3. parkflow's own credentials, limited to the bucket
if [ -n "$app_key" ] && [ "$app_key" != "$root_user" ]; then
  if [ -z "$app_secret" ]; then
    echo "PARKFLOW_STORAGE_S3_ACCESS_KEY is set but PARKFLOW_STORAGE_S3_SECRET_KEY is not" >&2
    exit 1
  fi
  # the mc image is minimal (no grep, no mktemp): plain shell and a fixed scratch file
  policy_file=/tmp/parkflow-policy.json
  trap 'rm -f "$policy_file"' EXIT
  cat >"$policy_file" <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"],
      "Resource": ["arn:aws:s3:::${bucket}"]
    },
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject",
                 "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
      "Resource": ["arn:aws:s3:::${bucket}/*"]
    }
  ]
}
EOF
  mc admin policy create "$alias" "$policy" "$policy_file"
  mc admin user add "$alias" "$app_key" "$app_secret"
  # attaching a policy that is already attached is refused; that is the state we want
  if ! mc admin policy attach "$alias" "$policy" --user "$app_key" >/dev/null 2>&1; then
    info="$(mc admin user info "$alias" "$app_key" 2>/dev/null || true)"
    case "$info" in
      *"$policy"*) ;;
      *) echo "could not attach policy $policy to user $app_key" >&2; exit 1 ;;
    esac
  fi
  echo "user $app_key may use bucket $bucket (policy $policy)"
fi

echo "bucket $bucket ready: private, versioned"
