import sys

from seedcheck.cli import main

sys.exit(main())
