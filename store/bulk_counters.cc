#include "store/bulk_counters.h"

#include <algorithm>
#include <cstring>

#include "store/key_codec.h"
#include "store/rocks_store.h"

namespace geotl::store {
namespace {

using Packed = BulkCounters::Packed;
constexpr size_t kMaxCode = BulkCounters::kMaxCode;
constexpr size_t kGran = 1 + kMaxCode, kBucket = kGran + 1, kType = kBucket + 4,
                 kStatus = kType + 1;

bool Less(const Packed& x, const Packed& y) {
  return std::memcmp(x.b, y.b, sizeof x.b) < 0;
}
bool Same(const Packed& x, const Packed& y) {
  return std::memcmp(x.b, y.b, sizeof x.b) == 0;
}

uint32_t Bucket(const Packed& p) {
  return GetBE32(reinterpret_cast<const char*>(p.b + kBucket));
}
void SetBucket(Packed* p, uint32_t v) {
  p->b[kBucket] = uint8_t(v >> 24);
  p->b[kBucket + 1] = uint8_t(v >> 16);
  p->b[kBucket + 2] = uint8_t(v >> 8);
  p->b[kBucket + 3] = uint8_t(v);
}

// The CounterKey bytes of a packed key.
std::string Unpack(const Packed& p) {
  std::string k;
  k.reserve(sizeof p.b);
  k.push_back(char(p.b[0]));
  for (size_t i = 1; i <= kMaxCode && p.b[i]; ++i) k.push_back(char(p.b[i]));
  k.push_back('\0');
  k.append(reinterpret_cast<const char*>(p.b + kGran), sizeof p.b - kGran);
  return k;
}

// year*12+month-1 of a DayKey, by the civil-from-days calculation on the
// proleptic Gregorian calendar (days since 1970-01-01 = DayKey - 1,000,000).
uint32_t MonthOfDay(uint32_t day_key) {
  int64_t z = int64_t(day_key) - 1000000 + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  int64_t y = yoe + era * 400 + (m <= 2);
  return uint32_t(y * 12 + m - 1);
}

// Sorted (key, count) runs of a vector of keys.
std::vector<std::pair<Packed, int64_t>> Runs(std::vector<Packed>* keys) {
  std::sort(keys->begin(), keys->end(), Less);
  std::vector<std::pair<Packed, int64_t>> runs;
  for (const Packed& k : *keys) {
    if (!runs.empty() && Same(runs.back().first, k))
      ++runs.back().second;
    else
      runs.emplace_back(k, 1);
  }
  return runs;
}

}  // namespace

void BulkCounters::AddPlanned(std::string_view key) {
  if (!key.empty()) {
    char dim = key[0];
    size_t nul = key.find('\0', 1);
    bool counted_dim = dim == 'A' || dim == 'a' || dim == 'c' || dim == 'r';
    if (counted_dim && nul != std::string_view::npos && key.size() == nul + 8 &&
        nul - 1 <= kMaxCode) {
      char gran = key[nul + 1];
      if (gran == 'm' || gran == 'n' || gran == 'T') return;  // derived
      if (gran == 'd') {
        Packed p{};
        p.b[0] = uint8_t(dim);
        std::memcpy(p.b + 1, key.data() + 1, nul - 1);
        std::memcpy(p.b + kGran, key.data() + nul + 1, 7);
        days_.push_back(p);
        return;
      }
    }
  }
  other_[std::string(key)] += 1;
}

void BulkCounters::Clear() {
  days_.clear();
  days_.shrink_to_fit();
  other_.clear();
}

core::Status BulkCounters::Write(rocksdb::SstFileWriter* w) {
  auto day_runs = Runs(&days_);
  days_.clear();
  days_.shrink_to_fit();
  // Month, month-all-types and total counters of every day run, as
  // PlanEvent plans them (weighted by the run's count).
  std::vector<std::pair<Packed, int64_t>> derived;
  derived.reserve(day_runs.size() * 3);
  for (const auto& [k, n] : day_runs) {
    uint32_t month = MonthOfDay(Bucket(k));
    Packed m = k;
    m.b[kGran] = 'm';
    SetBucket(&m, month);
    derived.emplace_back(m, n);
    Packed t = k;
    t.b[kGran] = 'T';
    SetBucket(&t, 0);
    derived.emplace_back(t, n);
    Packed a = m;
    a.b[kGran] = 'n';
    a.b[kType] = kAllTypes;
    derived.emplace_back(a, n);
  }
  std::sort(derived.begin(), derived.end(), [](const auto& x, const auto& y) {
    return Less(x.first, y.first);
  });
  std::vector<std::pair<Packed, int64_t>> all;
  all.reserve(day_runs.size() + derived.size());
  {
    size_t i = 0, j = 0;
    auto push = [&](const std::pair<Packed, int64_t>& r) {
      if (!all.empty() && Same(all.back().first, r.first))
        all.back().second += r.second;
      else
        all.push_back(r);
    };
    while (i < day_runs.size() || j < derived.size()) {
      if (j == derived.size() ||
          (i < day_runs.size() && Less(day_runs[i].first, derived[j].first)))
        push(day_runs[i++]);
      else
        push(derived[j++]);
    }
  }
  day_runs = {};
  derived = {};
  // Merge with the other keys in key order.
  auto other = other_.begin();
  for (const auto& [k, n] : all) {
    std::string key = Unpack(k);
    for (; other != other_.end() && other->first < key; ++other)
      RETURN_IF_ERROR(FromRocks(
          w->Merge(other->first, CounterOperand(other->second)), "write SST"));
    if (other != other_.end() && other->first == key) {  // never, by design
      RETURN_IF_ERROR(FromRocks(
          w->Merge(key, CounterOperand(n + other->second)), "write SST"));
      ++other;
      continue;
    }
    RETURN_IF_ERROR(FromRocks(w->Merge(key, CounterOperand(n)), "write SST"));
  }
  for (; other != other_.end(); ++other)
    RETURN_IF_ERROR(FromRocks(
        w->Merge(other->first, CounterOperand(other->second)), "write SST"));
  other_.clear();
  return core::Status::Ok();
}

}  // namespace geotl::store
