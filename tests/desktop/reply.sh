#!/usr/bin/env bash
# The customer's reply file on the desktop, both sides, under Xvfb, through the window as a user would. The
# business's books are seeded by the CLI; its customer page's "Statement file to answer" writes the statement to
# the download folder. The customer, in its own (empty) books, opens that file by its path in the Ledger file
# window, answers the first invoice with a promise and saves a reply file, nothing entering its books. The
# business opens the reply the same way, sees it, and records it; the CLI then finds the promise in the books.
# Widgets are found by name in the facts the window writes each frame ($DUEBOOK_TEST_FACTS), driven by XTest.
# Usage: tests/desktop/reply.sh PATH/TO/duebook ARTIFACTS_DIR [XVFB_SERVER_NUMBER]
#   (default $DUEBOOK_XVFB_SERVER or 91) writes ARTIFACTS_DIR/desktop-reply-*.png
set -u
. "$(dirname "$0")/session.sh"
desktop_setup reply 91 "$@"
books=$db
own="$work/own.sqlite"
d() { "$bin" --db "$books" "$@" >/dev/null || { echo "desktop reply: $* failed"; exit 1; }; }
day() { date -u -d "$1 days" +%F; }
d init
d collections company --name "Nordlicht Studio" --email accounts@nordlicht.example --iban "DE89 3704 0044 0532 0130 00"
d customer add "Acme Ltd" --currency EUR --terms "Net 30"
d invoice add --customer "Acme Ltd" --line "Design;1;1200.00;0" --date "$(day -60)" --issue
d invoice add --customer "Acme Ltd" --line "Print run;1;300.00;0" --date "$(day -45)" --issue
"$bin" --db "$own" init >/dev/null || { echo "desktop reply: init of the customer's books failed"; exit 1; }
promise_day=$(day 14)
mkdir -p "$work/dl"

cat > "$work/inner.sh" <<INNER
set -eE
facts="$work/facts.json"
ui() { python3 "$here/xui.py" "\$facts" "\$@"; }
shot() { sleep 0.6; import -window root "$artifacts/desktop-reply-\$1.png"; }
saved() { for i in \$(seq 1 100); do ls "$work/dl/"\$1 >/dev/null 2>&1 && return 0; sleep 0.1; done; return 1; }
start() {
  rm -f "\$facts"
  XDG_DOWNLOAD_DIR="$work/dl" DUEBOOK_TEST_FACTS="\$facts" "$bin" --db "\$1" 2>>"$artifacts/desktop-reply.log" &
  app=\$!
  for i in \$(seq 1 100); do [ -s "\$facts" ] && break; sleep 0.1; done
  ui wait 's.get("ready") is True' 20
}
stop() { kill \$app; wait \$app 2>/dev/null || true; }
open_file() {
  ui click menu.file
  ui click menu.ledger_file
  ui type ledger_file.path "\$1"
  ui click ledger_file.open
}
trap 'kill \$app 2>/dev/null || true' EXIT
trap 'import -window root "$artifacts/desktop-reply-failed.png"; cp "\$facts" "$artifacts/desktop-reply-failed.json"' ERR

# The business hands over the statement file.
start "$books"
ui click tab.customers
ui click "customers.open.Acme Ltd"
ui wait 's["customer_page"]["id"] > 0'
ui click customer_page.statement_file
saved 'statement-Acme-Ltd-*.duebook'
stop
mv "$work"/dl/statement-Acme-Ltd-*.duebook "$work/statement.duebook"

# The customer answers it in its own books.
start "$own"
open_file "$work/statement.duebook"
ui wait 's["reply"]["side"] == "statement" and s["reply"]["invoices"] == 2'
# A combo opens on the click the window sees (the first may only bring the window forward): once more if not.
ui click reply.answer.0
ui click reply.answer.0.promise || { ui keys Escape; ui click reply.answer.0; ui click reply.answer.0.promise; }
ui type reply.answer.0.date "$promise_day"
ui type reply.answer.0.amount "500.00"
ui type reply.person "Dana Roth"
shot customer-view
ui click reply.save
saved 'reply-Acme-Ltd-*.duebook'
ui wait 's["reply"]["saved"] != "" and s["invoices"] == 0'
stop
mv "$work"/dl/reply-Acme-Ltd-*.duebook "$work/reply.duebook"

# The business records it.
start "$books"
open_file "$work/reply.duebook"
ui wait 's["reply"]["side"] == "reply" and len(s["reply"]["items"]) == 1 and s["reply"]["refused"] == ""'
shot business-view
ui click reply.record
ui wait 's["reply"]["recorded"] is True' 5 ||
  { ui click reply.record || true; ui wait 's["reply"]["recorded"] is True' 20; }
stop
# The promise is in the business's books; the customer's own books hold no invoice.
"$bin" --db "$books" --format json promise list > "$work/promises.json"
grep -q '"amount": "500.00"' "$work/promises.json"
grep -q '"pay_by": "$promise_day"' "$work/promises.json"
[ "\$("$bin" --db "$own" invoice list | grep -c INV- || true)" = 0 ]
INNER
desktop_run desktop-reply-customer-view desktop-reply-business-view
