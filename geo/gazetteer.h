// Gazetteer: GeoNames populated places of >= 500 people, their alternate
// names, and first- and second-level divisions (admin1/admin2) with their
// names, from the compact table compiled at build time (gazetteer.bin; see
// gazetteer_format.h). Open() maps the file read-only; nothing is parsed at
// run time. An opened Gazetteer is immutable and safe to share across
// threads. GeoNames data: CC BY 4.0, geonames.org.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace geotl::geo {

namespace gzf {
struct Header;
struct PlaceRec;
struct AdminRec;
struct KeyRec;
}  // namespace gzf

// One thing a name can denote: a populated place or an admin division.
struct GazEntry {
  bool admin = false;
  uint32_t index = 0;  // into places or admins
};

struct GazPlace {
  uint32_t geonames_id = 0;
  std::string_view name;  // English GeoNames name
  double lat = 0, lon = 0;
  uint64_t population = 0;
  int admin_level = 0;              // 0: populated place; 1, 2: division
  std::string_view country;         // alpha-3
  std::string_view admin1, admin2;  // names, "" when unknown
  uint32_t admin1_index = 0xffffffffu, admin2_index = 0xffffffffu;
};

class Gazetteer {
 public:
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Maps `path`; an error for a missing, short or foreign file.
  static core::Result<std::shared_ptr<const Gazetteer>> Open(
      const std::string& path);

  // Every entry one of whose names has the key PlaceKey(name) == `key`.
  std::vector<GazEntry> Find(std::string_view key) const;
  GazPlace Get(GazEntry e) const;

  size_t n_places() const;
  size_t n_admins() const;
  size_t n_keys() const;
  size_t file_bytes() const { return size_; }

 private:
  Gazetteer() = default;
  const void* base_ = nullptr;
  size_t size_ = 0;
  const gzf::Header* header_ = nullptr;
  const gzf::PlaceRec* places_ = nullptr;
  const gzf::AdminRec* admins_ = nullptr;
  const gzf::KeyRec* keys_ = nullptr;
  const char* strings_ = nullptr;
};

// <exe>/../share/geotl/gazetteer.bin when it exists, else the build tree's
// (GEOTL_GAZETTEER_FILE), else "gazetteer.bin".
std::string DefaultGazetteerPath();

}  // namespace geotl::geo
