#!/usr/bin/env python3
"""Balances of a journal as of a day, as the real tool computes them.

Usage: journal_balances.py TOOL FILE AS_OF AGING.json [CUSTOMER=ACCOUNT-COMPONENT]...
TOOL is hledger, ledger or beancount. Reads each receivable and customer-credit account's balance per
commodity on AS_OF (inclusive) as the tool computes it (hledger's and ledger's balance reports, beancount's own
loader), and compares it with `duebook report aging --format json` of that day: Assets:Receivable:<customer>
equals the customer's total, Liabilities:Customer credit:<customer> minus its unapplied credit, exactly.
Prints every difference and exits 1 on any, or when the tool reports an error.
"""
import csv
import datetime
import io
import subprocess
import sys
from decimal import Decimal


def next_day(day):
    return (datetime.date.fromisoformat(day) + datetime.timedelta(days=1)).isoformat()


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0 or r.stderr.strip():
        sys.stderr.write(f"{cmd[0]} failed ({r.returncode}): {r.stderr}")
        sys.exit(1)
    return r.stdout


def hledger(path, as_of):
    # -e is exclusive: the day after as_of. --flat: each account on its own; -N: no total line.
    text = run(["hledger", "-f", path, "balance", "--flat", "-N", "-e", next_day(as_of), "-O", "csv",
                "--layout=bare", "^Assets:Receivable", "^Liabilities"])
    rows = []
    for record in list(csv.reader(io.StringIO(text)))[1:]:  # header: account, commodity, balance
        account, commodity, amount = record
        if Decimal(amount) != 0:
            rows.append((account, commodity, Decimal(amount)))
    return rows


def ledger(path, as_of):
    """Per account, one balance per commodity: ledger limited to each commodity the file uses in turn."""
    import re
    with open(path) as f:
        used = sorted(set(re.findall(r"^commodity (\S+)$", f.read(), re.M)))
    rows = []
    for commodity in used:
        text = run(["ledger", "-f", path, "--end", next_day(as_of), "--limit", f'commodity == "{commodity}"',
                    "balance", "--flat", "--no-total", "--balance-format",
                    "%(account)\t%(quantity(scrub(display_total)))\n", "^Assets:Receivable", "^Liabilities"])
        for line in text.splitlines():
            account, quantity = line.split("\t")
            if quantity and Decimal(quantity) != 0:
                rows.append((account, commodity, Decimal(quantity)))
    return rows


def beancount(path, as_of):
    from beancount import loader
    from beancount.core import data
    entries, errors, _ = loader.load_file(path)
    if errors:
        for e in errors:
            sys.stderr.write(f"beancount: {e.source.get('lineno')}: {e.message}\n")
        sys.exit(1)
    day = datetime.date.fromisoformat(as_of)
    sums = {}
    for entry in entries:
        if isinstance(entry, data.Transaction) and entry.date <= day:
            for p in entry.postings:
                key = (p.account, p.units.currency)
                sums[key] = sums.get(key, Decimal(0)) + p.units.number
    return [(a, c, n) for (a, c), n in sorted(sums.items()) if n != 0 and
            (a.startswith("Assets:Receivable") or a.startswith("Liabilities"))]


def expected(aging_path, names, credit_account):
    """The aging's per-customer total (receivable) and minus its unapplied credit (customer credit)."""
    import json
    with open(aging_path) as f:
        report = json.load(f)
    rows = {}
    for section in report["by_currency"]:
        for c in section["customers"]:
            component = names.get(c["name"], c["name"])
            for account, amount in ((f"Assets:Receivable:{component}", Decimal(c["total"])),
                                    (f"{credit_account}:{component}", -Decimal(c["unapplied_credit"]))):
                if amount != 0:
                    rows[(account, section["currency"])] = amount
    return rows


def main():
    args = sys.argv[1:]
    tool, path, as_of, aging_path = args[:4]
    names = dict(a.split("=", 1) for a in args[4:])
    got = {(a, c): n for a, c, n in {"hledger": hledger, "ledger": ledger, "beancount": beancount}[tool](
        path, as_of)}
    credit = "Liabilities:Customer-Credit" if tool == "beancount" else "Liabilities:Customer credit"
    want = expected(aging_path, names, credit)
    bad = 0
    for key in sorted(set(got) | set(want)):
        g, w = got.get(key, Decimal(0)), want.get(key, Decimal(0))
        if g != w:
            bad += 1
            print(f"{tool} {as_of}: {key[0]} {key[1]}: journal {g}, aging {w}")
    if bad:
        sys.exit(1)
    print(f"{tool} {as_of}: {len(want)} balances equal the aging")


main()
