#!/usr/bin/env bash
# Desktop smoke test: a real window under Xvfb; it must map, draw the workbench, and keep running.
# Usage: tests/desktop/smoke.sh PATH/TO/duebook ARTIFACTS_DIR   (writes ARTIFACTS_DIR/desktop.png)
set -u
bin=$1
artifacts=$2
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" --db "$work/ledger.sqlite" init >/dev/null || exit 1
"$bin" --db "$work/ledger.sqlite" customer add "Smoke Test Ltd" --currency GBP --terms "Net 30" >/dev/null || exit 1
"$bin" --db "$work/ledger.sqlite" customer add "Société Générale d'Écosse" --currency EUR --terms "2/10 Net 30" \
  >/dev/null || exit 1

cat > "$work/inner.sh" <<INNER
"$bin" --db "$work/ledger.sqlite" & app=\$!
for i in \$(seq 1 100); do
  xwininfo -root -tree 2>/dev/null | grep -q '"Duebook"' && break
  sleep 0.1
done
sleep 1.5
kill -0 \$app 2>/dev/null || { echo "desktop: the program exited early"; exit 1; }
import -window root "$artifacts/desktop.png" || exit 1
kill \$app; wait \$app 2>/dev/null
exit 0
INNER
xvfb-run -a -s "-screen 0 1280x800x24" bash "$work/inner.sh" || { echo "desktop: 0 passed, 1 failed"; exit 1; }
# The screenshot must show a drawn UI, not a blank screen: count distinct colours.
colours=$(convert "$artifacts/desktop.png" -format %k info:)
if [ "${colours:-0}" -lt 16 ]; then
  echo "desktop: screenshot has only $colours colours"
  echo "desktop: 0 passed, 1 failed"
  exit 1
fi
echo "desktop: screenshot $artifacts/desktop.png with $colours colours"
echo "desktop: 1 passed, 0 failed"
