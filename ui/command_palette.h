// The command palette (Ctrl+K): type to find any screen, the main actions, a customer or an invoice, ranked
// by how well the words match; Up/Down move, Enter goes, Esc closes. Screens, customers and invoices are
// reached through Navigation; actions the app itself owns (import, export, settings, undo) come back as a
// PaletteAction for the app to carry out.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "navigation.h"

namespace duebook::ui {

class Queries;

// What the palette asks the app to do.
enum class PaletteAction {
  None,
  Import,
  ExportInvoices,
  ExportLedger,
  Settings,
  Undo,
  Redo,
  BackToToday,
  ToggleTheme
};

// One result row.
struct PaletteEntry {
  std::string label;          // what is shown and matched ("Customer: Acme Ltd" shows as "Acme Ltd")
  std::string kind;           // "Screen", "Action", "Customer", "Invoice"
  std::string detail;         // shown dimmed beside it (an invoice's customer and open amount)
  int score = 0;              // match_score of the query against the label
  const char* tab = nullptr;  // a screen: the tab to show
  PaletteAction action = PaletteAction::None;  // an action the app carries out
  int64_t customer_id = 0;                     // a customer to open
  int64_t invoice_id = 0;                      // an invoice to open
  bool pay = false;                            // open the payment form
  int collect = -1;                            // a screen of the Collect tab (CollectScreen); -1 = none
  int report = -1;                             // a report of the Reports tab (a ReportKind) to show
};

struct CommandPaletteState {
  bool open = false;                           // drawn this frame
  bool focus = false;                          // put the keyboard in the query field on the next draw
  std::string query;                           // what was typed
  int cursor = 0;                              // the highlighted row
  PaletteAction action = PaletteAction::None;  // set when the user chose an app action; the app clears it
  // The rows for the query, found again only when it or the ledger changes.
  std::string cache_query;
  int64_t cache_revision = -1;
  std::vector<PaletteEntry> entries;
};

// How well `query` matches `text`, case-insensitively (ASCII letters): -1 no match; else higher is better —
// the whole text, then a prefix, a word's start, anywhere, then the letters in order with gaps (fuzzy).
int match_score(std::string_view query, std::string_view text);

// Opens the palette with an empty query (Ctrl+K).
void open_command_palette(CommandPaletteState& state);

// Draws the palette when open. A choice closes it and sets `nav` (screens, customers, invoices) or
// state.action.
void draw_command_palette(Queries& queries, CommandPaletteState& state, Navigation& nav);

// Facts for end-to-end tests, as JSON text: {"open", "query", "cursor", "entries": [{"label", "kind"}]}.
std::string command_palette_facts(const CommandPaletteState& state);

}  // namespace duebook::ui
