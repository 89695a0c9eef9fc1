"""What a site engine needs from the core: Markdown files (hand-written pages' macros rendered), the
engine config, the preview server and each page's security policy. No engine runs any of our code."""
