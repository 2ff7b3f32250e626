#!/usr/bin/env python3
"""scripts/forecast.py: the escalate package's `escalate-forecast` (python/escalate/tools/forecast.py),
for a python that has the package installed (README, "The Python package and its tools")."""
import sys

try:
    from escalate.tools.forecast import main
except ModuleNotFoundError as e:
    print(f"scripts/forecast.py: error: no module {e.name} for {sys.executable}: install the package with "
          "/usr/bin/python3 -m venv --system-site-packages v && v/bin/pip install --no-build-isolation ./python, "
          "then run v/bin/escalate-forecast", file=sys.stderr)
    sys.exit(2)
sys.exit(main())
