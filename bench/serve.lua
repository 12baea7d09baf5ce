-- wrk script for bench/serve.sh: cycles through 1,000 different first-page
-- event queries (limit=100) and prints the result as one JSON object.
-- The URL mix: actor, type + year range, region + year, location country,
-- actor + type, in turn; codes and years are fixed lists, so runs compare.
local actors = {"RUS", "USA", "CHN", "DEU", "FRA", "GBR", "JPN", "UKR", "IND", "BRA",
                "TUR", "IRN", "ISR", "POL", "KEN", "NGA", "ZAF", "AUS", "CAN", "MEX"}
local types = {"CONSULT", "AGREE", "COOPERATE", "MOBILIZE", "ASSAULT", "STATEMENT",
               "SANCTION", "PROTEST", "ACCUSE", "THREATEN", "AID", "REQUEST"}
local regions = {"150", "142", "002", "019", "009", "155", "151", "030", "145", "014"}

local paths = {}
for i = 0, 999 do
  local a = actors[(i % #actors) + 1]
  local t = types[(math.floor(i / 7) % #types) + 1]
  local r = regions[(math.floor(i / 3) % #regions) + 1]
  local y = 2000 + (i % 25)
  local kind = i % 5
  local q
  if kind == 0 then
    q = "actor=" .. a .. "&from=" .. y
  elseif kind == 1 then
    q = "type=" .. t .. "&from=" .. y .. "&to=" .. (y + 1)
  elseif kind == 2 then
    q = "region=" .. r .. "&from=" .. y .. "-01&to=" .. y .. "-12"
  elseif kind == 3 then
    q = "country=" .. a .. "&from=" .. y
  else
    q = "actor=" .. a .. "&type=" .. t
  end
  paths[#paths + 1] = "/v1/events?" .. q .. "&limit=100"
end

local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end


done = function(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    '{"requests":%d,"seconds":%.2f,"requests_per_s":%.1f,' ..
    '"latency_ms":{"p50":%.2f,"p90":%.2f,"p99":%.2f,"max":%.2f,"mean":%.2f},' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"bytes":%d,"distinct_urls":%d}\n',
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
    e.connect, e.read, e.write, e.status, e.timeout, summary.bytes, #paths))
end
