"""`python -m border_client.cli`."""

import sys

from border_client.cli import main

sys.exit(main())
