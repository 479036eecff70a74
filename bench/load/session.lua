-- Sends the session cookie given in the JG_COOKIE environment variable.
wrk.headers["Cookie"] = os.getenv("JG_COOKIE")
