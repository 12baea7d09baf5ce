// BuildGazetteer: GeoNames' cities500.txt (tab-separated, 19 columns) and
// the admin1/admin2 name lists (JSON arrays of {code, name}, codes
// "CC.A1" / "CC.A1.A2") -> the gazetteer file (gazetteer_format.h). Runs
// at build time (geotl_gazetteer_compile); pure apart from the files.
#pragma once

#include <string>

#include "core/status.h"

namespace geotl::geo {

struct GazetteerSources {
  std::string cities;  // cities500.txt
  std::string admin1;  // admin1.json
  std::string admin2;  // admin2.json
  uint32_t min_population =
      0;  // cities500 already holds places >= 500 and division seats
};

struct GazetteerBuildStats {
  size_t places = 0, admins = 0, keys = 0, bytes = 0;
};

core::Result<GazetteerBuildStats> BuildGazetteer(const GazetteerSources& src,
                                                 const std::string& out_path);

}  // namespace geotl::geo
