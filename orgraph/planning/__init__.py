"""The planners' questions: what changed, what if someone leaves, who is represented where, the state.

One stage above :mod:`orgraph.query` and :mod:`orgraph.rules` (it uses both), below :mod:`orgraph.output`:

- :mod:`.graphs` — the model on a date as a graph read through any backend, and whose council a node is
- :mod:`.diff` — ``orgraph diff``: between two dates, and between two versions of the model
- :mod:`.versions` — a version of the model from a directory or a git ref, never touching the work tree
- :mod:`.impact` — ``orgraph impact``: what breaks when people leave or posts fall vacant
- :mod:`.matrix` — ``orgraph matrix``: administrations × councils, people × bodies
- :mod:`.summary` — ``orgraph summary``: one page for leadership
"""
