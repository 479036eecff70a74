-- Requests the paths listed one a line in the file named by JG_PATHS_FILE,
-- in turn (e.g. the public pages of 2000 different entities, as a scraper
-- walks the directory).
local paths = {}
for line in io.lines(os.getenv("JG_PATHS_FILE")) do paths[#paths + 1] = line end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[n % #paths + 1])
end
