-- A write under load: each request files a new 案件线索 (a transaction with
-- its audit entry). JG_CSRF and JG_DEPARTMENT come from the environment.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-CSRF-Token"] = os.getenv("JG_CSRF")
wrk.body = string.format(
  '{"source":"complaint","description":"负载测试线索","found_on":"2024-03-01","department_id":%s}',
  os.getenv("JG_DEPARTMENT"))
