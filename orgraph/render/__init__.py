"""Stage 3: the interactive picture, one self-contained offline HTML page (see :mod:`.page`)."""

from orgraph.render.page import (
    NoPathError,
    page_data,
    render_html,
    script_json,
    vis_network_files,
    write_html,
)

__all__ = ["NoPathError", "page_data", "render_html", "script_json", "vis_network_files", "write_html"]
