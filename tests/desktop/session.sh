# Shared by the desktop tests that drive the window under Xvfb (sourced, not run): the work folder, the demo
# ledger, the inner script's first lines (the facts file, `ui` and `shot`, the app started with its traps, ready)
# and the run under Xvfb with the screenshots' check.

# desktop_setup NAME DEFAULT_SERVER BIN ARTIFACTS [SERVER]: sets name, bin, artifacts, server (SERVER, else
# $DUEBOOK_XVFB_SERVER, else DEFAULT_SERVER), here, work (removed on exit) and db.
desktop_setup() {
  name=$1
  bin=$3
  artifacts=$4
  server=${5:-${DUEBOOK_XVFB_SERVER:-$2}}
  here=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
  mkdir -p "$artifacts"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  db="$work/ledger.sqlite"
}

# desktop_fixture_demo: the demo fixture (tests/fixtures/demo: three dozen customers, two years) imported into $db.
desktop_fixture_demo() {
  local demo="$here/../fixtures/demo"
  "$bin" --db "$db" init >/dev/null &&
    "$bin" --db "$db" import --invoices "$demo/invoices.csv" >/dev/null &&
    "$bin" --db "$db" import --payments "$demo/payments.csv" >/dev/null ||
    { echo "desktop $name: import failed"; exit 1; }
}

# inner_start: the inner script's first lines. `shot SUFFIX` saves $artifacts/desktop-NAME-SUFFIX.png (SUFFIX ""
# for the first); a failure saves the screen and the facts as desktop-NAME-failed.*.
inner_start() {
  cat <<PRE
set -eE
facts="$work/facts.json"
ui() { python3 "$here/xui.py" "\$facts" "\$@"; }
shot() { sleep 0.6; import -window root "$artifacts/desktop-$name\$1.png"; }
DUEBOOK_TEST_FACTS="\$facts" "$bin" --db "$db" & app=\$!
trap 'kill \$app 2>/dev/null' EXIT
trap 'import -window root "$artifacts/desktop-$name-failed.png"; cp "\$facts" "$artifacts/desktop-$name-failed.json"' ERR
for i in \$(seq 1 100); do [ -s "\$facts" ] && break; sleep 0.1; done
ui wait 's.get("ready") is True' 20
PRE
}

# desktop_run SHOT...: runs $work/inner.sh under Xvfb at 1280×800, checks that each $artifacts/SHOT.png shows
# more than a blank screen, and prints the summary line.
desktop_run() {
  xvfb-run -n "$server" -s "-screen 0 1280x800x24" bash "$work/inner.sh" ||
    { echo "desktop $name: 0 passed, 1 failed"; exit 1; }
  local shot colours list=""
  for shot in "$@"; do
    colours=$(convert "$artifacts/$shot.png" -format %k info:)
    if [ "${colours:-0}" -lt 16 ]; then
      echo "desktop $name: $shot.png has only $colours colours"
      echo "desktop $name: 0 passed, 1 failed"
      exit 1
    fi
    list="$list $artifacts/$shot.png"
  done
  echo "desktop $name: screenshots$list"
  echo "desktop $name: 1 passed, 0 failed"
}
