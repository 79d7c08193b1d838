#!/usr/bin/env bash
# The Today tab on the desktop, under Xvfb: a ledger seeded through the CLI with customers at different steps
# of the default policy (counted back from the system's local day), the window opened, the first entry opened
# with the keyboard (Return), screenshots taken.
# Usage: tests/desktop/today.sh PATH/TO/duebook ARTIFACTS_DIR [XVFB_SERVER_NUMBER]  (default $DUEBOOK_XVFB_SERVER or 57)
#   writes ARTIFACTS_DIR/desktop-today.png (the call opened) and desktop-today-email.png (the reminder email)
set -u
bin=$1
artifacts=$2
server=${3:-${DUEBOOK_XVFB_SERVER:-57}}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/ledger.sqlite"
ago() { date -d "-$1 days" +%F; }
run() { "$bin" --db "$db" "$@" >/dev/null || { echo "desktop-today: failed: $*"; exit 1; }; }
run init
run collections company --name "Northwind Supplies Ltd" --sender "Jo Fielding" --phone "+44 161 496 0000" \
  --email "accounts@northwind.example"
run customer add "Acme Ltd" --currency EUR --terms "2/10 Net 30" --billing-name "Pat Billing" \
  --billing-email "pat@acme.example" --billing-phone "+44 20 7946 0000" --escalation-name "Sam Director" \
  --escalation-email "sam@acme.example"
run customer add "Crane & Co" --currency GBP --terms "Net 30" --billing-name "Lee Crane" \
  --billing-email "lee@crane.example" --escalation-name "Morgan Crane" --escalation-email "morgan@crane.example"
run customer add "Bolt GmbH" --currency EUR --terms "Net 30" --billing-name "Kim Bolt" --billing-email "kim@bolt.example"
run customer add "Dune Retail" --currency EUR --terms "Net 30" --billing-name "Ali Dune"
run invoice add --customer "Acme Ltd" --line "Consulting;32;150.00" --date "$(ago 40)" --issue   # call (+7)
run invoice add --customer "Crane & Co" --line "Parts;1;300.00" --date "$(ago 76)" --issue      # senior manager (+45)
run invoice add --customer "Bolt GmbH" --line "Service;1;1000.00" --date "$(ago 31)" --issue    # reminder (+1)
run invoice add --customer "Dune Retail" --line "Stock;1;750.00" --date "$(ago 45)" --issue
run promise add --customer "Dune Retail" --date "$(date -d '+5 days' +%F)" --amount 750.00 --made "$(ago 1)"

cat > "$work/inner.sh" <<INNER
"$bin" --db "$db" & app=\$!
for i in \$(seq 1 100); do
  xwininfo -root -tree 2>/dev/null | grep -q '"Duebook"' && break
  sleep 0.1
done
sleep 1.5
kill -0 \$app 2>/dev/null || { echo "desktop-today: the program exited early"; exit 1; }
# The Dashboard is the first tab: the Today tab beside it, at 1280x800.
python3 "$here/xclick.py" 136 49 || exit 1
sleep 1
python3 "$here/xkeys.py" Return || exit 1
sleep 1
import -window root "$artifacts/desktop-today.png" || exit 1
python3 "$here/xkeys.py" Down Return || exit 1
sleep 1
import -window root "$artifacts/desktop-today-email.png" || exit 1
kill \$app; wait \$app 2>/dev/null
exit 0
INNER
xvfb-run -n "$server" -s "-screen 0 1280x800x24" bash "$work/inner.sh" ||
  { echo "desktop-today: 0 passed, 1 failed"; exit 1; }
# Each screenshot must show a drawn UI, not a blank screen: count distinct colours.
for shot in desktop-today desktop-today-email; do
  colours=$(convert "$artifacts/$shot.png" -format %k info:)
  if [ "${colours:-0}" -lt 16 ]; then
    echo "desktop-today: $shot.png has only $colours colours"
    echo "desktop-today: 0 passed, 1 failed"
    exit 1
  fi
done
echo "desktop-today: screenshots $artifacts/desktop-today.png $artifacts/desktop-today-email.png"
echo "desktop-today: 1 passed, 0 failed"
