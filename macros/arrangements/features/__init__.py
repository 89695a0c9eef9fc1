"""The features the site is made of: pages, documents and checks.

Why every module is imported here: features register page makers,
renderers, records and checks on import, and this order decides the order
of the navigation, the sitemap and the search index.
"""

from arrangements.features import (  # noqa: F401
    accessibility,
    adopt,
    agencies,
    agency_lookup,
    changes,
    checklist,
    checklist_command,
    documents_build,
    history,
    news,
    opendata,
    privacy,
    redirects,
    report,
    scaffold,
    settings,
    site,
    site_menus,
    snippets,
    structure_pages,
)
