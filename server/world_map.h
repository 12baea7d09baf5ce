// The dashboard's world map: Natural Earth's 1:110m admin-0 countries as
// TopoJSON (npm world-atlas, countries-110m.json, pinned in
// package-lock.json; Natural Earth is public domain), embedded in the binary
// at build time by cmake/embed_world_map.cmake and served at kWorldMapPath,
// so the map needs neither a tile server nor the network. Empty when the
// build found no node_modules/world-atlas (CMake warned): the dashboard then
// draws no map. Immutable; thread-safe.
#pragma once

#include <string_view>

namespace geotl::server {

inline constexpr std::string_view kWorldMapPath = "/countries-110m.json";

std::string_view WorldMapTopoJson();

}  // namespace geotl::server
