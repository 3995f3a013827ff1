-- wrk script for bench/web_load.py: cycles through the pages of one kind (the queue, list
-- pages with sorts, filters and pages, incident pages), stops each thread after MAX requests,
-- reports latency percentiles as JSON.
local paths = {}
local sorts = {"date", "killed", "grade", "place", "claims", "sources"}
for i, s in ipairs(sorts) do
  for _, o in ipairs({"desc", "asc"}) do
    table.insert(paths, "/incidents?sort=" .. s .. "&order=" .. o .. "&page=" .. (i * 7))
  end
end
for _, f in ipairs({"grade=weak", "grade=fair&sort=killed", "country=SY", "admin1=Governorate%203",
                    "since=2017-01-01&until=2017-06-30", "perpetrator=russia", "q=kafr%20c1",
                    "q=observatory&page=2", "country=SY&grade=weak&sort=place&order=asc"}) do
  table.insert(paths, "/incidents?" .. f)
end
table.insert(paths, "/api/incidents?per_page=50&page=3")
table.insert(paths, "/api/incidents?grade=weak&sort=killed")

-- WEB_BENCH_PATHS: a file of paths, one a line (bench/web_load.py writes one per page kind);
-- unset, the list pages above
local listing = os.getenv("WEB_BENCH_PATHS")
if listing then
  paths = {}
  for line in io.lines(listing) do
    if line ~= "" then table.insert(paths, line) end
  end
end

local counter, done_here, max_requests = 0, 0, tonumber(os.getenv("WEB_BENCH_MAX") or "2000")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function response(status, headers, body)
  done_here = done_here + 1
  if done_here >= max_requests then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
                 + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'WRK_JSON {"requests": %d, "seconds": %.3f, "errors": %d, "p50_ms": %.2f, ' ..
    '"p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "mean_ms": %.2f, "paths": %d}\n',
    summary.requests, summary.duration / 1e6, errors, latency:percentile(50) / 1e3,
    latency:percentile(95) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3,
    latency.mean / 1e3, #paths))
end
