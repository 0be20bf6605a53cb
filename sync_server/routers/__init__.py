"""HTTP routers: thin (parse, call a service, answer)."""
