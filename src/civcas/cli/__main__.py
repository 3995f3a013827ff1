"""``python -m civcas.cli``: the ``civcas`` command (e.g. ``python -X importtime -m civcas.cli``)."""
from . import main

main()
