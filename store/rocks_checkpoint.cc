// CheckpointStore through RocksDB's Checkpoint utility (flushes the
// memtables first, so the copy holds every committed write).
#include <rocksdb/utilities/checkpoint.h>

#include <memory>

#include "store/rocks_store.h"

namespace geotl::store {

core::Status CheckpointStore(const Store& store, const std::string& dir) {
  const auto* rocks = dynamic_cast<const RocksStore*>(&store);
  if (rocks == nullptr)
    return core::Status(core::Code::kUnsupported,
                        "checkpoint: not a RocksDB store");
  rocksdb::Checkpoint* raw = nullptr;
  RETURN_IF_ERROR(
      FromRocks(rocksdb::Checkpoint::Create(rocks->db(), &raw), "checkpoint"));
  std::unique_ptr<rocksdb::Checkpoint> cp(raw);
  return FromRocks(cp->CreateCheckpoint(dir), "checkpoint " + dir);
}

}  // namespace geotl::store
