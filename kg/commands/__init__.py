"""The ``kg`` command's implementations, one module per area; :mod:`kg.cli` parses.

Each ``cmd_NAME(args) -> int`` runs one subcommand from the parsed arguments
(its docstring is the subcommand's ``--help`` description) and returns the exit status:

==============  ====================================================
module          commands
==============  ====================================================
``build``       ``kg build``, ``kg remove``
``query``       ``kg query``, ``kg html``, ``kg export``, ``kg validate``
``analysis``    ``kg entity``, ``kg stats``, ``kg path``, ``kg neighbors``
``evaluation``  ``kg eval``, ``kg train``
``serve``       ``kg serve``
``common``      what they share: settings, the graph or server named, JSON
==============  ====================================================
"""
