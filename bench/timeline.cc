// geotl_bench_timeline --events N: generates N synthetic events, loads them
// into geotl (bulk path) and then into SQLite (the pinned schema of issue 6),
// each side timed on its own, then times five query kinds (1,000 random
// queries each, warm cache, each side's queries back to back) on both,
// checking that both return the same first 100 JSON documents byte for byte.
// Prints {"events":N,"geotl":{...},"sqlite":{...}}; diagnostics go to stderr.
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>
#include <set>

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

Actor MakeActor(const World& w, size_t ci, std::mt19937_64& rng) {
  const auto& c = w.countries[ci];
  Actor a;
  a.text = c.name;
  a.name = c.name;
  a.country = c.alpha3;
  bool gov = rng() % 3 == 0;
  a.code = gov ? c.alpha3 + "GOV" : c.alpha3;
  if (gov) a.sector = "GOV";
  a.kind = ActorKind::kCountry;
  return a;
}

// One synthetic event of ~600 B JSON; article `aid`.
Event MakeEvent(const World& w, std::mt19937_64& rng, const std::string& aid) {
  Event e;
  e.id = "e-" + Hex16(rng);
  const auto& t = EventTypes()[w.type_zipf(rng)];
  e.type = std::string(t.type);
  e.cameo = std::string(t.cameo);
  e.quad = std::string(t.quad);
  e.label = std::string(t.label);
  e.status = EventStatus::kOccurred;
  int y = kFirstYear + int(rng() % kYears), m = 1 + int(rng() % 12);
  int g = int(rng() % 100);
  if (g < 4)
    e.date = DateRange::Year(y, Precision::kApproximate);
  else if (g < 14)
    e.date = DateRange::Month(y, m, Precision::kApproximate);
  else
    e.date = DateRange::Day(Date(y, m, 1 + int(rng() % 28)));
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
  Place p;
  p.country = w.countries[pc].alpha3;
  p.name = w.Sentence(rng, 1);
  p.text = p.name;
  p.precision = PlacePrecision::kCity;
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
  Source s;
  s.article = aid;
  s.url = "https://news.example/" + std::to_string(y) + "/" + aid;
  s.publisher = "Publisher " + std::to_string(rng() % 40);
  s.published = FormatDate(e.date.start);
  s.sentence = int(rng() % 30);
  s.start = rng() % 4000;
  s.end = s.start + 120;
  s.quote = w.Sentence(rng, 18);
  e.sources.push_back(s);
  e.first_reported = s.published;
  return e;
}

int Ymd(Date d) {
  return int(d.year()) * 10000 + int(d.month()) * 100 + int(d.day());
}

// ---------------- SQLite side (pinned schema) ----------------
struct Sqlite {
  sqlite3* db = nullptr;
  sqlite3_stmt *ins_event = nullptr, *ins_idx[4] = {};
  std::string path;
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
  explicit Sqlite(const std::string& p) : path(p) {
    sqlite3_open(p.c_str(), &db);
    Exec("PRAGMA journal_mode=WAL");
    Exec("PRAGMA synchronous=NORMAL");
    Exec("PRAGMA cache_size=-" + std::to_string(kCacheBytes / 1024));
    Exec(
        "CREATE TABLE events(id TEXT PRIMARY KEY, start INT, \"end\" INT, json "
        "TEXT)");
    for (auto t : kIdx)
      Exec(std::string("CREATE TABLE ") + t +
           "(code TEXT, start INT, id TEXT, PRIMARY KEY(code, start, id)) "
           "WITHOUT ROWID");
    ins_event = Prepare("INSERT INTO events VALUES(?1,?2,?3,?4)");
    for (int i = 0; i < 4; ++i)
      ins_idx[i] = Prepare(std::string("INSERT OR IGNORE INTO ") + kIdx[i] +
                           " VALUES(?1,?2,?3)");
  }
  void Insert(const Event& e) {
    // The same renderer as geotl's (the bytes of ToJsonLine, ~10x faster):
    // the baseline is not slowed by building an nlohmann tree per row.
    std::string json = store::RenderJsonLine(e);
    int s = Ymd(e.date.start), en = Ymd(e.date.end);
    sqlite3_bind_text(ins_event, 1, e.id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(ins_event, 2, s);
    sqlite3_bind_int(ins_event, 3, en);
    sqlite3_bind_text(ins_event, 4, json.c_str(), int(json.size()),
                      SQLITE_TRANSIENT);
    sqlite3_step(ins_event);
    sqlite3_reset(ins_event);
    auto idx = [&](int t, const std::string& code) {
      sqlite3_bind_text(ins_idx[t], 1, code.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int(ins_idx[t], 2, s);
      sqlite3_bind_text(ins_idx[t], 3, e.id.c_str(), -1, SQLITE_TRANSIENT);
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
  ~Sqlite() {
    sqlite3_finalize(ins_event);
    for (auto* s : ins_idx) sqlite3_finalize(s);
    sqlite3_close(db);
  }
};

// ---------------- queries ----------------
struct Q {
  std::string a, b;  // actor/region code; second actor or type
  Date from, to;
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
  Json Summary(bool paged) {
    Json j;
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
  std::string dir = "/tmp/geotl-bench-timeline";
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--events") && i + 1 < argc)
      n = std::stoul(argv[++i]);
    else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc)
      dir = argv[++i];
    else if (!std::strcmp(argv[i], "--chunk") && i + 1 < argc)
      chunk = std::stoul(argv[++i]);
    else if (!std::strcmp(argv[i], "--load-only"))
      load_only = true;
    else if (!std::strcmp(argv[i], "--skip-sqlite"))
      skip_sqlite = true;
    else if (!std::strcmp(argv[i], "--reuse"))
      reuse = skip_sqlite = true;
    else {
      std::cerr << "usage: geotl_bench_timeline [--events N] [--dir DIR] "
                   "[--chunk EVENTS_PER_SST_SET] [--load-only] [--skip-sqlite] "
                   "[--reuse]\n"
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
  StoreOptions so;
  so.cache_bytes = kCacheBytes;  // blocks and probed rows, shared
  auto opened = Store::Open(dir + "/geotl.db", so);
  if (!opened.ok()) {
    std::cerr << opened.status().ToString() << "\n";
    return 1;
  }
  std::unique_ptr<Store> store = std::move(opened).value();
  for (const char* f : {"/sqlite.db", "/sqlite.db-wal", "/sqlite.db-shm"})
    fs::remove(dir + f);  // --reuse: a fresh (unused) baseline file
  Sqlite sql(dir + "/sqlite.db");
  auto loader = NewBulkLoader(store.get(), chunk).value();

  // ---- generate every event first, then load each side on its own ----
  // Each side's rate is wall-clock time from its first write until its data
  // is queryable, with the whole machine to itself (the geotl loader writes
  // a chunk's SST files on a background thread while it encodes the next).
  std::mt19937_64 rng(42);
  std::vector<Q> samples;  // event-derived parameters for queries
  std::vector<std::pair<Article, std::vector<Event>>> articles;
  for (size_t made = 0; made < n;) {
    Article a;
    a.id = "a-" + Hex16(rng);
    a.published = Date(2020, 1, 1);
    std::vector<Event> evs;
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
  Clock::duration t_geotl{}, t_sqlite{};
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
    Json j;
    j["events"] = n;
    j["geotl"]["ingest_events_per_s"] =
        std::round(double(n) / std::chrono::duration<double>(t_geotl).count());
    j["loadavg"] = {{"start", load_start}, {"end", LoadAvg()}};
    std::cout << j.dump() << "\n";
    return 0;
  }
  if (!skip_sqlite) {
    auto t0 = Clock::now();
    size_t rows = 0, done = 0;
    sql.Exec("BEGIN");
    for (const auto& [a, evs] : articles) {
      for (const auto& e : evs) sql.Insert(e);
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
    t_sqlite = Clock::now() - t0;
    std::cerr << "\rsqlite: " << Micros(t_sqlite) / 1e6 << " s\n";
  }
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
  sql.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  uint64_t geotl_bytes = store->DiskBytes().value();
  uint64_t sqlite_bytes = fs::file_size(sql.path);
  std::error_code ec;
  if (fs::exists(sql.path + "-wal", ec))
    sqlite_bytes += fs::file_size(sql.path + "-wal");

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
    t.b = std::string(EventTypes()[world.type_zipf(qr)].type);
    qs[2].push_back(t);
    Q d{s.a, s.b, a.from, a.to};
    d.to = d.from + boost::gregorian::days(3650);
    qs[3].push_back(d);
    int y = kFirstYear + int(qr() % (kYears - 9));
    qs[4].push_back({s.a, "", Date(y, 1, 1), Date(y + 9, 12, 31)});
  }
  const char* sql_text[5] = {
      "SELECT e.json FROM idx_actor a JOIN events e ON e.id=a.id WHERE "
      "a.code=?1 AND "
      "a.start BETWEEN ?2 AND ?3 AND e.\"end\">=?4 ORDER BY a.start, "
      "e.\"end\", a.id LIMIT 100",
      "SELECT e.json FROM idx_region a JOIN events e ON e.id=a.id WHERE "
      "a.code=?1 AND "
      "a.start BETWEEN ?2 AND ?3 AND e.\"end\">=?4 ORDER BY a.start, "
      "e.\"end\", a.id LIMIT 100",
      "SELECT e.json FROM idx_actor a JOIN idx_type t ON t.code=?5 AND "
      "t.start=a.start AND "
      "t.id=a.id JOIN events e ON e.id=a.id WHERE a.code=?1 AND a.start "
      "BETWEEN ?2 AND ?3 "
      "AND e.\"end\">=?4 ORDER BY a.start, e.\"end\", a.id LIMIT 100",
      "SELECT e.json FROM idx_actor a JOIN idx_actor b ON b.code=?5 AND "
      "b.start=a.start AND "
      "b.id=a.id JOIN events e ON e.id=a.id WHERE a.code=?1 AND a.start "
      "BETWEEN ?2 AND ?3 "
      "AND e.\"end\">=?4 ORDER BY a.start, e.\"end\", a.id LIMIT 100",
      "SELECT a.start/100, count(*) FROM idx_actor a WHERE a.code=?1 AND "
      "a.start BETWEEN ?2 "
      "AND ?3 GROUP BY 1 ORDER BY 1"};
  Json out_geotl, out_sqlite;
  size_t mismatches = 0, empty = 0;
  // Per kind: geotl's warm-up pass and timed pass, then SQLite's, each side
  // running its 1,000 queries back to back (interleaving the two sides query
  // by query made each one's CPU caches cold for the other); the timed
  // passes' documents are then compared query by query.
  for (int kind = 0; kind < 5; ++kind) {
    sqlite3_stmt* st = sql.Prepare(sql_text[kind]);
    Timing tg, ts;
    std::vector<std::vector<std::string>> g_all(qs[kind].size()),
        s_all(qs[kind].size());
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
    for (int pass = 0; pass < 2 && !skip_sqlite; ++pass) {
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
    for (size_t qi = 0; qi < qs[kind].size(); ++qi) {
      if (!skip_sqlite && g_all[qi] != s_all[qi]) ++mismatches;
      if (g_all[qi].empty()) ++empty;
    }
    sqlite3_finalize(st);
    out_geotl["queries"][kKinds[kind]] = tg.Summary(kind < 4);
    out_sqlite["queries"][kKinds[kind]] = ts.Summary(kind < 4);
  }
  auto rate = [&](Clock::duration d) {
    if (d.count() == 0) return 0.0;
    return std::round(double(n) / std::chrono::duration<double>(d).count());
  };
  Json out;
  out["events"] = n;
  out_geotl["ingest_events_per_s"] = rate(t_geotl);
  out_geotl["bytes_per_event"] =
      std::round(double(geotl_bytes) / double(n) * 10) / 10;
  out_sqlite["ingest_events_per_s"] = rate(t_sqlite);
  out_sqlite["bytes_per_event"] =
      std::round(double(sqlite_bytes) / double(n) * 10) / 10;
  Json g, s;  // key order: ingest, bytes, queries
  for (auto* pair : {&g, &s}) {
    Json& src = pair == &g ? out_geotl : out_sqlite;
    (*pair)["ingest_events_per_s"] = src["ingest_events_per_s"];
    (*pair)["bytes_per_event"] = src["bytes_per_event"];
    (*pair)["queries"] = src["queries"];
  }
  out["geotl"] = g;
  out["sqlite"] = s;
  out["loadavg"] = {{"start", load_start}, {"end", LoadAvg()}};
  std::cout << out.dump() << "\n";
  std::cerr << "queries compared: " << 5 * kQueries
            << ", mismatches: " << mismatches << ", empty results: " << empty
            << "\n";
  return mismatches ? 1 : 0;
}
