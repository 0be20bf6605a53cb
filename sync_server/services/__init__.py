"""Server services: transactions and rules; routers and the CLI call these."""
