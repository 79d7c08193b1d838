#!/usr/bin/env bash
# Local formats on the desktop, under Xvfb at 1280×720: the demo ledger (tests/fixtures/demo) opened with
# LANG=de_DE.UTF-8 and no locale chosen, so amounts and dates follow the system (de-DE: "6.058,97 USD",
# "31.07.2024") in the invoice list; the reminder template previewed in German; Settings > Formats switching to
# fr-FR and back to the system's. Widgets are found by name in the facts the window writes each frame
# ($DUEBOOK_TEST_FACTS), driven by XTest.
# Usage: tests/desktop/formats.sh PATH/TO/duebook ARTIFACTS_DIR [XVFB_SERVER_NUMBER]
#   (default $DUEBOOK_XVFB_SERVER or 96) writes ARTIFACTS_DIR/desktop-formats-*.png
set -u
. "$(dirname "$0")/session.sh"
desktop_setup formats 96 "$@"
desktop_fixture_demo

# The invoice list's first rows, checked against amounts and dates written here the way `locale` writes them
# (separators from CLDR: de-DE "." and ",", fr-FR U+202F and ","; both put the code after a no-break space).
cat > "$work/rows.py" <<'PY'
import json, sys
facts, locale = sys.argv[1], sys.argv[2]
rows = json.load(open(facts))["state"]["invoice_list"]["rows"][:10]
group, order = {"de-DE": (".", "{d}.{m}.{y}"), "fr-FR": ("\u202f", "{d}/{m}/{y}")}[locale]
bad = 0
for r in rows:
    digits = 0 if r["currency"] == "JPY" else 2  # ISO 4217 minor units of the fixture's currencies
    whole, part = divmod(r["open"], 10 ** digits)
    text = "{:,}".format(whole).replace(",", group) + ("," + "%0*d" % (digits, part) if digits else "")
    text += "\u00a0" + r["currency"]
    y, m, d = r["due"].split("-")
    if r["open_text"] != text or r["due_text"] != order.format(y=y, m=m, d=d):
        print("row %s: %r %r, expected %r %r" % (r["number"], r["open_text"], r["due_text"], text,
                                                order.format(y=y, m=m, d=d)))
        bad += 1
print("%d rows checked in %s, %d wrong" % (len(rows), locale, bad))
sys.exit(1 if bad or not rows else 0)
PY

{
  inner_start | sed "s|DUEBOOK_TEST_FACTS=|LC_ALL= LANG=de_DE.UTF-8 DUEBOOK_TEST_FACTS=|"
  cat <<INNER
ui wait 's.get("locale") == "de-DE"' 10
ui click tab.invoices
ui wait 'len(s["invoice_list"]["rows"]) > 0' 20
python3 "$work/rows.py" "\$facts" de-DE
shot -invoices
ui click tab.templates
ui wait 'len(s["template_editor"]["preview_body"]) > 0' 20
ui click template.language.de
ui wait 's["template_editor"]["language"] == "de" and s["template_editor"]["preview_subject"].startswith("Zahlungserinnerung")' 10
shot -template-de
ui click menu.file
ui click menu.settings
# The window is placed in the frame it appears: a click on its tab that lands on that frame is tried again.
for attempt in 1 2 3 4; do
  sleep 0.5
  ui click settings.tab_formats
  sleep 0.3
  python3 -c 'import json, sys; sys.exit("settings.locale_fr-FR" not in json.load(open(sys.argv[1]))["items"])' "\$facts" && break
done
ui click settings.locale_fr-FR
ui wait 's.get("locale") == "fr-FR"' 10
python3 "$work/rows.py" "\$facts" fr-FR
ui click settings.locale_system
ui wait 's.get("locale") == "de-DE"' 10
shot -settings
INNER
} > "$work/inner.sh"
xvfb-run -n "$server" -s "-screen 0 1280x720x24" bash "$work/inner.sh" ||
  { echo "desktop formats: 0 passed, 1 failed"; exit 1; }
for shot in invoices template-de settings; do
  colours=$(convert "$artifacts/desktop-formats-$shot.png" -format %k info:)
  if [ "${colours:-0}" -lt 16 ]; then
    echo "desktop formats: desktop-formats-$shot.png has only $colours colours"
    echo "desktop formats: 0 passed, 1 failed"
    exit 1
  fi
done
echo "desktop formats: screenshots $artifacts/desktop-formats-{invoices,template-de,settings}.png"
echo "desktop formats: 1 passed, 0 failed"
