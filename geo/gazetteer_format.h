// The gazetteer file (gazetteer.bin), written by BuildGazetteer() at build
// time and mapped by Gazetteer::Open(). Little-endian, fixed-size records,
// every section 8-byte aligned; layout in docs/gazetteer.md. Internal to
// geo/ and its tests.
#pragma once

#include <cstdint>

namespace geotl::geo::gzf {

inline constexpr char kMagic[8] = {'G', 'E', 'O', 'T', 'L', 'G', 'Z', '1'};
inline constexpr uint32_t kNone = 0xffffffffu;

struct Header {
  char magic[8];
  uint32_t n_places, n_admins, n_keys, strings_size;
  // Byte offsets of the sections from the start of the file.
  uint64_t places, admins, keys, strings;
};

// A populated place (GeoNames feature class P, population >= 500).
struct PlaceRec {
  uint32_t geonames_id;
  uint32_t name;  // offset into strings (NUL-terminated UTF-8)
  float lat, lon;
  uint32_t population;
  uint32_t admin1, admin2;  // indices into admins, or kNone
  char country[4];          // alpha-3, NUL-padded
};

// A first- or second-level division (GeoNames admin1/admin2 codes).
struct AdminRec {
  uint32_t name;        // offset into strings
  uint32_t parent;      // admin2: its admin1 (or kNone); admin1: kNone
  float lat, lon;       // of its most populous listed place
  uint64_t population;  // sum over its listed places
  uint8_t level;        // 1 or 2
  char country[4];
  uint8_t pad[3];
};

// One name of a place or division; sorted by (hash, target).
struct KeyRec {
  uint64_t hash;    // PlaceKeyHash(PlaceKey(name))
  uint32_t target;  // bit 31: admin; low bits: index into places / admins
  uint32_t pad;
};
inline constexpr uint32_t kAdminBit = 0x80000000u;

}  // namespace geotl::geo::gzf
