// The CLI's reporter (cli/reporter.h) on a captured stream: the text of each
// kind of line, the progress line erased before any other, and the count of
// problems.
#include "cli/reporter.h"

#include <catch2/catch.hpp>
#include <sstream>

namespace geotl::cli {
namespace {

TEST_CASE("reporter: a problem names its item's file and line", "[cli]") {
  std::ostringstream err;
  Reporter r(err, false);
  r.Problem("mixed/a.ndjson:2", "missing 'published'");
  r.Problem("<stdin>:5: malformed JSON");
  CHECK(err.str() ==
        "mixed/a.ndjson:2: missing 'published'\n"
        "<stdin>:5: malformed JSON\n");
}

TEST_CASE("reporter: informational lines as they are, errors after geotl:",
          "[cli]") {
  std::ostringstream err;
  Reporter r(err, false);
  r.Info("loaded 3 events of 2 articles");
  r.Error("cannot write out.ndjson");
  CHECK(err.str() ==
        "loaded 3 events of 2 articles\n"
        "geotl: cannot write out.ndjson\n");
  CHECK(r.problems() == 0);
}

TEST_CASE("reporter: counts problems, not errors or informational lines",
          "[cli]") {
  std::ostringstream err;
  Reporter r(err, false);
  r.Problem("a.txt:1", "invalid UTF-8");
  r.Error("a.txt: no such file or directory");
  r.Problem("b.ndjson:7: malformed JSON");
  r.Info("ingested 0 articles");
  CHECK(r.problems() == 2);
}

TEST_CASE("reporter: the progress line is erased before any other line",
          "[cli]") {
  std::ostringstream err;
  Reporter r(err, true);
  r.ShowProgress("ingest: 10 articles");
  r.ShowProgress("ingest: 20 articles");
  r.Problem("a.ndjson:3", "empty text");
  CHECK(err.str() ==
        "\r\033[Kingest: 10 articles"
        "\r\033[Kingest: 20 articles"
        "\r\033[Ka.ndjson:3: empty text\n");
  // Erased once: the next line follows as it is.
  err.str("");
  r.Error("stopped");
  CHECK(err.str() == "geotl: stopped\n");
  r.ShowProgress("load: compacting");
  r.ClearProgress();
  r.ClearProgress();
  CHECK(err.str() == "geotl: stopped\n\r\033[Kload: compacting\r\033[K");
}

TEST_CASE("reporter: no progress line when the stream is no terminal",
          "[cli]") {
  std::ostringstream err;
  Reporter r(err, false);
  r.StartProgress();
  CHECK_FALSE(r.ProgressDue());
  r.ShowProgress("ingest: 10 articles");
  r.ClearProgress();
  r.Info("done");
  CHECK(err.str() == "done\n");
}

}  // namespace
}  // namespace geotl::cli
