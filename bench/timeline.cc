// geotl_bench_timeline --events N: generates N synthetic events, loads them
// into geotl (bulk path) and into two SQLite baselines (docs/performance.md:
// plain, with index tables in page order and integer event keys, and covering,
// with the event JSON in the actor and region index rows), each timed on its
// own, then times five query kinds (1,000 random queries each, warm cache, each
// side's queries back to back), checking that every side returns the same first
// 100 JSON documents byte for byte and that no SQLite page plan sorts. Prints
// {"events":N,"geotl":{...},"sqlite":{...},"sqlite_covering":{...},
// "comparison":{...}}; diagnostics go to stderr.
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>
#include <set>
#include <unordered_map>

#include "core/event_json.h"
#include "core/ontology.h"
#include "geo/country.h"
#include "store/event_value.h"
#include "store/store.h"
#include "timeline/aggregate.h"
#include "timeline/events.h"

namespace geotl::bench {
namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t kCacheBytes = 256u << 20;
constexpr int kQueries = 1000;
constexpr size_t kPage = 100;  // first page: the first 100 events
constexpr int kFirstYear = 2000, kYears = 25;

double Micros(Clock::duration d) {
  return std::chrono::duration<double, std::micro>(d).count();
}

// Zipf sampler over n items (s = 1.0).
class Zipf {
 public:
  explicit Zipf(size_t n) {
    double sum = 0;
    for (size_t i = 1; i <= n; ++i) cdf_.push_back(sum += 1.0 / double(i));
    for (double& c : cdf_) c /= sum;
  }
  size_t operator()(std::mt19937_64& rng) const {
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return std::min(
        cdf_.size() - 1,
        size_t(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin()));
  }

 private:
  std::vector<double> cdf_;
};

struct World {
  std::vector<geo::Country> countries;  // shuffled: popularity order
  std::vector<std::vector<std::string>> regions;
  std::vector<std::string> words;
  Zipf country_zipf{1}, type_zipf{17};
  World() {
    std::mt19937_64 rng(1);
    for (const auto& c : geo::Countries()) countries.push_back(c);
    std::shuffle(countries.begin(), countries.end(), rng);
    if (countries.size() > 200) countries.resize(200);
    for (const auto& c : countries) regions.push_back(geo::RegionsOf(c.alpha3));
    country_zipf = Zipf(countries.size());
    const char* syl[] = {"ka",  "to",  "ri",  "mu", "sen", "vol", "dar",
                         "ne",  "pli", "gor", "an", "ex",  "tra", "mi",
                         "los", "ber", "quo", "fa", "zu",  "hen"};
    for (int i = 0; i < 2000; ++i) {
      std::string w;
      int n = 1 + (i % 3);
      for (int k = 0, x = i; k <= n; ++k, x /= 20) w += syl[(x + k * 7) % 20];
      words.push_back(w);
    }
  }
  std::string Sentence(std::mt19937_64& rng, int n) const {
    Zipf static_zipf(1);
    std::string s;
    for (int i = 0; i < n; ++i) {
      if (i) s += ' ';
      s += words[std::uniform_int_distribution<size_t>(0,
                                                       words.size() - 1)(rng) %
                 (i % 2 ? words.size() : 300)];
    }
    return s;
  }
};

std::string Hex16(std::mt19937_64& rng) {
  char b[17];
  std::snprintf(b, sizeof b, "%016llx", static_cast<unsigned long long>(rng()));
  return b;
}

core::Actor MakeActor(const World& w, size_t ci, std::mt19937_64& rng) {
  const auto& c = w.countries[ci];
  core::Actor a;
  a.text = c.name;
  a.name = c.name;
  a.country = c.alpha3;
  bool gov = rng() % 3 == 0;
  a.code = gov ? c.alpha3 + "GOV" : c.alpha3;
  if (gov) a.sector = "GOV";
  a.kind = core::ActorKind::kCountry;
  return a;
}

// One synthetic event of ~600 B JSON; article `aid`.
core::Event MakeEvent(const World& w, std::mt19937_64& rng,
                      const std::string& aid) {
  core::Event e;
  e.id = "e-" + Hex16(rng);
  const auto& t = core::EventTypes()[w.type_zipf(rng)];
  e.type = std::string(t.type);
  e.cameo = std::string(t.cameo);
  e.quad = std::string(t.quad);
  e.label = std::string(t.label);
  e.status = core::EventStatus::kOccurred;
  int y = kFirstYear + int(rng() % kYears), m = 1 + int(rng() % 12);
  int g = int(rng() % 100);
  if (g < 4)
    e.date = core::DateRange::Year(y, core::Precision::kApproximate);
  else if (g < 14)
    e.date = core::DateRange::Month(y, m, core::Precision::kApproximate);
  else
    e.date = core::DateRange::Day(core::Date(y, m, 1 + int(rng() % 28)));
  e.date.text = w.Sentence(rng, 2);
  std::set<size_t> used;
  int n = 1 + int(rng() % 3);
  for (int i = 0; i < n; ++i) {
    size_t ci = w.country_zipf(rng);
    if (!used.insert(ci).second) continue;
    (i == 0 || rng() % 2 ? e.actors : e.recipients)
        .push_back(MakeActor(w, ci, rng));
  }
  size_t pc =
      e.actors.empty() || rng() % 4 == 0 ? w.country_zipf(rng) : *used.begin();
  core::Place p;
  p.country = w.countries[pc].alpha3;
  p.name = w.Sentence(rng, 1);
  p.text = p.name;
  p.precision = core::PlacePrecision::kCity;
  p.lat =
      std::round(std::uniform_real_distribution<double>(-60, 70)(rng) * 1e4) /
      1e4;
  p.lon =
      std::round(std::uniform_real_distribution<double>(-180, 180)(rng) * 1e4) /
      1e4;
  p.regions = w.regions[pc];
  e.location = p;
  e.summary = w.Sentence(rng, 12);
  e.language = rng() % 2 ? "en" : "de";
  e.confidence = 0.5 + double(rng() % 5) / 10;
  core::Source s;
  s.article = aid;
  s.url = "https://news.example/" + std::to_string(y) + "/" + aid;
  s.publisher = "Publisher " + std::to_string(rng() % 40);
  s.published = core::FormatDate(e.date.start);
  s.sentence = int(rng() % 30);
  s.start = rng() % 4000;
  s.end = s.start + 120;
  s.quote = w.Sentence(rng, 18);
  e.sources.push_back(s);
  e.first_reported = s.published;
  return e;
}

int Ymd(core::Date d) {
  return int(d.year()) * 10000 + int(d.month()) * 100 + int(d.day());
}

// ---------------- SQLite side (docs/performance.md: the strongest baseline)
// ---------- Two variants with geotl's cache budget. Both: events(id INTEGER
// PRIMARY KEY, ...) so a row costs one B-tree lookup, the integer being the
// rank of the event's text id (so integer order is the text ids' order: the
// same page order as geotl's); index tables WITHOUT ROWID keyed (code, start,
// end, id), so a page streams in index order without a sort; joins on the
// whole key; ANALYZE after the load. `covering`: idx_actor and idx_region
// rows also carry the event JSON, so an actor or region page reads one
// index range and nothing else.
struct Sqlite {
  sqlite3* db = nullptr;
  sqlite3_stmt *ins_event = nullptr, *ins_idx[4] = {};
  std::string path;
  bool covering = false;
  static constexpr const char* kIdx[4] = {"idx_actor", "idx_region",
                                          "idx_country", "idx_type"};

  void Exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::cerr << "sqlite: " << (err ? err : "?") << " in " << sql << "\n";
      std::exit(1);
    }
  }
  sqlite3_stmt* Prepare(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
      std::cerr << "sqlite prepare: " << sqlite3_errmsg(db) << "\n";
      std::exit(1);
    }
    return s;
  }
  bool Covers(int t) const { return covering && t < 2; }
  Sqlite(const std::string& p, bool cover) : path(p), covering(cover) {
    sqlite3_open(p.c_str(), &db);
    // Covering rows hold ~800 B of JSON: with 4 KiB pages a WITHOUT ROWID
    // row over ~1,000 B spills into an overflow page of its own (50k events:
    // 20 kB/event, 11x slower loads); 16 KiB pages keep every row local.
    if (covering) Exec("PRAGMA page_size=16384");
    Exec("PRAGMA journal_mode=WAL");
    Exec("PRAGMA synchronous=NORMAL");
    Exec("PRAGMA cache_size=-" + std::to_string(kCacheBytes / 1024));
    Exec(
        "CREATE TABLE events(id INTEGER PRIMARY KEY, eid TEXT, start INT, "
        "\"end\" INT, json TEXT)");
    for (int t = 0; t < 4; ++t)
      Exec(std::string("CREATE TABLE ") + kIdx[t] +
           "(code TEXT, start INT, \"end\" INT, id INT" +
           (Covers(t) ? ", json TEXT" : "") +
           ", PRIMARY KEY(code, start, \"end\", id)) WITHOUT ROWID");
    ins_event = Prepare("INSERT INTO events VALUES(?1,?2,?3,?4,?5)");
    for (int t = 0; t < 4; ++t)
      ins_idx[t] = Prepare(
          std::string("INSERT OR IGNORE INTO ") + kIdx[t] +
          (Covers(t) ? " VALUES(?1,?2,?3,?4,?5)" : " VALUES(?1,?2,?3,?4)"));
  }
  // `rank`: the event's position in the order of all text ids.
  void Insert(const core::Event& e, int64_t rank) {
    // The same renderer as geotl's (the bytes of ToJsonLine, ~10x faster):
    // the baseline is not slowed by building an nlohmann tree per row.
    std::string json = store::RenderJsonLine(e);
    int s = Ymd(e.date.start), en = Ymd(e.date.end);
    sqlite3_bind_int64(ins_event, 1, rank);
    sqlite3_bind_text(ins_event, 2, e.id.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_int(ins_event, 3, s);
    sqlite3_bind_int(ins_event, 4, en);
    sqlite3_bind_text(ins_event, 5, json.c_str(), int(json.size()),
                      SQLITE_STATIC);
    sqlite3_step(ins_event);
    sqlite3_reset(ins_event);
    auto idx = [&](int t, const std::string& code) {
      sqlite3_bind_text(ins_idx[t], 1, code.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_int(ins_idx[t], 2, s);
      sqlite3_bind_int(ins_idx[t], 3, en);
      sqlite3_bind_int64(ins_idx[t], 4, rank);
      if (Covers(t))
        sqlite3_bind_text(ins_idx[t], 5, json.c_str(), int(json.size()),
                          SQLITE_STATIC);
      sqlite3_step(ins_idx[t]);
      sqlite3_reset(ins_idx[t]);
    };
    for (const auto* v : {&e.actors, &e.recipients})
      for (const auto& a : *v) idx(0, a.country.empty() ? a.code : a.country);
    if (e.location) {
      for (const auto& r : e.location->regions) idx(1, r);
      if (!e.location->country.empty()) idx(2, e.location->country);
    }
    idx(3, e.type);
  }
  // The query of a kind (kKinds order). Pages: ?1 code, ?2..?3 start range
  // (from - longest duration .. to), ?4 from (end >= from), ?5 type or
  // second actor. Every page is ordered by the index key it scans.
  std::string QueryText(int kind) const {
    const std::string key_join =
        "start=a.start AND x.\"end\"=a.\"end\" AND x.id=a.id";
    const std::string where =
        " WHERE a.code=?1 AND a.start BETWEEN ?2 AND ?3 AND a.\"end\">=?4 "
        "ORDER BY a.start, a.\"end\", a.id LIMIT 100";
    const std::string row = " JOIN events e ON e.id=a.id";
    switch (kind) {
      case 0:
        return covering ? "SELECT a.json FROM idx_actor a" + where
                        : "SELECT e.json FROM idx_actor a" + row + where;
      case 1:
        return covering ? "SELECT a.json FROM idx_region a" + where
                        : "SELECT e.json FROM idx_region a" + row + where;
      case 2:
      case 3: {
        std::string other = kind == 2 ? "idx_type" : "idx_actor";
        std::string j =
            " CROSS JOIN " + other + " x ON x.code=?5 AND x." + key_join;
        return covering ? "SELECT a.json FROM idx_actor a" + j + where
                        : "SELECT e.json FROM idx_actor a" + j + row + where;
      }
      default:
        return "SELECT a.start/100, count(*) FROM idx_actor a WHERE "
               "a.code=?1 AND a.start BETWEEN ?2 AND ?3 GROUP BY 1 ORDER BY 1";
    }
  }
  // EXPLAIN QUERY PLAN of `sql`, its rows' details joined with "; ".
  std::string Plan(const std::string& sql) {
    sqlite3_stmt* st = Prepare("EXPLAIN QUERY PLAN " + sql);
    std::string plan;
    while (sqlite3_step(st) == SQLITE_ROW) {
      if (!plan.empty()) plan += "; ";
      plan += reinterpret_cast<const char*>(sqlite3_column_text(st, 3));
    }
    sqlite3_finalize(st);
    return plan;
  }
  uint64_t Bytes() const {
    namespace fs = std::filesystem;
    std::error_code ec;
    uint64_t b = fs::file_size(path);
    if (fs::exists(path + "-wal", ec)) b += fs::file_size(path + "-wal");
    return b;
  }
  ~Sqlite() {
    sqlite3_finalize(ins_event);
    for (auto* s : ins_idx) sqlite3_finalize(s);
    sqlite3_close(db);
  }
};

// ---------------- queries ----------------
struct Q {
  std::string a, b;  // actor/region code; second actor or type
  core::Date from, to;
};

struct Timing {
  std::vector<double> us, full_us;  // all queries; those with a full page
  size_t rows = 0;  // documents (or count rows) returned by the timed pass
  void Add(double v, size_t n, bool full) {
    us.push_back(v);
    if (full) full_us.push_back(v);
    rows += n;
  }
  static double At(std::vector<double>& v, double q) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[std::min(v.size() - 1, size_t(q * v.size()))];
  }
  core::Json Summary(bool paged) {
    core::Json j;
    j["median_us"] = std::round(At(us, 0.5) * 10) / 10;
    j["p99_us"] = std::round(At(us, 0.99) * 10) / 10;
    // Pages of a small store are often not full (a rare actor+type has
    // fewer than 100 events in range), so the latencies of two store sizes
    // are compared together with the mean page returned, and over the
    // queries that filled their page.
    j["mean_rows"] =
        us.empty() ? 0.0 : std::round(double(rows) / us.size() * 10) / 10;
    if (paged) {
      j["full_pages"] = full_us.size();
      j["full_page_median_us"] = std::round(At(full_us, 0.5) * 10) / 10;
    }
    return j;
  }
};

// The 1-minute load average (/proc/loadavg), for the record.
std::string LoadAvg() {
  std::FILE* f = std::fopen("/proc/loadavg", "r");
  if (!f) return "";
  char buf[64] = {};
  if (!std::fgets(buf, sizeof buf, f)) buf[0] = 0;
  std::fclose(f);
  std::string s(buf);
  return s.substr(0, s.find(' '));
}

const char* kKinds[] = {"actor_range", "region_range", "actor_type_range",
                        "dyad_range", "monthly_counts"};

}  // namespace
}  // namespace geotl::bench

int main(int argc, char** argv) {
  using namespace geotl;
  using namespace geotl::bench;
  size_t n = 200000, chunk = 500000;
  bool load_only = false, skip_sqlite = false, reuse = false;
  geotl::store::StoreOptions so;
  int zstd_level = so.settled_zstd_level;
  size_t covering_dict = so.covering_dict_bytes;
  std::string dir = "/tmp/geotl-bench-timeline";
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--events") && i + 1 < argc)
      n = std::stoul(argv[++i]);
    else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc)
      dir = argv[++i];
    else if (!std::strcmp(argv[i], "--chunk") && i + 1 < argc)
      chunk = std::stoul(argv[++i]);
    else if (!std::strcmp(argv[i], "--zstd-level") && i + 1 < argc)
      zstd_level = std::stoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--covering-dict") && i + 1 < argc)
      covering_dict = std::stoul(argv[++i]);
    else if (!std::strcmp(argv[i], "--load-only"))
      load_only = true;
    else if (!std::strcmp(argv[i], "--skip-sqlite"))
      skip_sqlite = true;
    else if (!std::strcmp(argv[i], "--reuse"))
      reuse = skip_sqlite = true;
    else {
      std::cerr
          << "usage: geotl_bench_timeline [--events N] [--dir DIR] "
             "[--chunk EVENTS_PER_SST_SET] [--zstd-level L] [--covering-dict "
             "BYTES] [--load-only] [--skip-sqlite] [--reuse]\n"
             "  --zstd-level, --covering-dict: StoreOptions "
             "settled_zstd_level, covering_dict_bytes (default: "
             "the store's)\n"
             "  --load-only: load geotl only and print its rate (for "
             "profiling the bulk path; no comparison)\n"
             "  --skip-sqlite: geotl only, queries not compared (for "
             "trying layouts; not a result)\n"
             "  --reuse: query the geotl store a --skip-sqlite run of "
             "the same N left in DIR (no load)\n";
      return 2;
    }
  }
  const std::string load_start = LoadAvg();
  namespace fs = std::filesystem;
  if (!reuse) fs::remove_all(dir);
  fs::create_directories(dir);
  World world;
  so.cache_bytes = kCacheBytes;
  so.settled_zstd_level = zstd_level;
  so.covering_dict_bytes = covering_dict;  // blocks and probed rows, shared
  auto opened = store::Store::Open(dir + "/geotl.db", so);
  if (!opened.ok()) {
    std::cerr << opened.status().ToString() << "\n";
    return 1;
  }
  std::unique_ptr<store::Store> store = std::move(opened).value();
  std::vector<std::unique_ptr<Sqlite>> sqls;  // plain, covering
  for (const char* name : {"/sqlite.db", "/sqlite-covering.db"}) {
    for (const char* ext : {"", "-wal", "-shm"})  // --reuse: fresh files
      fs::remove(dir + name + ext);
    if (!skip_sqlite)
      sqls.push_back(std::make_unique<Sqlite>(dir + name, sqls.size() == 1));
  }
  geotl::store::BulkTrace
      trace;  // GEOTL_BULK_TRACE=1: the loader's per-chunk timings
  if (std::getenv("GEOTL_BULK_TRACE"))
    trace = [](const std::string& line) { std::cerr << line << "\n"; };
  auto loader = NewBulkLoader(store.get(), chunk, std::move(trace)).value();

  // ---- generate every event first, then load each side on its own ----
  // Each side's rate is wall-clock time from its first write until its data
  // is queryable, with the whole machine to itself (the geotl loader writes
  // a chunk's SST files on a background thread while it encodes the next).
  std::mt19937_64 rng(42);
  std::vector<Q> samples;  // event-derived parameters for queries
  std::vector<std::pair<core::Article, std::vector<core::Event>>> articles;
  for (size_t made = 0; made < n;) {
    core::Article a;
    a.id = "a-" + Hex16(rng);
    a.published = core::Date(2020, 1, 1);
    std::vector<core::Event> evs;
    size_t k = std::min<size_t>(1 + rng() % 4, n - made);
    for (size_t i = 0; i < k; ++i) evs.push_back(MakeEvent(world, rng, a.id));
    for (const auto& e : evs)
      if (rng() % 50 == 0 && (e.actors.size() + e.recipients.size()) >= 2) {
        std::vector<std::string> cs;
        for (const auto* v : {&e.actors, &e.recipients})
          for (const auto& x : *v) cs.push_back(x.country);
        samples.push_back({cs[0], cs[1], e.date.start, e.date.end});
      }
    made += k;
    articles.emplace_back(std::move(a), std::move(evs));
    if (articles.size() % 50000 == 0 && isatty(2))
      std::cerr << "\rgenerated " << made << " events" << std::flush;
  }
  if (isatty(2)) std::cerr << "\n";
  Clock::duration t_geotl{};
  if (!reuse) {
    auto t0 = Clock::now();
    size_t done = 0;
    for (const auto& [a, evs] : articles) {
      if (auto r = loader->Add(a, evs); !r.ok()) {
        std::cerr << r.status().ToString() << "\n";
        return 1;
      }
      if (++done % 50000 == 0 && isatty(2))
        std::cerr << "\rgeotl: " << done << " articles" << std::flush;
    }
    auto t1 = Clock::now();
    if (auto st = loader->Finish(); !st.ok()) {
      std::cerr << st.ToString() << "\n";
      return 1;
    }
    t_geotl = Clock::now() - t0;
    std::cerr << "\rgeotl: adds " << Micros(t1 - t0) / 1e6 << " s, finish "
              << Micros(Clock::now() - t1) / 1e6 << " s\n";
  }
  if (load_only) {
    core::Json j;
    j["events"] = n;
    j["geotl"]["ingest_events_per_s"] =
        std::round(double(n) / std::chrono::duration<double>(t_geotl).count());
    j["loadavg"] = {{"start", load_start}, {"end", LoadAvg()}};
    std::cout << j.dump() << "\n";
    return 0;
  }
  // SQLite's integer keys: each event's rank in the order of the text ids.
  std::unordered_map<std::string, int64_t> rank;
  if (!skip_sqlite) {
    std::vector<const std::string*> ids;
    for (const auto& [a, evs] : articles)
      for (const auto& e : evs) ids.push_back(&e.id);
    std::sort(ids.begin(), ids.end(),
              [](const auto* x, const auto* y) { return *x < *y; });
    rank.reserve(ids.size());
    for (size_t i = 0; i < ids.size(); ++i) rank.emplace(*ids[i], int64_t(i));
  }
  std::vector<Clock::duration> t_sqlite(sqls.size());
  for (size_t v = 0; v < sqls.size(); ++v) {
    Sqlite& sql = *sqls[v];
    auto t0 = Clock::now();
    size_t rows = 0, done = 0;
    sql.Exec("BEGIN");
    for (const auto& [a, evs] : articles) {
      for (const auto& e : evs) sql.Insert(e, rank.at(e.id));
      rows += evs.size();
      if (rows >= 10000) {  // transactions of 10k rows
        sql.Exec("COMMIT");
        sql.Exec("BEGIN");
        rows = 0;
      }
      if (++done % 50000 == 0 && isatty(2))
        std::cerr << "\rsqlite: " << done << " articles" << std::flush;
    }
    sql.Exec("COMMIT");
    sql.Exec("ANALYZE");
    t_sqlite[v] = Clock::now() - t0;
    std::cerr << "\rsqlite" << (sql.covering ? " covering" : "") << ": "
              << Micros(t_sqlite[v]) / 1e6 << " s (with ANALYZE)\n";
  }
  rank.clear();
  articles.clear();
  articles.shrink_to_fit();
  std::cerr << "loaded " << n << " events\n";
  auto tc = Clock::now();
  if (reuse) {
  } else if (auto st = store->Compact(); !st.ok()) {
    std::cerr << st.ToString() << "\n";
  }
  std::cerr << "geotl: full compaction " << Micros(Clock::now() - tc) / 1e6
            << " s (not part of the ingest rate)\n";
  for (auto& sql : sqls) sql->Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  uint64_t geotl_bytes = store->DiskBytes().value();

  // ---- queries ----
  const int max_dur = 366;  // longest event of the generator (a year)
  std::mt19937_64 qr(7);
  auto rand_range = [&](Q& q) {
    int span = 30 + int(qr() % 1500);
    q.to = q.from + boost::gregorian::days(span);
  };
  std::vector<Q> qs[5];
  for (int i = 0; i < kQueries; ++i) {
    const Q& s = samples[qr() % samples.size()];
    Q a{s.a, "", s.from - boost::gregorian::days(qr() % 400), {}};
    rand_range(a);
    qs[0].push_back(a);
    auto regions = geo::RegionsOf(s.a);
    Q r{regions.empty() ? "142" : regions[qr() % regions.size()], "", a.from,
        a.to};
    qs[1].push_back(r);
    Q t = a;
    t.b = std::string(core::EventTypes()[world.type_zipf(qr)].type);
    qs[2].push_back(t);
    Q d{s.a, s.b, a.from, a.to};
    d.to = d.from + boost::gregorian::days(3650);
    qs[3].push_back(d);
    int y = kFirstYear + int(qr() % (kYears - 9));
    qs[4].push_back({s.a, "", core::Date(y, 1, 1), core::Date(y + 9, 12, 31)});
  }
  core::Json out_geotl, out_sqlite[2];
  size_t mismatches = 0, empty = 0;
  bool plan_sorts = false;
  // Per kind: geotl's warm-up pass and timed pass, then SQLite's, each side
  // running its 1,000 queries back to back (interleaving the two sides query
  // by query made each one's CPU caches cold for the other); the timed
  // passes' documents are then compared query by query.
  for (int kind = 0; kind < 5; ++kind) {
    Timing tg;
    std::vector<std::vector<std::string>> g_all(qs[kind].size());
    for (int pass = 0; pass < 2; ++pass) {  // pass 0 warms the caches
      for (size_t qi = 0; qi < qs[kind].size(); ++qi) {
        const Q& q = qs[kind][qi];
        std::vector<std::string> g_docs;
        auto t0 = Clock::now();
        if (kind < 4) {
          timeline::Query tq;
          (kind == 1 ? tq.regions : tq.actors).push_back(q.a);
          if (kind == 2) tq.types.push_back(q.b);
          if (kind == 3) tq.with.push_back(q.b);
          tq.from = q.from;
          tq.to = q.to;
          tq.limit = kPage;
          auto page = timeline::RunEvents(*store, tq, {.total = false});
          if (!page.ok()) {
            std::cerr << page.status().ToString() << "\n";
            return 1;
          }
          g_docs = std::move(page->events);
        } else {
          timeline::CountsQuery cq;
          cq.filter.actors.push_back(q.a);
          cq.filter.from = q.from;
          cq.filter.to = q.to;
          cq.by = timeline::Bucket::kMonth;
          auto r = timeline::RunCounts(*store, cq);
          if (!r.ok()) return 1;
          for (const auto& row : r->rows)
            if (row.count)
              g_docs.push_back(row.time.substr(0, 7) + "=" +
                               std::to_string(row.count));
        }
        auto t1 = Clock::now();
        if (pass == 1) {
          tg.Add(Micros(t1 - t0), g_docs.size(), g_docs.size() == kPage);
          g_all[qi] = std::move(g_docs);
        }
      }
    }
    for (size_t v = 0; v < sqls.size(); ++v) {
      Sqlite& sql = *sqls[v];
      const std::string text = sql.QueryText(kind);
      const std::string plan = sql.Plan(text);
      // A page plan that sorts reads every match before returning 100: not
      // the strongest SQLite, so the run fails.
      if (kind < 4 &&
          plan.find("USE TEMP B-TREE FOR ORDER BY") != std::string::npos) {
        std::cerr << "sqlite plan sorts (" << kKinds[kind] << "): " << plan
                  << "\n";
        plan_sorts = true;
      }
      sqlite3_stmt* st = sql.Prepare(text);
      Timing ts;
      std::vector<std::vector<std::string>> s_all(qs[kind].size());
      for (int pass = 0; pass < 2; ++pass) {
        for (size_t qi = 0; qi < qs[kind].size(); ++qi) {
          const Q& q = qs[kind][qi];
          std::vector<std::string> s_docs;
          auto t1 = Clock::now();
          sqlite3_bind_text(st, 1, q.a.c_str(), -1, SQLITE_TRANSIENT);
          int lo =
              Ymd(kind < 4 ? q.from - boost::gregorian::days(max_dur) : q.from);
          sqlite3_bind_int(st, 2, lo);
          sqlite3_bind_int(st, 3, Ymd(q.to));
          if (kind < 4) sqlite3_bind_int(st, 4, Ymd(q.from));
          if (kind == 2 || kind == 3)
            sqlite3_bind_text(st, 5, q.b.c_str(), -1, SQLITE_TRANSIENT);
          while (sqlite3_step(st) == SQLITE_ROW) {
            if (kind < 4) {
              s_docs.emplace_back(
                  reinterpret_cast<const char*>(sqlite3_column_text(st, 0)),
                  sqlite3_column_bytes(st, 0));
            } else {
              int ym = sqlite3_column_int(st, 0);
              char b[32];
              std::snprintf(b, sizeof b, "%04d-%02d=%d", ym / 100, ym % 100,
                            sqlite3_column_int(st, 1));
              s_docs.push_back(b);
            }
          }
          sqlite3_reset(st);
          auto t2 = Clock::now();
          if (pass == 1) {
            ts.Add(Micros(t2 - t1), s_docs.size(), s_docs.size() == kPage);
            s_all[qi] = std::move(s_docs);
          }
        }
      }
      sqlite3_finalize(st);
      for (size_t qi = 0; qi < qs[kind].size(); ++qi)
        if (g_all[qi] != s_all[qi]) ++mismatches;
      core::Json j = ts.Summary(kind < 4);
      j["plan"] = plan;
      out_sqlite[v]["queries"][kKinds[kind]] = j;
    }
    for (size_t qi = 0; qi < qs[kind].size(); ++qi)
      if (g_all[qi].empty()) ++empty;
    out_geotl["queries"][kKinds[kind]] = tg.Summary(kind < 4);
  }
  auto rate = [&](Clock::duration d) {
    if (d.count() == 0) return 0.0;
    return std::round(double(n) / std::chrono::duration<double>(d).count());
  };
  core::Json out;
  out["events"] = n;
  core::Json g;  // key order: ingest, bytes, bytes by family, queries
  g["ingest_events_per_s"] = rate(t_geotl);
  g["bytes_per_event"] = std::round(double(geotl_bytes) / double(n) * 10) / 10;
  if (auto fams = store->FamilyBytes(); fams.ok())
    for (const auto& [name, bytes] : *fams)
      g["bytes_per_event_by_family"][name] =
          std::round(double(bytes) / double(n) * 10) / 10;
  g["queries"] = out_geotl["queries"];
  out["geotl"] = g;
  const char* names[2] = {"sqlite", "sqlite_covering"};
  for (size_t v = 0; v < sqls.size(); ++v) {
    core::Json s;
    s["ingest_events_per_s"] = rate(t_sqlite[v]);
    s["bytes_per_event"] =
        std::round(double(sqls[v]->Bytes()) / double(n) * 10) / 10;
    s["queries"] = out_sqlite[v]["queries"];
    out[names[v]] = s;
  }
  // Per kind: geotl against the plain SQLite and against the faster of the
  // two (by median), as ratios SQLite / geotl (> 1: geotl is faster).
  auto ratio = [](const core::Json& s, const core::Json& g, const char* f) {
    double gv = g[f].get<double>();
    return gv > 0 ? std::round(s[f].get<double>() / gv * 100) / 100 : 0.0;
  };
  if (sqls.size() == 2) {
    for (const char* kind : kKinds) {
      const core::Json& gq = out["geotl"]["queries"][kind];
      const core::Json& pq = out["sqlite"]["queries"][kind];
      const core::Json& cq = out["sqlite_covering"]["queries"][kind];
      bool cov_faster =
          cq["median_us"].get<double>() < pq["median_us"].get<double>();
      const core::Json& fq = cov_faster ? cq : pq;
      core::Json c;
      c["vs_plain_median"] = ratio(pq, gq, "median_us");
      c["vs_plain_p99"] = ratio(pq, gq, "p99_us");
      c["faster_sqlite"] = cov_faster ? "sqlite_covering" : "sqlite";
      c["vs_faster_median"] = ratio(fq, gq, "median_us");
      c["vs_faster_p99"] = ratio(fq, gq, "p99_us");
      out["comparison"][kind] = c;
    }
    out["comparison"]["bytes_vs_plain"] =
        std::round(out["geotl"]["bytes_per_event"].get<double>() /
                   out["sqlite"]["bytes_per_event"].get<double>() * 100) /
        100;
  }
  out["loadavg"] = {{"start", load_start}, {"end", LoadAvg()}};
  std::cout << out.dump() << "\n";
  std::cerr << "queries compared: " << 5 * kQueries * sqls.size()
            << ", mismatches: " << mismatches << ", empty results: " << empty
            << (plan_sorts ? ", a SQLite page plan sorts" : "") << "\n";
  return mismatches || plan_sorts ? 1 : 0;
}
