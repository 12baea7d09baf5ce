#include "server/api.h"

#include "timeline/api.h"

namespace geotl::server {

std::string DumpJson(const core::Json& j) { return timeline::DumpBody(j); }

core::Json AsOf(const store::Store& store) {
  return timeline::AsOfJson(timeline::LatestAsOf(store));
}

ApiResponse JsonResponse(int status, const core::Json& body) {
  ApiResponse r;
  r.status = status;
  r.body = DumpJson(body);
  return r;
}

ApiResponse ErrorResponse(int status, const std::string& message,
                          const std::string& parameter) {
  core::Json err = {{"status", status}, {"message", message}};
  if (!parameter.empty()) err["parameter"] = parameter;
  return JsonResponse(status, core::Json{{"error", std::move(err)}});
}

ApiResponse StatusResponse(const core::Status& st,
                           const std::string& parameter) {
  switch (st.code()) {
    case core::Code::kInvalidArgument:
      return ErrorResponse(400, st.message(), parameter);
    case core::Code::kNotFound:
      return ErrorResponse(404, st.message(), parameter);
    default:
      return ErrorResponse(500, st.ToString());
  }
}

}  // namespace geotl::server
