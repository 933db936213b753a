"""`python -m stpaul_bench [NAME…]`: the benchmarks, a developer's command (not in the advisor's app)."""

import sys

from stpaul_bench.runner import main

sys.exit(main())
