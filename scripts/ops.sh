#!/usr/bin/env bash
# The seed's operational targets (make migrate-up, seed-test-data, clean-test-data, test-coverage,
# lint) for this Maven project:
#
#   scripts/ops.sh migrate           Flyway migrations on the DB_* database (the server also migrates on start)
#   scripts/ops.sh create-admin      the first admin: ADMIN_USERNAME, ADMIN_PASSWORD (12+), ADMIN_DISPLAY_NAME, ADMIN_EMAIL
#   scripts/ops.sh load-test-data    test visitors and chats (marked, replaced on each load) into DB_*
#   scripts/ops.sh clean-test-data   removes exactly those
#   scripts/ops.sh verify-audit      checks the audit trail's hash chain; exit 1 names the first broken entry
#   scripts/ops.sh erase KIND VALUE  erases a data subject (KIND: oss_user_id, email, phone, browser_uuid)
#   scripts/ops.sh coverage          every test with JaCoCo: <module>/target/site/jacoco/index.html
#   scripts/ops.sh lint              the formatter check CI enforces (spotless, google-java-format AOSP)
#   scripts/ops.sh format            applies the formatter
#
# The database commands need DB_HOST (DB_PORT, DB_NAME, DB_USER, DB_PASSWORD as the server reads them).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=server/target/oss-livechat-server.jar

case "${1:-}" in
  migrate | create-admin | load-test-data | clean-test-data | verify-audit | erase)
    [ -f "$jar" ] || ./mvnw -q -pl server -am package -DskipTests
    exec java -jar "$jar" "$@"
    ;;
  coverage) exec ./mvnw -Pcoverage verify ;;
  lint) exec ./mvnw -q spotless:check -Dspotless.check.skip=false ;;
  format) exec ./mvnw -q spotless:apply ;;
  *)
    echo "usage: $0 migrate|create-admin|load-test-data|clean-test-data|verify-audit|erase KIND VALUE|coverage|lint|format" >&2
    exit 2
    ;;
esac
