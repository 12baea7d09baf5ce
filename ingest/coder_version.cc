// CoderVersion: the hash that names a coder (Coder::Version()), and the
// shared "what ingest stores" step (CodeForStore).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/sha256.h"
#include "ingest/coder.h"
#include "ingest/rules_hash.h"  // generated (cmake/rules_hash.cmake)

namespace geotl::ingest {
namespace {

namespace fs = std::filesystem;

core::Result<std::string> FileDigest(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Status::IOError("cannot open lexicon " + path);
  std::stringstream buf;
  buf << in.rdbuf();
  return core::Sha256Hex(buf.str());
}

}  // namespace

core::Result<std::string> CoderVersion(const CoderOptions& options) {
  const std::string dir = options.recognizer.lexicon_dir.empty()
                              ? DefaultLexiconDir()
                              : options.recognizer.lexicon_dir;
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return core::Status::NotFound("lexicon directory not found: " + dir);
  // Every lexicons/*.json and lexicons/<lang>/*.json: the recogniser loads
  // the language folders (the time normaliser, triggers, cues, topic and
  // confidence models read some of them again), the coder publishers.json.
  // Relative paths, so a copy of the lexicons elsewhere has the same version.
  std::vector<std::string> files;
  for (const auto& d : fs::directory_iterator(dir, ec)) {
    // Top-level data (publishers.json) and every language folder.
    if (d.is_regular_file() && d.path().extension() == ".json")
      files.push_back(fs::relative(d.path(), dir, ec).generic_string());
    if (!d.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(d.path(), ec))
      if (f.path().extension() == ".json")
        files.push_back(fs::relative(f.path(), dir, ec).generic_string());
  }
  if (ec)
    return core::Status::IOError("cannot list " + dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::string listing = "geotl coder 1\n";
  for (const auto& f : files) {
    ASSIGN_OR_RETURN(std::string h, FileDigest(dir + "/" + f));
    listing += "lexicon " + f + " " + h + "\n";
  }
  // User lexicons by content, in load order (their paths are the user's).
  for (const auto& f : UserLexiconFiles(options.recognizer)) {
    ASSIGN_OR_RETURN(std::string h, FileDigest(f));
    listing += "user " + h + "\n";
  }
  listing += std::string("rules ") + kCoderRulesHash + "\n";
  return core::Sha256Hex(listing).substr(0, 12);
}

void DropBelowConfidence(std::vector<core::Event>* events,
                         double min_confidence) {
  events->erase(std::remove_if(events->begin(), events->end(),
                               [&](const core::Event& e) {
                                 return !core::MeetsMinConfidence(
                                     e.confidence, min_confidence);
                               }),
                events->end());
}

std::vector<core::Event> CodeForStore(const Coder& coder,
                                      core::Article* article,
                                      double min_confidence) {
  article->coder = coder.Version();
  std::vector<core::Event> events = coder.Code(*article);
  DropBelowConfidence(&events, min_confidence);
  return events;
}

}  // namespace geotl::ingest
