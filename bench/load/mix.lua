-- The soak mix: the read paths of the load test in turn, and one write (a new
-- 案件线索) in every ten requests. Paths come from JG_PATHS (space-separated).
local paths = {}
for p in string.gmatch(os.getenv("JG_PATHS"), "%S+") do paths[#paths + 1] = p end
local n = 0
local body = string.format(
  '{"source":"complaint","description":"浸泡测试线索","found_on":"2024-03-01","department_id":%s}',
  os.getenv("JG_DEPARTMENT"))
-- wrk.format replaces the default headers with the ones it is given: the
-- write's headers carry the session cookie too.
local write_headers = {}
request = function()
  n = n + 1
  if n % 10 == 0 then
    if next(write_headers) == nil then
      for k, v in pairs(wrk.headers) do write_headers[k] = v end
      write_headers["Content-Type"] = "application/json"
      write_headers["X-CSRF-Token"] = os.getenv("JG_CSRF")
    end
    return wrk.format("POST", "/api/v1/leads", write_headers, body)
  end
  return wrk.format("GET", paths[n % #paths + 1])
end
