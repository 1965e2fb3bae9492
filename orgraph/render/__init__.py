"""Stage 3: the interactive picture, one self-contained offline HTML page.

- :mod:`.page` — puts the page together (:func:`render_html`, :func:`write_html`)
- :mod:`.policy` — the security policy: inlining, script hashes, safe script JSON
- :mod:`.views` — what is drawn: the model through any backend, blocks, council and path views
- :mod:`.layout` — where each node stands
- :mod:`.network` — vis-network's nodes, edges and options (through pyvis)
- :mod:`.panel` — the details, legend, path and escalation data beside the drawing
"""

from orgraph.render.page import NoPathError, render_html, write_html
from orgraph.render.policy import page_data, script_json, vis_network_files

__all__ = ["NoPathError", "page_data", "render_html", "script_json", "vis_network_files", "write_html"]
