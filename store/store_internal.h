// Internal to store/ and its tests (leveldb's *_internal.h): hooks that
// tests need and programs must not use. Not thread-safe: call before the
// store is shared.
#pragma once

#include "store/store.h"

namespace geotl::store {

// PutArticle fails (writing nothing) after encoding `n` events of an
// article; -1 = never (the default).
void SetFailAfterEventsForTesting(Store* store, int n);

}  // namespace geotl::store
