#include "ingest/code/data_file.h"

#include <fstream>
#include <sstream>

namespace geotl::ingest::code {

core::Result<std::string> ReadDataFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Status::NotFound("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace geotl::ingest::code
