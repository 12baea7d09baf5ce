// CheckpointStore: a consistent copy of an open store, as of now, written to
// a new folder (RocksDB checkpoint: SST files hard-linked where the file
// system allows, the rest copied) that opens as a store of its own, e.g.
// read-only behind `geotl serve --read-only` (docs/scale.md). Needs a store
// opened for writing. Thread-safe like the store's const methods.
#pragma once

#include <string>

#include "core/status.h"
#include "store/store.h"

namespace geotl {

// `dir` must not exist. kUnsupported for a store opened read-only.
Status CheckpointStore(const Store& store, const std::string& dir);

}  // namespace geotl
