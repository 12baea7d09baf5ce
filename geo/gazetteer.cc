#include "geo/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "geo/gazetteer_format.h"
#include "geo/place_key.h"

namespace geotl::geo {

Gazetteer::~Gazetteer() {
  if (base_) munmap(const_cast<void*>(base_), size_);
}

core::Result<std::shared_ptr<const Gazetteer>> Gazetteer::Open(
    const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return core::Status::IOError("cannot open gazetteer " + path);
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size < (off_t)sizeof(gzf::Header)) {
    ::close(fd);
    return core::Status::Corruption("gazetteer too short: " + path);
  }
  void* p = mmap(nullptr, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED)
    return core::Status::IOError("cannot map gazetteer " + path);
  std::shared_ptr<Gazetteer> g(new Gazetteer());
  g->base_ = p;
  g->size_ = static_cast<size_t>(st.st_size);
  const char* b = static_cast<const char*>(p);
  g->header_ = reinterpret_cast<const gzf::Header*>(b);
  const gzf::Header& h = *g->header_;
  if (std::memcmp(h.magic, gzf::kMagic, 8) != 0)
    return core::Status::Corruption("not a geotl gazetteer: " + path);
  auto fits = [&](uint64_t off, uint64_t bytes) {
    return off <= g->size_ && bytes <= g->size_ - off;
  };
  if (!fits(h.places, uint64_t{h.n_places} * sizeof(gzf::PlaceRec)) ||
      !fits(h.admins, uint64_t{h.n_admins} * sizeof(gzf::AdminRec)) ||
      !fits(h.keys, uint64_t{h.n_keys} * sizeof(gzf::KeyRec)) ||
      !fits(h.strings, h.strings_size) || h.strings_size == 0 ||
      b[h.strings + h.strings_size - 1] != '\0')
    return core::Status::Corruption("gazetteer sections out of range: " + path);
  g->places_ = reinterpret_cast<const gzf::PlaceRec*>(b + h.places);
  g->admins_ = reinterpret_cast<const gzf::AdminRec*>(b + h.admins);
  g->keys_ = reinterpret_cast<const gzf::KeyRec*>(b + h.keys);
  g->strings_ = b + h.strings;
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

size_t Gazetteer::n_places() const { return header_->n_places; }
size_t Gazetteer::n_admins() const { return header_->n_admins; }
size_t Gazetteer::n_keys() const { return header_->n_keys; }

std::vector<GazEntry> Gazetteer::Find(std::string_view key) const {
  std::vector<GazEntry> out;
  if (key.empty()) return out;
  const uint64_t h = PlaceKeyHash(key);
  const gzf::KeyRec* end = keys_ + header_->n_keys;
  const gzf::KeyRec* it = std::lower_bound(
      keys_, end, h,
      [](const gzf::KeyRec& k, uint64_t v) { return k.hash < v; });
  for (; it != end && it->hash == h; ++it) {
    GazEntry e;
    e.admin = (it->target & gzf::kAdminBit) != 0;
    e.index = it->target & ~gzf::kAdminBit;
    if (e.admin ? e.index >= header_->n_admins : e.index >= header_->n_places)
      continue;
    if (!out.empty() && out.back().admin == e.admin &&
        out.back().index == e.index)
      continue;
    out.push_back(e);
  }
  return out;
}

GazPlace Gazetteer::Get(GazEntry e) const {
  GazPlace p;
  auto str = [&](uint32_t off) -> std::string_view {
    return off < header_->strings_size ? std::string_view(strings_ + off)
                                       : std::string_view();
  };
  auto admin_name = [&](uint32_t i) -> std::string_view {
    return i < header_->n_admins ? str(admins_[i].name) : std::string_view();
  };
  if (e.admin) {
    const gzf::AdminRec& a = admins_[e.index];
    p.name = str(a.name);
    p.lat = a.lat;
    p.lon = a.lon;
    p.population = a.population;
    p.admin_level = a.level;
    p.country = std::string_view(a.country, strnlen(a.country, 4));
    if (a.level == 1) {
      p.admin1_index = e.index;
    } else {
      p.admin2_index = e.index;
      p.admin1_index = a.parent;
    }
  } else {
    const gzf::PlaceRec& r = places_[e.index];
    p.geonames_id = r.geonames_id;
    p.name = str(r.name);
    p.lat = r.lat;
    p.lon = r.lon;
    p.population = r.population;
    p.country = std::string_view(r.country, strnlen(r.country, 4));
    p.admin1_index = r.admin1;
    p.admin2_index = r.admin2;
  }
  p.admin1 = admin_name(p.admin1_index);
  p.admin2 = admin_name(p.admin2_index);
  return p;
}

std::string DefaultGazetteerPath() {
  std::error_code ec;
  std::filesystem::path exe =
      std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    std::filesystem::path installed =
        exe.parent_path().parent_path() / "share" / "geotl" / "gazetteer.bin";
    if (std::filesystem::exists(installed, ec)) return installed.string();
  }
#ifdef GEOTL_GAZETTEER_FILE
  return GEOTL_GAZETTEER_FILE;
#else
  return "gazetteer.bin";
#endif
}

}  // namespace geotl::geo
