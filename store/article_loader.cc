// The batched dedup loader (store.h ArticleLoader): articles are checked and
// encoded as PutArticle does (RocksStore::PrepareArticle) and committed in
// batches through the one dedup write (RocksStore::WriteArticles, which
// recomputes the union of the batch's neighbourhoods once). A batch never
// holds one id twice: an article whose id, or one of whose event ids (new
// or stored), is already pending commits the batch first, so the batch
// equals its articles written one after the other. The evidence the batches
// read and write stays decoded in memory between batches.
#include <memory>
#include <set>

#include "store/rocks_store.h"

namespace geotl::store {
namespace {

// Decoded evidence records kept between batches (store/evidence_cache.h):
// a few KB each, so at most a few hundred MB.
constexpr size_t kCachedEvidence = 100000;

class RocksArticleLoader final : public ArticleLoader {
 public:
  RocksArticleLoader(RocksStore* store, size_t batch_articles,
                     size_t batch_events)
      : store_(store),
        batch_articles_(batch_articles),
        batch_events_(batch_events) {
    std::lock_guard<std::mutex> lock(store_->write_mu());
    store_->KeepEvidenceCache(kCachedEvidence);
  }
  ~RocksArticleLoader() override {
    std::lock_guard<std::mutex> lock(store_->write_mu());
    store_->KeepEvidenceCache(0);
  }

  core::Result<PutResult> Add(const core::Article& article,
                              const std::vector<core::Event>& events) override {
    if (!store_->dedup()) return store_->PutArticle(article, events);
    auto owned = std::make_unique<Pending>();
    owned->events = events;
    std::lock_guard<std::mutex> lock(store_->write_mu());
    // A pending version of the article (or of an event id) is committed
    // first: the new one is compared with, and replaces, what it wrote.
    bool pending = ids_.count(article.id) > 0;
    for (const core::Event& e : events)
      pending = pending || ids_.count(e.id) > 0;
    if (pending) RETURN_IF_ERROR(CommitLocked());
    ASSIGN_OR_RETURN(owned->prepared,
                     store_->PrepareArticle(article, owned->events));
    if (owned->prepared.unchanged) return PutResult{false, events.size()};
    if (owned->prepared.old)
      for (const auto& id : owned->prepared.old->event_ids)
        if (ids_.count(id)) {
          RETURN_IF_ERROR(CommitLocked());
          break;
        }
    const PreparedArticle& p = owned->prepared;
    ids_.insert(p.article.id);
    for (const core::Event& e : owned->events) ids_.insert(e.id);
    if (p.old)
      for (const auto& id : p.old->event_ids) ids_.insert(id);
    pending_events_ += events.size();
    pending_.push_back(std::move(owned));
    if (pending_.size() >= batch_articles_ || pending_events_ >= batch_events_)
      RETURN_IF_ERROR(CommitLocked());
    return PutResult{true, events.size()};
  }

  core::Status Commit() override {
    std::lock_guard<std::mutex> lock(store_->write_mu());
    return CommitLocked();
  }

  core::Status Finish() override {
    RETURN_IF_ERROR(Commit());
    return store_->Compact();
  }

 private:
  struct Pending {
    std::vector<core::Event> events;
    PreparedArticle prepared;  // points at `events`
  };

  core::Status CommitLocked() {
    if (pending_.empty()) return core::Status::Ok();
    std::vector<const PreparedArticle*> batch;
    batch.reserve(pending_.size());
    for (const auto& p : pending_) batch.push_back(&p->prepared);
    core::Status st = store_->WriteArticles(batch);
    pending_.clear();  // written, or lost like a crash would lose them
    ids_.clear();
    pending_events_ = 0;
    return st;
  }

  RocksStore* store_;
  size_t batch_articles_, batch_events_;
  std::vector<std::unique_ptr<Pending>> pending_;
  std::set<std::string> ids_;  // article and event ids of the pending batch
  size_t pending_events_ = 0;
};

}  // namespace

core::Result<std::unique_ptr<ArticleLoader>> NewArticleLoader(
    Store* store, size_t batch_articles, size_t batch_events) {
  auto* rs = dynamic_cast<RocksStore*>(store);
  if (!rs) return core::Status::Invalid("loading needs a RocksDB store");
  if (rs->read_only())
    return core::Status(core::Code::kUnsupported, "store is open read-only");
  return std::unique_ptr<ArticleLoader>(
      new RocksArticleLoader(rs, std::max<size_t>(1, batch_articles),
                             std::max<size_t>(1, batch_events)));
}

}  // namespace geotl::store
