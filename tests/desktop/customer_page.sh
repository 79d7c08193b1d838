#!/usr/bin/env bash
# Desktop test of a customer's page: a ledger seeded through the CLI (a customer with contacts and a credit
# limit, two invoices, a call, a promise, a partial payment, a dispute), the real window under Xvfb, a click on
# the customer's Open button, and a screenshot of the page that must show a drawn UI.
# Usage: tests/desktop/customer_page.sh PATH/TO/duebook ARTIFACTS_DIR [DISPLAY_NUMBER]
#   (writes ARTIFACTS_DIR/desktop-customer-page.png; without a display number xvfb-run picks a free one)
set -u
bin=$1
artifacts=$2
display=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=(--db "$work/ledger.sqlite")
seed() { "$bin" "${db[@]}" "$@" >/dev/null || { echo "desktop customer page: seeding failed: $*"; exit 1; }; }
seed init
seed customer add "Hartmann Bau GmbH" --currency EUR --terms "2/10 Net 30" --credit-limit 5000 \
  --billing-name "Jana Hartmann" --billing-email jana@hartmann-bau.test --billing-phone "+49 30 1234567" \
  --escalation-name "Peter Hartmann" --escalation-email peter@hartmann-bau.test
seed invoice add --customer "Hartmann Bau GmbH" --line "Gerüst August;2;600;19" --date 2026-08-03 --issue
seed invoice add --customer "Hartmann Bau GmbH" --line "Gerüst September;1;500;19" --date 2026-09-01 --issue
seed contact log --customer "Hartmann Bau GmbH" --channel phone --person "Jana Hartmann" --outcome promised \
  --notes "pays half next week" --date 2026-10-10 --invoices INV-2026-0001
seed promise add --customer "Hartmann Bau GmbH" --date 2026-10-20 --amount 800 --made 2026-10-10
seed payment add --customer "Hartmann Bau GmbH" --amount 800 --date 2026-10-18 --reference Abschlag
seed dispute open --invoice INV-2026-0002 --reason quality --notes "boards damaged" --date 2026-10-25

cat > "$work/inner.sh" <<INNER
"$bin" --db "$work/ledger.sqlite" & app=\$!
for i in \$(seq 1 100); do
  xwininfo -root -tree 2>/dev/null | grep -q '"Duebook"' && break
  sleep 0.1
done
sleep 1.5
kill -0 \$app 2>/dev/null || { echo "desktop customer page: the program exited early"; exit 1; }
# The Dashboard is the first tab, then Today: the Customers tab, at 1280x800.
python3 "$here/xclick.py" 214 49 || exit 1
sleep 1
import -window root "$work/list.png" || exit 1
# The Open button of the first (only) row of the customers list, at 1280x800.
python3 "$here/xclick.py" 806 136 || exit 1
sleep 1.5
import -window root "$artifacts/desktop-customer-page.png" || exit 1
cp "$work/list.png" "$artifacts/desktop-customers-list.png"
kill \$app; wait \$app 2>/dev/null
exit 0
INNER
if [ -n "$display" ]; then xvfb_args=(-n "$display"); else xvfb_args=(-a); fi
xvfb-run "${xvfb_args[@]}" -s "-screen 0 1280x800x24" bash "$work/inner.sh" ||
  { echo "desktop customer page: 0 passed, 1 failed"; exit 1; }
colours=$(convert "$artifacts/desktop-customer-page.png" -format %k info:)
if [ "${colours:-0}" -lt 16 ]; then
  echo "desktop customer page: screenshot has only $colours colours"
  echo "desktop customer page: 0 passed, 1 failed"
  exit 1
fi
# The page replaced the list: most of the screen changed (an open that failed leaves it as it was).
changed=$(compare -metric AE "$artifacts/desktop-customers-list.png" "$artifacts/desktop-customer-page.png" null: 2>&1)
if ! [ "${changed%%.*}" -ge 50000 ] 2>/dev/null; then
  echo "desktop customer page: only $changed pixels changed after Open: the page did not open"
  echo "desktop customer page: 0 passed, 1 failed"
  exit 1
fi
echo "desktop customer page: screenshot $artifacts/desktop-customer-page.png with $colours colours"
echo "desktop customer page: 1 passed, 0 failed"
