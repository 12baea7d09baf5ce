// Shared filter flags of the read commands (events, counts, brief, export):
// --actor --with --role --country --region --place --from --to --within
// --type --status --text --article --min-confidence, turned into the named
// parameters of timeline::ParseQuery (so CLI and HTTP parse the same way). Also
// the read-only store opening the read commands share. Used only from main's
// thread.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "store/store.h"
#include "timeline/query.h"

namespace geotl::cli {

struct FilterFlags {
  std::vector<std::string> actor, with, country, region, type, status;
  std::vector<std::string> article, place;
  std::string role, from, to, text;
  std::string min_confidence;  // as typed; "" = the command's default
  bool within = false;
};

// Adds the filter flags to `app`; the returned struct lives for the program.
FilterFlags* AddFilterFlags(CLI::App* app);

// The flags as query parameters (flag names without dashes).
timeline::Params FilterParams(const FilterFlags& f);

// Opens the store read-only (no lock; works beside a writer). On failure
// prints the one-line error and returns nullptr.
std::unique_ptr<store::Store> OpenStoreForRead(const std::string& db);

// Exit code for a failed query: bad parameter -> usage (2), else 1; prints
// the error.
int ReportQueryError(const core::Status& st);

}  // namespace geotl::cli
