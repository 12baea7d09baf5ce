// RocksStore::ReadChanges: pages of the change feed (store/changes.h), read
// from one snapshot so that the page and its as_of agree.
#include <rocksdb/iterator.h>

#include "store/rocks_store.h"

namespace geotl::store {

core::Result<ChangePage> RocksStore::ReadChanges(uint64_t since,
                                                 size_t limit) const {
  ChangePage page;
  page.next_since = since;
  const rocksdb::Snapshot* snap = db_->GetSnapshot();
  struct Release {
    rocksdb::DB* db;
    const rocksdb::Snapshot* s;
    ~Release() { db->ReleaseSnapshot(s); }
  } release{db_.get(), snap};
  rocksdb::ReadOptions ro;
  ro.snapshot = snap;
  page.as_of_sequence = ReadMeta64("seq", snap);
  page.as_of_millis = ReadMeta64("time_ms", snap);
  if (!cf_[kCfChanges]) return page;  // a store written before the feed
  if (since == UINT64_MAX) return page;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf_[kCfChanges]));
  uint64_t last = since;
  for (it->Seek(ChangeKey(since + 1, 0)); it->Valid(); it->Next()) {
    uint64_t seq = ChangeKeySequence(it->key().ToStringView());
    if (seq == 0) return core::Status::Corruption("malformed change-feed key");
    if (seq != last && page.changes.size() >= limit) {
      page.more = true;  // stop at a write boundary
      break;
    }
    last = seq;
    page.changes.push_back(it->value().ToString());
  }
  RETURN_IF_ERROR(FromRocks(it->status(), "read changes"));
  page.next_since = last;
  return page;
}

}  // namespace geotl::store
