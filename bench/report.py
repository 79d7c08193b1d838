#!/usr/bin/env python3
"""Prints the benchmark table and writes report.json from the per-size JSON files in OUT.

Usage: report.py OUT SIZE...
"""
import json
import os
import platform
import subprocess
import sys

MEASURES = ["import_invoices", "import_payments", "load_snapshot", "aging", "aging_5_years_back",
            "aging_with_drilldown", "invoice_page", "statement_largest_customer", "forecast_13_weeks"]


def load(path):
    with open(path) as f:
        return json.load(f)


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def main():
    out, sizes = sys.argv[1], sys.argv[2:]
    report = {"machine": {"cpu": cpu_name(), "cores": os.cpu_count(), "node": subprocess.run(
        ["node", "--version"], capture_output=True, text=True).stdout.strip()}, "sizes": {}}
    for n in sizes:
        native, wasm = load(f"{out}/native-{n}.json"), load(f"{out}/wasm-{n}.json")
        ledger = load(f"{out}/ledger-{n}.json")
        rows = {}
        print(f"\n{int(n):,} invoices ({native['customers']:,} customers), database "
              f"{native['db_bytes'] / 1e6:.1f} MB from {native['csv_bytes'] / 1e6:.1f} MB of CSV")
        print(f"{'measure':<30}{'native ms':>12}{'wasm ms':>12}{'wasm/native':>13}")
        for name in MEASURES:
            a, b = native[name]["median_ms"], wasm[name]["median_ms"]
            rows[name] = {"native_ms": a, "wasm_ms": b, "ratio": b / a if a else None}
            print(f"{name:<30}{a:>12.2f}{b:>12.2f}{(b / a if a else 0):>13.2f}")
        speedup = ledger["median_ms"] / native["aging"]["median_ms"]
        print(f"{'ledger-cli balance per customer':<30}{ledger['median_ms']:>12.0f}"
              f"   -> Duebook aging is {speedup:,.0f}x faster ({ledger['version']})")
        report["sizes"][n] = {"measures": rows, "native": native, "wasm": wasm, "ledger_cli": ledger,
                              "aging_speedup_vs_ledger": speedup}
    with open(f"{out}/report.json", "w") as f:
        json.dump(report, f, indent=2)
    print(f"\nwrote {out}/report.json")


if __name__ == "__main__":
    main()
