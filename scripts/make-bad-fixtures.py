#!/usr/bin/env python3
"""Writes tests/fixtures/bad/: malformed import files, one case each, and cases.tsv, the table the bad-input
test (tests/cli/bad_inputs.sh) reads: file, what to import it as, the exit code expected and a pattern the error
must contain (file:row:field). Run it again after changing a case; the files are committed."""
import os

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "bad")
H = "InvoiceNo,Customer,InvoiceDate,DueDate,Terms,ItemDescription,ItemQuantity,ItemRate,ItemAmount,Currency"
P = "Date,Customer,Amount,Currency,Reference,Method"
GOOD = "7001,Acme Ltd,2026-01-15,,Net 30,Work,1,10.00,10.00,EUR"
cases = []  # (name, kind, bytes, exit, pattern)


def inv(name, rows, pattern, header=H, code=3):
    cases.append((name, "invoices", (header + "\n" + "\n".join(rows) + "\n").encode(), code, pattern))


def pay(name, rows, pattern, header=P, code=3):
    cases.append((name, "payments", (header + "\n" + "\n".join(rows) + "\n").encode(), code, pattern))


def raw(name, kind, data, pattern, code=3):
    cases.append((name, kind, data, code, pattern))


# Contradicting rows of one invoice (an invoice has one currency, date, due date, terms, customer).
inv("mixed_currency", [GOOD, "7001,Acme Ltd,2026-01-15,,Net 30,More,1,40.00,40.00,USD"], ":3:Currency: ")
inv("mixed_invoice_date", [GOOD, "7001,Acme Ltd,2026-01-16,,Net 30,More,1,5.00,5.00,EUR"], ":3:InvoiceDate: ")
inv("mixed_due_date", ["7001,Acme Ltd,2026-01-15,2026-02-14,,Work,1,10.00,10.00,EUR",
                       "7001,Acme Ltd,2026-01-15,2026-03-14,,More,1,5.00,5.00,EUR"], ":3:DueDate: ")
inv("mixed_terms", [GOOD, "7001,Acme Ltd,2026-01-15,,Net 60,More,1,5.00,5.00,EUR"], ":3:Terms: ")
inv("mixed_customer", [GOOD, "7001,Other Co,2026-01-15,,Net 30,More,1,5.00,5.00,EUR"], ":3:Customer: ")
inv("rows_not_consecutive", [GOOD, "7002,Acme Ltd,2026-01-15,,Net 30,X,1,1.00,1.00,EUR",
                             "7001,Acme Ltd,2026-01-15,,Net 30,Y,1,1.00,1.00,EUR"], ":4:InvoiceNo: ")
# The header.
inv("duplicate_customer_column", ["7001,Acme Ltd,2026-01-15,,Net 30,Work,1,10.00,10.00,EUR,Beta"],
    ":1:Customer: the column appears twice", header=H + ",Customer")
inv("duplicate_amount_column", ["7001,Acme Ltd,2026-01-15,,Net 30,Work,1,10.00,10.00,EUR,99.00"],
    ":1:ItemAmount: the column appears twice", header=H + ",ItemAmount")
inv("no_invoice_column", ["Acme Ltd,2026-01-15,,Net 30,Work,1,10.00,10.00,EUR"], ":1:InvoiceNo: ",
    header=H.replace("InvoiceNo,", ""))
inv("no_customer_column", ["7001,2026-01-15,,Net 30,Work,1,10.00,10.00,EUR"], ":1:Customer: ",
    header=H.replace("Customer,", ""))
inv("no_date_column", ["7001,Acme Ltd,,Net 30,Work,1,10.00,10.00,EUR"], ":1:InvoiceDate: ",
    header=H.replace("InvoiceDate,", ""))
inv("no_amount_column", ["7001,Acme Ltd,2026-01-15,,Net 30,Work,1,10.00,EUR"], ":1:ItemAmount: ",
    header=H.replace("ItemAmount,", ""))
inv("header_only", [], "no invoice rows")
raw("empty_file", "invoices", b"", "empty")
# Control characters and encodings.
inv("nul_in_customer", ["7001,Acme\x00Ltd,2026-01-15,,Net 30,Work,1,10.00,10.00,EUR"],
    ":2:Customer: contains the control character U\\+0000")
inv("escape_in_description", ["7001,Acme Ltd,2026-01-15,,Net 30,Wo\x1b[31mrk,1,10.00,10.00,EUR"],
    ":2:ItemDescription: contains the control character U\\+001B")
inv("bell_in_number", ["70\x0701,Acme Ltd,2026-01-15,,Net 30,Work,1,10.00,10.00,EUR"],
    ":2:InvoiceNo: contains the control character U\\+0007")
inv("del_in_terms", ["7001,Acme Ltd,2026-01-15,,Net\x7f 30,Work,1,10.00,10.00,EUR"],
    ":2:Terms: contains the control character U\\+007F")
raw("c1_control", "invoices", (H + "\n7001,Acme Ltd,2026-01-15,,Net 30,Wo\u0085rk,1,10.00,10.00,EUR\n").encode(),
    ":2:ItemDescription: contains the control character U\\+0085")
raw("latin1_text", "invoices", (H + "\n7001,Caf\xe9 Ltd,2026-01-15,,Net 30,Work,1,10.00,10.00,EUR\n").encode("latin-1"),
    ":2:Customer: is not UTF-8")
raw("utf16_no_bom", "invoices", (H + "\n" + GOOD + "\n").encode("utf-16-le"), "UTF-16 text without a byte-order mark")
raw("utf16_odd_bytes", "invoices", b"\xff\xfe" + (H + "\n").encode("utf-16-le") + b"x", "odd number of bytes")
raw("utf16_lone_surrogate", "invoices", b"\xff\xfe" + (H + "\n").encode("utf-16-le") + b"\x00\xd8a\x00",
    "lone surrogate")
inv("unclosed_quote", ['7001,"Acme Ltd,2026-01-15,,Net 30,Work,1,10.00,10.00,EUR'], "quote")
# Values.
inv("net_minus_five", ["7001,Acme Ltd,2026-01-15,,Net -5,Work,1,10.00,10.00,EUR"], ":2:Terms: .*negative")
inv("terms_unreadable", ["7001,Acme Ltd,2026-01-15,,Pay whenever,Work,1,10.00,10.00,EUR"], ":2:Terms: ")
inv("terms_discount_too_long", ["7001,Acme Ltd,2026-01-15,,2/40 Net 30,Work,1,10.00,10.00,EUR"], ":2:Terms: ")
inv("bad_date", ["7001,Acme Ltd,2026-13-01,,Net 30,Work,1,10.00,10.00,EUR"], ":2:InvoiceDate: ")
inv("feb_30", ["7001,Acme Ltd,2026-02-30,,Net 30,Work,1,10.00,10.00,EUR"], ":2:InvoiceDate: ")
inv("due_before_issue", ["7001,Acme Ltd,2026-01-15,2026-01-01,,Work,1,10.00,10.00,EUR"], ":2:DueDate: ")
inv("bad_due_date", ["7001,Acme Ltd,2026-01-15,tomorrow,,Work,1,10.00,10.00,EUR"], ":2:DueDate: ")
inv("empty_customer", ["7001,,2026-01-15,,Net 30,Work,1,10.00,10.00,EUR"], ":2:Customer: is empty")
inv("empty_number", [",Acme Ltd,2026-01-15,,Net 30,Work,1,10.00,10.00,EUR"], ":2:InvoiceNo: is empty")
inv("long_number", ["7" * 65 + ",Acme Ltd,2026-01-15,,Net 30,Work,1,10.00,10.00,EUR"], ":2:InvoiceNo: ")
inv("empty_description", ["7001,Acme Ltd,2026-01-15,,Net 30,,1,10.00,10.00,EUR"], ":2:ItemDescription: ")
inv("amount_words", ["7001,Acme Ltd,2026-01-15,,Net 30,Work,1,10.00,ten,EUR"], ":2:ItemAmount: ")
inv("amount_too_precise", ["7001,Acme Ltd,2026-01-15,,Net 30,Work,1,10.00,10.001,EUR"], ":2:ItemAmount: ")
inv("amount_wrong_product", ["7001,Acme Ltd,2026-01-15,,Net 30,Work,2,10.00,25.00,EUR"], ":2:ItemAmount: ")
inv("amount_ambiguous_grouping", ['7001,Acme Ltd,2026-01-15,,Net 30,Work,1,"1,5","1,5",EUR'], ":2:ItemRate: ")
inv("amount_bad_grouping", ['7001,Acme Ltd,2026-01-15,,Net 30,Work,1,"10,00.00","10,00.00",EUR'], ":2:ItemRate: ")
inv("quantity_words", ["7001,Acme Ltd,2026-01-15,,Net 30,Work,two,10.00,20.00,EUR"], ":2:ItemQuantity: ")
inv("rate_missing", ["7001,Acme Ltd,2026-01-15,,Net 30,Work,2,,20.00,EUR"], ":2:ItemRate: ")
inv("amount_huge", ["7001,Acme Ltd,2026-01-15,,Net 30,Work,1000000000,99999999999.00,99999999999000000000.00,EUR"],
    ":2:Item")
inv("negative_total", ["7001,Acme Ltd,2026-01-15,,Net 30,Refund,1,-10.00,-10.00,EUR"], ":2:ItemAmount: .*credit note")
inv("currency_unknown", ["7001,New Co,2026-01-15,,Net 30,Work,1,10.00,10.00,EUR0"], ":2:Currency: ")
inv("currency_not_customers", ["7001,Acme Ltd,2026-01-15,,Net 30,Work,1,10.00,10.00,USD"], ":2:Currency: ")
inv("number_taken", ["1001,Acme Ltd,2026-01-15,,Net 30,Work,1,10.00,10.00,EUR"], ":2:InvoiceNo: .*already exists")
inv("customer_name_control", ["7001,New\x0bCo,2026-01-15,,Net 30,Work,1,10.00,10.00,EUR"],
    ":2:Customer: contains the control character U\\+000B")
# QuickBooks' tax columns: a taxed line is never booked untaxed.
TH = H + ",Taxable,TaxRate,ItemTaxCode,ItemTaxAmount"
inv("tax_code_without_rate", [GOOD + ",,,TAX,"], ":2:ItemTaxCode: .*tax code", header=TH)
inv("taxable_without_rate", [GOOD + ",Y,,,"], ":2:Taxable: ", header=TH)
inv("tax_rate_words", [GOOD + ",Y,twenty,,"], ":2:TaxRate: ", header=TH)
inv("tax_rate_over_100", [GOOD + ",Y,150%,,"], ":2:TaxRate: ", header=TH)
inv("tax_rate_not_taxable", [GOOD + ",N,20,,"], ":2:TaxRate: ", header=TH)
inv("tax_amount_wrong", [GOOD + ",Y,20%,,3.00"], ":2:ItemTaxAmount: .*2.00", header=TH)
# Payments.
pay("pay_unknown_customer", ["2026-02-01,Nobody Ltd,10.00,EUR,,"], ":2:Customer: no customer")
pay("pay_empty_customer", ["2026-02-01,,10.00,EUR,,"], ":2:Customer: is empty")
pay("pay_bad_date", ["2026-02-31,Acme Ltd,10.00,EUR,,"], ":2:Date: ")
pay("pay_zero", ["2026-02-01,Acme Ltd,0.00,EUR,,"], ":2:Amount: must be more than zero")
pay("pay_negative", ["2026-02-01,Acme Ltd,-5.00,EUR,,"], ":2:Amount: ")
pay("pay_words", ["2026-02-01,Acme Ltd,five,EUR,,"], ":2:Amount: ")
pay("pay_wrong_currency", ["2026-02-01,Acme Ltd,10.00,USD,,"], ":2:Currency: ")
pay("pay_too_precise", ["2026-02-01,Acme Ltd,10.001,EUR,,"], ":2:Amount: ")
pay("pay_nul_reference", ["2026-02-01,Acme Ltd,10.00,EUR,10\x0001,"], ":2:Reference: contains the control")
pay("pay_duplicate_amount", ["2026-02-01,Acme Ltd,10.00,EUR,,,20.00"], ":1:Amount: the column appears twice",
    header=P + ",Amount")
pay("pay_no_amount_column", ["2026-02-01,Acme Ltd,EUR,,"], ":1:Amount: ", header="Date,Customer,Currency,Reference,Method")
pay("pay_header_only", [], "no payment rows")
pay("pay_other_customers_invoice", ["2026-02-01,Acme Ltd,5.00,EUR,1002,"], ":2:Reference: names invoice 1002, which is Beta Ltd's")
pay("pay_missing_series_invoice", ["2026-02-01,Acme Ltd,5.00,EUR,INV-2026-0099,"], ":2:Reference: .*does not exist")
pay("pay_long_method", ["2026-02-01,Acme Ltd,10.00,EUR,," + "m" * 101], ":2:Method: ")

# Ledger files (.duebook, docs/ledger-file.md). The reader checks each event's hash, so the cases are built with
# real hashes (the same as store/events.cpp's event_hash) and then damaged in one place each.
import hashlib
import json

ZERO = "0" * 64


def event_hash(e):
    parts = [e["prev_hash"], str(e["seq"]), e["id"], str(e["at_ms"]), e["actor"], e["type"], str(e["action"]),
             e["action_kind"], str(e["action_target"]), e["label"], e["payload"]]
    return hashlib.sha256("".join(p + "\x1f" for p in parts).encode()).hexdigest()


def event(seq, prev, payload, type_="customer.added", label="Add customer Zed Ltd"):
    e = {"seq": seq, "id": "01KDWZZZZZZZZZZZZZZZZZZZ%02d" % seq, "at_ms": 1767225600000, "actor": "test",
         "type": type_, "action": seq, "action_kind": "do", "action_target": 0, "label": label,
         "prev_hash": prev, "payload": payload}
    e["hash"] = event_hash(e)
    return e


def line(e):
    keys = ["seq", "id", "at_ms", "actor", "type", "action", "action_kind", "action_target", "label", "prev_hash",
            "hash", "payload"]
    return json.dumps({k: e[k] for k in keys}, separators=(",", ":"), ensure_ascii=False)


def ledger_file(events, **manifest):
    body = "".join(line(e) + "\n" for e in events)
    m = {"format": "duebook-ledger", "version": "1.0", "min_reader": "1.0", "program": "Duebook",
         "program_version": "0.1.0", "ledger_id": events[0]["id"] if events else "", "scope": "whole",
         "selection": "", "source_events": len(events), "events": len(events),
         "first_hash": events[0]["hash"] if events else "", "last_hash": events[-1]["hash"] if events else "",
         "anchor": "", "content_sha256": hashlib.sha256(body.encode()).hexdigest()}
    m.update(manifest)
    return (json.dumps(m, separators=(",", ":")) + "\n" + body).encode()


def led(name, data, pattern, code=3):
    cases.append((name + ".duebook", "ledger", data, code, pattern))


ZED = '{"id":1,"name":"Zed Ltd"}'
e1 = event(1, ZERO, ZED)
e2 = event(2, e1["hash"], '{"id":2,"name":"Yak Ltd"}', label="Add customer Yak Ltd")
good = ledger_file([e1, e2])
led("ledger_other_ledger", good, "shares no history with this ledger")
edited = dict(e1, payload='{"id":1,"name":"Evil Ltd"}')
led("ledger_tampered_payload", ledger_file([edited, e2]), ":2: event 1: its hash does not match its contents")
relinked = event(2, "f" * 64, e2["payload"])
led("ledger_broken_link", ledger_file([e1, relinked]), ":3: event 2: its link to event 1 is broken")
led("ledger_gap", ledger_file([e1, event(3, e1["hash"], e2["payload"])]), ":3: event 3: event 2 is missing")
led("ledger_newer_major", ledger_file([e1, e2], version="2.0"), ":1: written in ledger file format 2.0")
led("ledger_newer_reader", ledger_file([e1, e2], version="1.2", min_reader="1.1"), ":1: this file needs a reader of format 1.1")
led("ledger_not_manifest", b"InvoiceNo,Customer\n", ":1: the first line is not a ledger file manifest")
led("ledger_empty", b"", "the file is empty")
led("ledger_cut_short", good[:good.rindex(b"\n", 0, len(good) - 1) + 1], "the file was cut short")
led("ledger_line_added", good + line(event(3, e2["hash"], '{"id":3,"name":"X"}')).encode() + b"\n",
    ":4: more event lines than the manifest's count")
led("ledger_content_changed", good.replace(b'"seq":2,', b'"seq": 2,'), "the content hash does not match")
deep = event(1, ZERO, '{"a":' * 40 + "1" + "}" * 40)
led("ledger_deep_payload", ledger_file([deep]), ":2: event 1: payload nests deeper than 32 levels")
led("ledger_bad_kind", ledger_file([dict(e1, action_kind="maybe")]), ":2: event 1: action_kind \"maybe\"")

os.makedirs(here, exist_ok=True)
for f in os.listdir(here):
    os.remove(os.path.join(here, f))
with open(os.path.join(here, "cases.tsv"), "w") as t:
    t.write("# file\tkind\texit\tpattern (grep -E) the error must contain; written by scripts/make-bad-fixtures.py\n")
    for name, kind, data, code, pattern in cases:
        file = name if "." in name else name + ".csv"
        with open(os.path.join(here, file), "wb") as f:
            f.write(data)
        t.write(f"{file}\t{kind}\t{code}\t{pattern}\n")
print(f"{len(cases)} cases in {os.path.normpath(here)}")
