// geotl_gazetteer_compile CITIES500_TXT ADMIN1_JSON ADMIN2_JSON OUT: the
// build step that writes gazetteer.bin (geo/gazetteer_build.h).
#include <cstdio>

#include "geo/gazetteer_build.h"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr,
                 "usage: geotl_gazetteer_compile cities500.txt admin1.json "
                 "admin2.json out.bin\n");
    return 2;
  }
  geotl::geo::GazetteerSources src;
  src.cities = argv[1];
  src.admin1 = argv[2];
  src.admin2 = argv[3];
  auto r = geotl::geo::BuildGazetteer(src, argv[4]);
  if (!r.ok()) {
    std::fprintf(stderr, "geotl_gazetteer_compile: %s\n",
                 r.status().ToString().c_str());
    return 1;
  }
  std::printf("{\"places\":%zu,\"admins\":%zu,\"keys\":%zu,\"bytes\":%zu}\n",
              r->places, r->admins, r->keys, r->bytes);
  return 0;
}
