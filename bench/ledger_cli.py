#!/usr/bin/env python3
"""Times ledger-cli computing the receivable balance per customer as of a date on a generated journal.

Usage: ledger_cli.py JOURNAL AS_OF RUNS   -> prints {"median_ms", "runs_ms", "accounts"} as JSON.
"""
import datetime
import json
import subprocess
import sys
import time


def main():
    journal, as_of, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    end = (datetime.date.fromisoformat(as_of) + datetime.timedelta(days=1)).isoformat()  # --end is exclusive
    cmd = ["ledger", "-f", journal, "--end", end, "balance", "^Assets:Receivable", "--flat", "--no-total"]
    times, accounts = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        times.append((time.perf_counter() - start) * 1000)
        accounts = sum(1 for line in out.splitlines() if "Assets:Receivable:" in line)
    version = subprocess.run(["ledger", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print(json.dumps({"median_ms": sorted(times)[len(times) // 2], "runs_ms": times, "accounts": accounts,
                      "version": version}))


if __name__ == "__main__":
    main()
